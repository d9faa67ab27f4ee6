package dev.fieldlink.relay.account;

import static dev.fieldlink.protocol.audit.AuditEventTypes.LOGIN_FAILED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.LOGIN_SUCCEEDED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.LOGOUT;
import static dev.fieldlink.protocol.audit.AuditEventTypes.REFRESH_REUSE_DETECTED;

import dev.fieldlink.auth.AuthException;
import dev.fieldlink.auth.SecretCipher;
import dev.fieldlink.auth.jwt.AccessClaims;
import dev.fieldlink.auth.jwt.IssuedToken;
import dev.fieldlink.auth.jwt.RevokedTokens;
import dev.fieldlink.auth.jwt.TokenIssuer;
import dev.fieldlink.auth.lockout.LoginThrottle;
import dev.fieldlink.auth.password.PasswordHasher;
import dev.fieldlink.auth.refresh.IssuedRefreshToken;
import dev.fieldlink.auth.refresh.RefreshReuseException;
import dev.fieldlink.auth.refresh.RefreshTokenService;
import dev.fieldlink.auth.refresh.Rotation;
import dev.fieldlink.auth.totp.TotpVerifier;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.TokenResponse;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sign-in, refresh and sign-out, following docs/auth.md: the answer and the work done do not reveal whether an
 * account exists or which factor was wrong; account state is only reported after both factors were right; every
 * success and failure is an audit event (with the username as typed and the source address, never the password or
 * code). Thread-safe.
 */
public final class SignIn {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignIn.class);
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 1024;

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final TotpVerifier totp;
    private final SecretCipher cipher;
    private final LoginThrottle throttle;
    private final TokenIssuer issuer;
    private final RefreshTokenService refreshTokens;
    private final RevokedTokens revoked;
    private final EntitlementPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    public SignIn(
            AccountRepository accounts,
            PasswordHasher hasher,
            TotpVerifier totp,
            SecretCipher cipher,
            LoginThrottle throttle,
            TokenIssuer issuer,
            RefreshTokenService refreshTokens,
            RevokedTokens revoked,
            EntitlementPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.totp = totp;
        this.cipher = cipher;
        this.throttle = throttle;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.revoked = revoked;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks password and TOTP code and issues tokens.
     *
     * @throws FieldlinkException {@code invalid-credentials} (401) for any wrong factor or unknown name, {@code
     *     account-locked} (429) while throttled, {@code account-disabled} or {@code undertaking-expired} (403) once
     *     both factors were right, {@code validation} (422) for missing fields
     */
    public TokenResponse login(LoginRequest req, String remoteAddress) {
        if (req == null || isBlank(req.username()) || req.password() == null || isBlank(req.totp())) {
            throw new FieldlinkException(ProblemType.VALIDATION, "username, password and totp are required");
        }
        String username = req.username().strip().toLowerCase(Locale.ROOT);
        if (username.length() > MAX_USERNAME
                || req.password().length() > MAX_PASSWORD
                || req.totp().length() > 16) {
            failed(username, remoteAddress, null, "input too long");
            throw invalidCredentials();
        }
        StoredCredentials credentials;
        Account account;
        try (LoginThrottle.Attempt attempt = throttle.begin(username, remoteAddress)) {
            Optional<Duration> wait = attempt.refused();
            if (wait.isPresent()) {
                failed(username, remoteAddress, null, "locked");
                long seconds = Math.max(1, wait.get().toSeconds());
                throw new FieldlinkException(
                        ProblemType.ACCOUNT_LOCKED,
                        "too many failed sign-ins; try again in " + seconds + " seconds",
                        seconds,
                        null);
            }
            Optional<StoredCredentials> stored = accounts.credentialsByUsername(username);
            char[] password = req.password().toCharArray();
            boolean passwordOk;
            String secret = null;
            try {
                if (stored.isPresent()) {
                    passwordOk = hasher.verify(password, stored.get().passwordHash());
                    secret = unseal(stored.get());
                } else {
                    passwordOk = hasher.verifyDummy(password);
                }
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            OptionalLong step = totp.match(secret, req.totp().strip());
            account = stored.map(StoredCredentials::account).orElse(null);
            if (account == null || !passwordOk || step.isEmpty() || !totp.consume(account.id(), step.getAsLong())) {
                attempt.failed();
                failed(username, remoteAddress, account, "wrong credentials");
                throw invalidCredentials();
            }
            if (!account.active()) {
                failed(username, remoteAddress, account, "account disabled");
                throw new FieldlinkException(ProblemType.ACCOUNT_DISABLED, "the account is disabled");
            }
            if (!policy.undertakingValid(account.toTechnician(), clock.instant())) {
                failed(username, remoteAddress, account, "undertaking missing or expired");
                throw undertakingExpired(account);
            }
            attempt.succeeded();
            credentials = stored.get();
        }
        if (hasher.needsRehash(credentials.passwordHash())) {
            char[] again = req.password().toCharArray();
            try {
                accounts.updatePasswordHash(account.id(), hasher.hash(again), clock.instant());
            } finally {
                java.util.Arrays.fill(again, '\0');
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("address", remoteAddress);
        audit.record(LOGIN_SUCCEEDED, account.actor(), "user:" + account.id(), details);
        return tokens(account, refreshTokens.issue(account.id()));
    }

    /**
     * Rotates a refresh token.
     *
     * @throws AuthException (401) for unknown, expired, revoked or reused tokens; reuse is audited
     */
    public TokenResponse refresh(String presented, String remoteAddress) {
        if (isBlank(presented) || presented.length() > 256) {
            throw new AuthException(AuthException.Reason.REFRESH_UNKNOWN, "refreshToken is missing or malformed");
        }
        Rotation rotation;
        try {
            rotation = refreshTokens.rotate(presented);
        } catch (RefreshReuseException e) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("family", e.familyId());
            details.put("address", remoteAddress);
            audit.record(REFRESH_REUSE_DETECTED, "technician:" + e.userId(), "user:" + e.userId(), details);
            throw e;
        }
        Account account = accounts.findById(rotation.userId()).orElse(null);
        if (account == null || !account.active()) {
            refreshTokens.revokeAll(rotation.userId());
            throw new FieldlinkException(ProblemType.ACCOUNT_DISABLED, "the account is disabled");
        }
        // Sliding refresh must not outlive the undertaking: signing in again asks for it too.
        if (!policy.undertakingValid(account.toTechnician(), clock.instant())) {
            refreshTokens.revokeAll(account.id());
            throw undertakingExpired(account);
        }
        return tokens(account, rotation.next());
    }

    private FieldlinkException undertakingExpired(Account account) {
        Optional<LocalDate> validUntil = policy.undertakingValidUntil(account.toTechnician());
        return new FieldlinkException(
                ProblemType.UNDERTAKING_EXPIRED,
                validUntil.isEmpty()
                        ? "the security and privacy undertaking has not been signed"
                        : "the security and privacy undertaking expired after " + validUntil.get());
    }

    /** Signs out: revokes the refresh token's family and the access token. */
    public void logout(String refreshToken, AccessClaims access) {
        if (!isBlank(refreshToken) && refreshToken.length() <= 256) {
            refreshTokens.revoke(refreshToken);
        }
        revoked.revoke(access.jti(), access.expiresAt());
        audit.record(LOGOUT, "technician:" + access.subject(), "user:" + access.subject());
    }

    private String unseal(StoredCredentials c) {
        try {
            return cipher.decryptFromBase64(c.sealedTotpSecret(), c.account().id());
        } catch (IllegalArgumentException e) {
            LOG.error(
                    "the TOTP secret of {} cannot be decrypted: is the TOTP key the one it was sealed with?",
                    c.account().id());
            return null;
        }
    }

    private TokenResponse tokens(Account account, IssuedRefreshToken refresh) {
        IssuedToken access = issuer.issueAccessToken(account.id(), account.roles());
        return new TokenResponse(access.token(), "Bearer", access.expiresAt(), refresh.token(), refresh.expiresAt());
    }

    private void failed(String username, String remoteAddress, Account account, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("address", remoteAddress);
        details.put("reason", reason);
        audit.record(
                LOGIN_FAILED,
                account == null ? "anonymous" : account.actor(),
                account == null ? null : "user:" + account.id(),
                details);
    }

    private static FieldlinkException invalidCredentials() {
        return new FieldlinkException(ProblemType.INVALID_CREDENTIALS, "username, password or code is wrong");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
