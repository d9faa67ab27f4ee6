package dev.fieldlink.auth.client;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * On a 401 answer to a request that carried our bearer token, refreshes the tokens once through a callback and
 * retries the request once with the new access token.
 *
 * <p>It never loops: it gives up (returns {@code null}, so the caller sees the 401) if the request was itself a
 * login or refresh, carried no bearer token, was already retried after a 401, or if the refresh returned the very
 * token that was just refused. If another thread refreshed meanwhile, the request is retried with that token
 * without refreshing again. Refreshes are serialised, so the relay never sees one refresh token twice (which it
 * would treat as theft and revoke the login).
 *
 * <p>If the relay refuses the refresh token ({@link Refresher} returns empty) the store is cleared: the user must
 * sign in again. A network failure during the refresh propagates as the call's {@link IOException} and keeps the
 * tokens.
 */
public final class RefreshingAuthenticator implements Authenticator {
    /** Performs {@code POST auth/refresh}. */
    @FunctionalInterface
    public interface Refresher {
        /**
         * @return the new tokens, or empty if the relay refused the refresh token
         * @throws IOException if the relay could not be reached
         */
        Optional<StoredTokens> refresh(String refreshToken) throws IOException;
    }

    private final TokenStore store;
    private final Refresher refresher;
    private final Object lock = new Object();

    public RefreshingAuthenticator(TokenStore store, Refresher refresher) {
        this.store = Objects.requireNonNull(store, "store");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
    }

    @Override
    public Request authenticate(Route route, Response response) throws IOException {
        Request request = response.request();
        if (response.code() != 401 || TokenEndpoints.isTokenEndpoint(request.url()) || retriedAfter401(response)) {
            return null;
        }
        String sent = TokenEndpoints.bearer(request);
        if (sent == null) {
            return null;
        }
        synchronized (lock) {
            Optional<StoredTokens> stored = store.load();
            if (stored.isEmpty()) {
                return null;
            }
            if (!stored.get().accessToken().equals(sent)) {
                return TokenEndpoints.withBearer(request, stored.get().accessToken());
            }
            Optional<StoredTokens> fresh = refresher.refresh(stored.get().refreshToken());
            if (fresh.isEmpty()) {
                store.clear();
                return null;
            }
            store.save(fresh.get());
            if (fresh.get().accessToken().equals(sent)) {
                return null;
            }
            return TokenEndpoints.withBearer(request, fresh.get().accessToken());
        }
    }

    private static boolean retriedAfter401(Response response) {
        for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
            if (prior.code() == 401) {
                return true;
            }
        }
        return false;
    }
}
