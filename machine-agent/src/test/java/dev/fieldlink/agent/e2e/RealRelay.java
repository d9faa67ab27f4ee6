package dev.fieldlink.agent.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.agent.enroll.CertificatePin;
import dev.fieldlink.auth.totp.Totp;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.api.TokenResponse;
import dev.fieldlink.relay.Relay;
import dev.fieldlink.relay.RunningRelay;
import dev.fieldlink.relay.admin.CreatedUser;
import dev.fieldlink.relay.admin.NewMachine;
import dev.fieldlink.relay.admin.NewUser;
import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The real relay in process, for the agent's end-to-end tests: file database and fixed ports so it can be stopped
 * and started again with its data, a clock the test controls (frozen unless moved), a technician signed in over the
 * HTTPS API, and helpers for the session calls a console makes.
 */
final class RealRelay implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple 42";
    static final String REGION = "DE";
    static final String PRODUCT_LINE = "digital-cutter";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final RelaySettings settings;
    private final ObjectMapper json = Json.mapper();
    private RunningRelay relay;
    private OkHttpClient http;
    private String token;
    private String totpSecret;

    RealRelay(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path cert = dir.resolve("test-tls.pem");
        Path key = dir.resolve("test-tls.key");
        // Our own certificate (PKCS#8 key): the relay's self-generated TLS key does not load again after a restart.
        try {
            Process p = new ProcessBuilder(
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "ec",
                            "-pkeyopt",
                            "ec_paramgen_curve:P-256",
                            "-nodes",
                            "-keyout",
                            key.toString(),
                            "-out",
                            cert.toString(),
                            "-days",
                            "2",
                            "-subj",
                            "/CN=localhost",
                            "-addext",
                            "subjectAltName=IP:127.0.0.1,DNS:localhost")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor() != 0) {
                throw new IOException("openssl req failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        this.settings = RelaySettings.ephemeral(dir)
                .tls(cert, key)
                .httpPort(freePort())
                .sshPort(freePort())
                .dbUrl("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath())
                .tick(Duration.ofMillis(100))
                .build();
        start();
    }

    void start() {
        relay = Relay.start(settings, clock);
        try {
            CertificatePin pin = new CertificatePin(relay.tlsFingerprint());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {pin}, null);
            http = new OkHttpClient.Builder()
                    .sslSocketFactory(tls.getSocketFactory(), pin)
                    .hostnameVerifier((h, s) -> true)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        relay.close();
    }

    RunningRelay relay() {
        return relay;
    }

    /** A machine with remote service on, at most 60 minutes. */
    void machine(String id) {
        relay.admin()
                .addMachine(new NewMachine(
                        id,
                        "SN-" + id,
                        "Cutter " + id,
                        "Customer of " + id,
                        "Plant 1",
                        REGION,
                        PRODUCT_LINE,
                        "DC-3200",
                        new CustomerSwitches(true, false, false),
                        60));
    }

    String provision(String machineId) {
        return relay.admin().provisionMachine(machineId).code();
    }

    /** The access token of a DACH technician certified for digital cutters (signed in once per relay). */
    String token() throws IOException {
        if (token == null) {
            if (totpSecret == null) {
                CreatedUser u = relay.admin()
                        .addUser(new NewUser(
                                "anna",
                                "Anna Berger",
                                "Fieldlink Service GmbH",
                                PASSWORD,
                                null,
                                Set.of(Role.TECHNICIAN),
                                Set.of("DACH"),
                                Map.of(PRODUCT_LINE, LocalDate.parse("2027-12-31")),
                                LocalDate.parse("2026-06-01"),
                                null));
                totpSecret = u.totpSecret();
            }
            String code = new Totp().codeAt(totpSecret, clock.instant());
            token = post("/api/v1/auth/login", new LoginRequest("anna", PASSWORD, code), null, TokenResponse.class)
                    .accessToken();
        }
        return token;
    }

    SessionView request(String machineId, int minutes) throws IOException {
        return post(
                "/api/v1/sessions",
                new SessionRequest(machineId, "Vacuum alarm E-214", "CASE-1", minutes),
                token(),
                SessionView.class);
    }

    SessionView session(String id) throws IOException {
        return call(
                new Request.Builder()
                        .url(relay.baseUrl() + "/api/v1/sessions/" + id)
                        .get(),
                token(),
                SessionView.class);
    }

    TicketResponse ticket(String id) throws IOException {
        return post("/api/v1/sessions/" + id + "/ticket", Map.of(), token(), TicketResponse.class);
    }

    private <T> T post(String path, Object body, String bearer, Class<T> type) throws IOException {
        RequestBody b = RequestBody.create(json.writeValueAsBytes(body), MediaType.get("application/json"));
        return call(new Request.Builder().url(relay.baseUrl() + path).post(b), bearer, type);
    }

    private <T> T call(Request.Builder request, String bearer, Class<T> type) throws IOException {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try (Response r = http.newCall(request.build()).execute()) {
            String body = r.body().string();
            if (!r.isSuccessful()) {
                throw new IOException(r.request().url() + " answered " + r.code() + ": " + body);
            }
            return json.readValue(body, type);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            relay.close();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("closing the relay: " + e.getMessage(), e));
        }
    }
}
