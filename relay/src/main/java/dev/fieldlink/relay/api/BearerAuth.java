package dev.fieldlink.relay.api;

import dev.fieldlink.auth.AuthException;
import dev.fieldlink.auth.jwt.AccessClaims;
import dev.fieldlink.auth.jwt.TokenVerifier;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import io.javalin.http.Context;

/**
 * Checks {@code Authorization: Bearer <access token>} and loads the account on every request, so a disabled account
 * stops working at once even while its access token is still valid. Thread-safe.
 */
final class BearerAuth {
    static final String CALLER = "fieldlink.caller";

    private final TokenVerifier verifier;
    private final AccountRepository accounts;

    BearerAuth(TokenVerifier verifier, AccountRepository accounts) {
        this.verifier = verifier;
        this.accounts = accounts;
    }

    /** Authenticates the request and remembers the caller on it. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new FieldlinkException(
                    ProblemType.UNAUTHENTICATED, "an access token is required (Authorization: Bearer)");
        }
        AccessClaims claims = verifier.verifyAccessToken(header.substring(7).trim());
        Account account = accounts.findById(claims.subject())
                .orElseThrow(
                        () -> new AuthException(AuthException.Reason.MISSING_CLAIM, "the account no longer exists"));
        if (!account.active()) {
            throw new FieldlinkException(ProblemType.ACCOUNT_DISABLED, "the account is disabled");
        }
        ctx.attribute(CALLER, new Caller(account, claims));
    }

    static Caller caller(Context ctx) {
        Caller c = ctx.attribute(CALLER);
        if (c == null) {
            throw new FieldlinkException(ProblemType.UNAUTHENTICATED, "an access token is required");
        }
        return c;
    }
}
