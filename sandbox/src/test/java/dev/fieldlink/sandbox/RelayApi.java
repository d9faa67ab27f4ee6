package dev.fieldlink.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.TokenResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The sandbox relay's HTTPS API as a console calls it: java.net.http trusting only the sandbox's certificate. */
final class RelayApi {
    record Answer(int status, String body) {}

    private final RunningSandbox sandbox;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();

    RelayApi(RunningSandbox sandbox) {
        this.sandbox = sandbox;
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("sandbox", sandbox.relay().tlsCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            http = HttpClient.newBuilder()
                    .sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in with the account's password and current TOTP code; returns the access token. */
    String login(String username) {
        SandboxAccount a = sandbox.account(username);
        Answer answer =
                post("/api/v1/auth/login", new LoginRequest(username, a.password(), sandbox.totpCode(username)), null);
        if (answer.status() != 200) {
            throw new AssertionError("login of " + username + ": " + answer.status() + " " + answer.body());
        }
        return as(answer, TokenResponse.class).accessToken();
    }

    Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    Answer post(String path, Object body, String token) {
        try {
            return send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))),
                    token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T as(Answer a, Class<T> type) {
        try {
            return json.readValue(a.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T as(Answer a, TypeReference<T> type) {
        try {
            return json.readValue(a.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(sandbox.relayUrl() + path);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
