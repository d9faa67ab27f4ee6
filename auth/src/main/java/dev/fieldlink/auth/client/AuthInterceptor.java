package dev.fieldlink.auth.client;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <access token>} to requests for the relay. Deny by default: requests to any
 * other origin (scheme, host, port), the login and refresh endpoints, and requests that already carry an {@code
 * Authorization} header are passed on unchanged.
 *
 * <p>Install it as an application interceptor ({@code addInterceptor}), not a network interceptor: OkHttp then
 * drops the header itself if a redirect leaves the relay's host. Pair it with {@link RefreshingAuthenticator}.
 */
public final class AuthInterceptor implements Interceptor {
    private final TokenStore store;
    private final HttpUrl relayBase;

    /**
     * @param relayBase any URL of the relay; only its scheme, host and port matter
     */
    public AuthInterceptor(TokenStore store, HttpUrl relayBase) {
        this.store = Objects.requireNonNull(store, "store");
        this.relayBase = Objects.requireNonNull(relayBase, "relayBase");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") != null
                || !sameOrigin(request.url())
                || TokenEndpoints.isTokenEndpoint(request.url())) {
            return chain.proceed(request);
        }
        Optional<StoredTokens> tokens = store.load();
        if (tokens.isEmpty()) {
            return chain.proceed(request);
        }
        return chain.proceed(TokenEndpoints.withBearer(request, tokens.get().accessToken()));
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(relayBase.scheme())
                && url.host().equals(relayBase.host())
                && url.port() == relayBase.port();
    }
}
