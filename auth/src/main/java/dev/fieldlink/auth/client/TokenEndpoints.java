package dev.fieldlink.auth.client;

import okhttp3.HttpUrl;
import okhttp3.Request;

/** Requests that obtain tokens: they never carry a bearer and are never re-authenticated. */
final class TokenEndpoints {
    static final String BEARER_PREFIX = "Bearer ";

    private TokenEndpoints() {}

    static boolean isTokenEndpoint(HttpUrl url) {
        String path = url.encodedPath();
        return path.endsWith("/auth/login") || path.endsWith("/auth/refresh");
    }

    /** The bearer token a request carries, or {@code null}. */
    static String bearer(Request request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return null;
        }
        return header.substring(BEARER_PREFIX.length()).strip();
    }

    static Request withBearer(Request request, String token) {
        return request.newBuilder()
                .header("Authorization", BEARER_PREFIX + token)
                .build();
    }
}
