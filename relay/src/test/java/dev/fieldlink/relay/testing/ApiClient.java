package dev.fieldlink.relay.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small HTTPS client for the relay's API that trusts exactly the relay's certificate. */
public final class ApiClient {
    public static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final String base;
    private final ObjectMapper mapper = Json.mapper();

    public ApiClient(String base, X509Certificate trusted) {
        this.base = base;
        this.http = client(trusted).build();
    }

    /** An OkHttp builder trusting only {@code trusted}. */
    public static OkHttpClient.Builder client(X509Certificate trusted) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("relay", trusted);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
            return new OkHttpClient.Builder()
                    .sslSocketFactory(ctx.getSocketFactory(), tm)
                    .readTimeout(Duration.ofSeconds(30))
                    .callTimeout(Duration.ofSeconds(60));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public OkHttpClient http() {
        return http;
    }

    public String base() {
        return base;
    }

    /** A response read in full. */
    public record Answer(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return Json.mapper().readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("not a " + type.getSimpleName() + ": " + body, e);
            }
        }

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The problem type slug, e.g. {@code machine-busy}. */
        public String problemType() {
            String t = json().path("type").asText();
            return t.substring(t.lastIndexOf('/') + 1);
        }
    }

    public Answer get(String path, String token) {
        return call(new Request.Builder().url(base + path).get(), token);
    }

    public Answer post(String path, Object body, String token) {
        String json;
        try {
            json = body instanceof String s ? s : mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return call(new Request.Builder().url(base + path).post(RequestBody.create(json, JSON)), token);
    }

    public Answer call(Request.Builder rb, String token) {
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            String ct = r.header("Content-Type");
            return new Answer(r.code(), ct, r.body().string(), r.headers().toMultimap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
