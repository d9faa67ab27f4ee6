package dev.fieldlink.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's HTTP client side against a real HTTP server on loopback. */
class AuthClientTest {
    private static final StoredTokens OLD = tokens("old-access", "old-refresh");
    private static final StoredTokens FRESH = tokens("fresh-access", "fresh-refresh");

    private final MockWebServer server = new MockWebServer();
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final AtomicInteger refreshes = new AtomicInteger();
    private OkHttpClient client;

    private static StoredTokens tokens(String access, String refresh) {
        return new StoredTokens(access, Instant.parse("2026-11-22T10:10:00Z"), refresh, null);
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        store.save(OLD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client whose refresher calls {@code POST auth/refresh} on the same server with the same client. */
    private OkHttpClient clientWithHttpRefresher() {
        OkHttpClient[] self = new OkHttpClient[1];
        RefreshingAuthenticator.Refresher refresher = refreshToken -> {
            refreshes.incrementAndGet();
            Request refresh = new Request.Builder()
                    .url(server.url("/api/v1/auth/refresh"))
                    .post(RequestBody.create(
                            "{\"refreshToken\":\"" + refreshToken + "\"}", MediaType.get("application/json")))
                    .build();
            try (Response response = self[0].newCall(refresh).execute()) {
                if (response.code() != 200) {
                    return Optional.empty();
                }
                String access = response.body().string();
                return Optional.of(tokens(access, access + "-refresh"));
            }
        };
        self[0] = new OkHttpClient.Builder()
                .addInterceptor(new AuthInterceptor(store, server.url("/")))
                .authenticator(new RefreshingAuthenticator(store, refresher))
                .build();
        return self[0];
    }

    private Response get(String path) throws IOException {
        return client.newCall(new Request.Builder().url(server.url(path)).build())
                .execute();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("expected another request").isNotNull();
        return request;
    }

    @Test
    void interceptor_addsTheBearerToRelayRequests() throws Exception {
        client = clientWithHttpRefresher();
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());
        try (Response response = get("/api/v1/machines")) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer old-access");
    }

    @Test
    void interceptor_neverSendsTheTokenToAnotherOrigin() throws Exception {
        HttpUrl elsewhere = server.url("/").newBuilder().host("127.0.0.2").build();
        OkHttpClient other = new OkHttpClient.Builder()
                .addInterceptor(new AuthInterceptor(store, elsewhere))
                .build();
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (Response response = other.newCall(
                        new Request.Builder().url(server.url("/x")).build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(take().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void interceptor_leavesLoginAndRefreshRequestsWithoutBearer() throws Exception {
        client = clientWithHttpRefresher();
        server.enqueue(new MockResponse.Builder().code(200).build());
        client.newCall(new Request.Builder()
                        .url(server.url("/api/v1/auth/login"))
                        .post(RequestBody.create("{}", MediaType.get("application/json")))
                        .build())
                .execute()
                .close();
        assertThat(take().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void on401_refreshesOnce_andRetriesWithTheFreshToken() throws Exception {
        client = clientWithHttpRefresher();
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(200).body("fresh-access").build());
        server.enqueue(new MockResponse.Builder().code(200).body("machines").build());

        try (Response response = get("/api/v1/machines")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("machines");
        }

        RecordedRequest first = take();
        RecordedRequest refresh = take();
        RecordedRequest retry = take();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer old-access");
        assertThat(refresh.getUrl().encodedPath()).isEqualTo("/api/v1/auth/refresh");
        assertThat(refresh.getHeaders().get("Authorization")).isNull();
        assertThat(refresh.getBody().utf8()).contains("old-refresh");
        assertThat(retry.getHeaders().get("Authorization")).isEqualTo("Bearer fresh-access");
        assertThat(refreshes).hasValue(1);
        assertThat(store.load().orElseThrow().accessToken()).isEqualTo("fresh-access");
    }

    @Test
    void whenTheFreshTokenIsRefusedToo_givesUp_withoutAnotherRefresh() throws Exception {
        client = clientWithHttpRefresher();
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(200).body("fresh-access").build());
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("must never be requested")
                .build());

        try (Response response = get("/api/v1/machines")) {
            assertThat(response.code()).isEqualTo(401);
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void whenTheRefreshIsRefused_signsOut_andDoesNotLoop() throws Exception {
        client = clientWithHttpRefresher();
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("must never be requested")
                .build());

        try (Response response = get("/api/v1/machines")) {
            assertThat(response.code()).isEqualTo(401);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(refreshes).hasValue(1);
        assertThat(store.load()).isEmpty();
    }

    @Test
    void requestWithoutOurBearer_isNotReauthenticated() throws Exception {
        client = clientWithHttpRefresher();
        store.clear();
        server.enqueue(new MockResponse.Builder().code(401).build());
        try (Response response = get("/api/v1/me")) {
            assertThat(response.code()).isEqualTo(401);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void whenAnotherCallAlreadyRefreshed_retriesWithThatToken_withoutRefreshingAgain() throws Exception {
        // The request goes out with the old token; before its 401 arrives, another call stores fresh tokens.
        OkHttpClient[] self = new OkHttpClient[1];
        self[0] = new OkHttpClient.Builder()
                .addInterceptor(new AuthInterceptor(store, server.url("/")))
                .addNetworkInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    if (response.code() == 401) {
                        store.save(FRESH);
                    }
                    return response;
                })
                .authenticator(new RefreshingAuthenticator(store, token -> {
                    refreshes.incrementAndGet();
                    return Optional.empty();
                }))
                .build();
        client = self[0];
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        try (Response response = get("/api/v1/machines")) {
            assertThat(response.code()).isEqualTo(200);
        }
        take();
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer fresh-access");
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void refresherThatReturnsTheRefusedTokenAgain_doesNotLoop() throws Exception {
        client = new OkHttpClient.Builder()
                .addInterceptor(new AuthInterceptor(store, server.url("/")))
                .authenticator(new RefreshingAuthenticator(store, token -> {
                    refreshes.incrementAndGet();
                    return Optional.of(OLD);
                }))
                .build();
        server.enqueue(new MockResponse.Builder().code(401).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (Response response = get("/api/v1/machines")) {
            assertThat(response.code()).isEqualTo(401);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void networkFailureDuringRefresh_failsTheCall_andKeepsTheTokens() throws Exception {
        client = new OkHttpClient.Builder()
                .addInterceptor(new AuthInterceptor(store, server.url("/")))
                .authenticator(new RefreshingAuthenticator(store, token -> {
                    throw new IOException("relay unreachable");
                }))
                .build();
        server.enqueue(new MockResponse.Builder().code(401).build());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> get("/api/v1/machines").close())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("relay unreachable");
        assertThat(store.load()).contains(OLD);
    }
}
