package dev.fieldlink.console.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.auth.client.InMemoryTokenStore;
import dev.fieldlink.auth.client.StoredTokens;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.TokenResponse;
import dev.fieldlink.protocol.problem.ProblemType;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The REST client against an HTTPS server on loopback that answers like the relay's contract says. */
class RelayClientTest {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private MockRelay relay;
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private RelayClient client;

    @BeforeEach
    void start() throws Exception {
        relay = new MockRelay();
        client = new RelayClient(relay.address(), RelayTls.pinned(MockRelay.pin()), tokens);
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private static String tokenJson(String access, String refresh) throws Exception {
        return JSON.writeValueAsString(
                new TokenResponse(access, "Bearer", T0.plusSeconds(600), refresh, T0.plusSeconds(86400)));
    }

    private static MachineView machine(String id) {
        return new MachineView(
                id,
                "SN-" + id,
                "Press " + id,
                "Acme",
                "Berlin",
                "DACH",
                "presses",
                "P-100",
                true,
                T0,
                new CustomerSwitches(true, false, false),
                60);
    }

    private static final String ME = "{\"id\":\"u1\",\"username\":\"anna\",\"displayName\":\"Anna\",\"company\":\"F\","
            + "\"roles\":[\"TECHNICIAN\"],\"regions\":[\"DACH\"],\"certifications\":[],"
            + "\"undertakingSignedOn\":\"2026-01-01\",\"undertakingValidUntil\":\"2027-01-01\"}";

    @Test
    void login_storesTheTokens_andLaterCallsCarryTheBearer() throws Exception {
        relay.json(200, tokenJson("access-1", "refresh-1"));
        relay.json(200, ME);

        client.login("anna", "correct horse".toCharArray(), "123456");
        assertThat(client.me().username()).isEqualTo("anna");

        RecordedRequest login = relay.take();
        assertThat(login.getUrl().encodedPath()).isEqualTo("/api/v1/auth/login");
        assertThat(login.getHeaders().get("Authorization")).isNull();
        assertThat(login.getBody().utf8())
                .isEqualTo("{\"username\":\"anna\",\"password\":\"correct horse\",\"totp\":\"123456\"}");
        assertThat(relay.take().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(tokens.load()).map(StoredTokens::refreshToken).contains("refresh-1");
    }

    @Test
    void problemAnswer_becomesOneException_withTypeDetailAndRetryAfter() {
        relay.problem(429, "account-locked", "Too many failed sign-ins", ",\"retryAfterSeconds\":120");

        RelayException e =
                catchThrowableOfType(RelayException.class, () -> client.login("anna", "x".toCharArray(), "000000"));

        assertThat(e.failure()).isEqualTo(RelayException.Failure.PROBLEM);
        assertThat(e.type()).isEqualTo(ProblemType.ACCOUNT_LOCKED);
        assertThat(e.is(ProblemType.ACCOUNT_LOCKED)).isTrue();
        assertThat(e).hasMessage("Too many failed sign-ins");
        assertThat(e.retryAfterSeconds()).isEqualTo(120L);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(tokens.load()).isEmpty();
    }

    @Test
    void errorWithoutProblemDocument_isTypedByStatus_andReadsRetryAfterHeader() {
        relay.enqueue(new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "30")
                .body("<html>down</html>")
                .build());

        RelayException e = catchThrowableOfType(RelayException.class, () -> client.health());

        assertThat(e.type()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(e.failure()).isEqualTo(RelayException.Failure.PROBLEM);
        assertThat(e.retryAfterSeconds()).isEqualTo(30L);
        assertThat(e.getMessage()).contains("HTTP 503").doesNotContain("html");
    }

    @Test
    void unknownProblemType_fallsBackToTheStatus() {
        relay.problem(409, "something-new", "A newer relay says no", "");
        RelayException e = catchThrowableOfType(RelayException.class, () -> client.session("s1"));
        assertThat(e.type()).isEqualTo(ProblemType.INVALID_STATE);
        assertThat(e).hasMessage("A newer relay says no");
    }

    @Test
    void expiredAccessToken_isRefreshedOnce_andTheCallRetried() throws Exception {
        tokens.save(new StoredTokens("old-access", null, "old-refresh", null));
        relay.problem(401, "unauthenticated", "expired", "");
        relay.json(200, tokenJson("new-access", "new-refresh"));
        relay.json(200, ME);

        assertThat(client.me().id()).isEqualTo("u1");

        assertThat(relay.take().getHeaders().get("Authorization")).isEqualTo("Bearer old-access");
        RecordedRequest refresh = relay.take();
        assertThat(refresh.getUrl().encodedPath()).isEqualTo("/api/v1/auth/refresh");
        assertThat(refresh.getBody().utf8()).isEqualTo("{\"refreshToken\":\"old-refresh\"}");
        assertThat(relay.take().getHeaders().get("Authorization")).isEqualTo("Bearer new-access");
        assertThat(tokens.load()).map(StoredTokens::refreshToken).contains("new-refresh");
    }

    @Test
    void refusedRefresh_clearsTheTokens_andTheCallFailsUnauthenticated() {
        tokens.save(new StoredTokens("old-access", null, "old-refresh", null));
        relay.problem(401, "unauthenticated", "expired", "");
        relay.problem(401, "unauthenticated", "refresh token revoked", "");

        RelayException e = catchThrowableOfType(RelayException.class, () -> client.me());

        assertThat(e.type()).isEqualTo(ProblemType.UNAUTHENTICATED);
        assertThat(tokens.load()).isEmpty();
        assertThat(relay.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void wrongPinnedFingerprint_isACertificateMismatch_namingThePresentedOne() throws Exception {
        HeldCertificate other =
                new HeldCertificate.Builder().commonName("other").build();
        RelayClient pinnedElsewhere = new RelayClient(
                relay.address(), RelayTls.pinned(CertificateFingerprint.of(other.certificate())), tokens);

        RelayException e = catchThrowableOfType(RelayException.class, pinnedElsewhere::health);

        assertThat(e.failure()).isEqualTo(RelayException.Failure.CERTIFICATE_MISMATCH);
        assertThat(e.presentedCertificate()).contains(MockRelay.pin().toString());
        assertThat(e.getMessage()).contains(MockRelay.pin().toString());
        assertThat(relay.server.getRequestCount()).isZero();
    }

    @Test
    void runtimeTrustStore_refusesTheSelfIssuedCertificate_asUntrusted() {
        RelayClient systemTrust = new RelayClient(relay.address(), RelayTls.system(), tokens);

        RelayException e = catchThrowableOfType(RelayException.class, systemTrust::health);

        assertThat(e.failure()).isEqualTo(RelayException.Failure.CERTIFICATE_UNTRUSTED);
        assertThat(e.presentedCertificate()).contains(MockRelay.pin().toString());
    }

    @Test
    void trustedRoot_connects_butAnotherHostNameIsRefused() throws Exception {
        relay.json(200, "{\"status\":\"ok\",\"version\":\"1\",\"connectedAgents\":0,\"activeSessions\":0}");
        RelayClient trusting = new RelayClient(relay.address(), MockRelay.trustingRoot(), tokens);
        assertThat(trusting.health().status()).isEqualTo("ok");

        RelayAddress byIp = RelayAddress.parse("https://127.0.0.1:" + relay.server.getPort());
        RelayException e = catchThrowableOfType(
                RelayException.class, () -> new RelayClient(byIp, MockRelay.trustingRoot(), tokens).health());
        assertThat(e.failure()).isEqualTo(RelayException.Failure.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void pinnedCertificate_isAccepted_whateverTheHostName() throws Exception {
        relay.json(200, "{\"status\":\"ok\",\"version\":\"1\",\"connectedAgents\":2,\"activeSessions\":1}");
        RelayAddress byIp = RelayAddress.parse("https://127.0.0.1:" + relay.server.getPort());
        assertThat(new RelayClient(byIp, RelayTls.pinned(MockRelay.pin()), tokens)
                        .health()
                        .connectedAgents())
                .isEqualTo(2);
    }

    @Test
    void closedPort_isUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RelayClient nowhere =
                new RelayClient(RelayAddress.parse("localhost:" + port), RelayTls.pinned(MockRelay.pin()), tokens);
        RelayException e = catchThrowableOfType(RelayException.class, nowhere::health);
        assertThat(e.failure()).isEqualTo(RelayException.Failure.UNREACHABLE);
        assertThat(e).hasMessageContaining("cannot be reached");
    }

    @Test
    void machines_followsPagesWithFilters_inPagesTheRelayAccepts_andRefusesAnotherShape() throws Exception {
        relay.json(200, JSON.writeValueAsString(new Page<>(List.of(machine("m1"), machine("m2")), 3, 0, 500)));
        relay.json(200, JSON.writeValueAsString(new Page<>(List.of(machine("m3")), 3, 2, 500)));

        List<MachineView> all = client.machines(new MachineQuery("press ", "DACH", null, true));

        assertThat(all).extracting(MachineView::id).containsExactly("m1", "m2", "m3");
        RecordedRequest first = relay.take();
        assertThat(first.getUrl().queryParameter("q")).isEqualTo("press");
        assertThat(first.getUrl().queryParameter("region")).isEqualTo("DACH");
        assertThat(first.getUrl().queryParameter("productLine")).isNull();
        assertThat(first.getUrl().queryParameter("online")).isEqualTo("true");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("200"); // the relay's largest page
        assertThat(relay.take().getUrl().queryParameter("offset")).isEqualTo("2");

        relay.json(200, JSON.writeValueAsString(List.of(machine("m9"))));
        RelayException e = catchThrowableOfType(RelayException.class, () -> client.machines(MachineQuery.ALL));
        assertThat(e.failure()).isEqualTo(RelayException.Failure.BAD_RESPONSE);
        assertThat(e).hasMessageContaining("not a page of MachineView");
    }

    @Test
    void answerOfTheWrongShape_isABadResponse_withoutEchoingIt() {
        relay.json(200, "{\"surprise\":\"secret-looking text\"}");
        RelayException e = catchThrowableOfType(RelayException.class, () -> client.session("s1"));
        assertThat(e.failure()).isEqualTo(RelayException.Failure.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("SessionView").doesNotContain("secret-looking");
    }

    @Test
    void oversizedAnswer_isRefused() {
        RelayClient small = new RelayClient(
                relay.address(),
                RelayTls.pinned(MockRelay.pin()),
                tokens,
                new RelayClient.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 1024));
        relay.json(200, "[" + "\"x\",".repeat(1000) + "\"x\"]");
        RelayException e = catchThrowableOfType(RelayException.class, () -> small.machines(MachineQuery.ALL));
        assertThat(e.failure()).isEqualTo(RelayException.Failure.BAD_RESPONSE);
        assertThat(e).hasMessageContaining("larger than 1024 bytes");
    }

    @Test
    void idThatCouldEscapeThePath_isRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.session("../machines")).hasMessageContaining("Not a valid id: ../machines");
        assertThatThrownBy(() -> client.ticket("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(relay.server.getRequestCount()).isZero();
    }

    @Test
    void sessionCalls_useTheContractsPathsAndBodies() throws Exception {
        relay.json(
                201,
                "{\"id\":\"s1\",\"machineId\":\"m1\",\"technicianId\":\"u1\",\"state\":\"PENDING_CONSENT\","
                        + "\"reason\":\"E42\",\"requestedMinutes\":30,\"createdAt\":\"2026-11-22T10:00:00Z\"}");
        relay.enqueue(new MockResponse.Builder().code(204).build());
        relay.enqueue(new MockResponse.Builder().code(202).build());
        relay.enqueue(new MockResponse.Builder().code(204).build());

        assertThat(client.requestSession(new SessionRequest("m1", "E42", null, 30))
                        .consentDeadline())
                .isNull();
        client.sendMessage("s1", "hello");
        client.extendSession("s1", 15);
        client.endSession("s1", null);

        RecordedRequest request = relay.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getBody().utf8())
                .isEqualTo("{\"machineId\":\"m1\",\"reason\":\"E42\",\"requestedMinutes\":30}");
        assertThat(relay.take().getUrl().encodedPath()).isEqualTo("/api/v1/sessions/s1/messages");
        assertThat(relay.take().getBody().utf8()).isEqualTo("{\"additionalMinutes\":15}");
        assertThat(relay.take().getUrl().encodedPath()).isEqualTo("/api/v1/sessions/s1/end");
    }

    @Test
    void cancel_stopsACallWaitingForTheRelay() throws Exception {
        relay.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(10, TimeUnit.SECONDS)
                .body("{}")
                .build());
        CancelToken token = new CancelToken();
        Thread canceller = new Thread(() -> {
            try {
                relay.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            token.cancel();
        });
        canceller.start();

        RelayException e = catchThrowableOfType(
                RelayException.class, () -> client.cancellable(token).me());

        assertThat(e.failure()).isEqualTo(RelayException.Failure.CANCELLED);
        canceller.join(5000);
    }

    @Test
    void alreadyCancelledToken_failsAtOnce() {
        CancelToken token = new CancelToken();
        token.cancel();
        RelayException e = catchThrowableOfType(
                RelayException.class, () -> client.cancellable(token).me());
        assertThat(e.failure()).isEqualTo(RelayException.Failure.CANCELLED);
    }

    @Test
    void recording_isDownloadedWithProgress_andNothingIsLeftOnFailure(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[200_000];
        new java.util.Random(1).nextBytes(bytes);
        relay.enqueue(new MockResponse.Builder()
                .code(200)
                .body(new okio.Buffer().write(bytes))
                .build());
        List<Long> progress = new ArrayList<>();

        long written = client.downloadRecording("s1", dir.resolve("s1.flrec"), progress::add);

        assertThat(written).isEqualTo(bytes.length);
        assertThat(Files.readAllBytes(dir.resolve("s1.flrec"))).isEqualTo(bytes);
        assertThat(progress).isNotEmpty().isSorted().last().isEqualTo((long) bytes.length);

        relay.problem(404, "not-found", "No such session", "");
        assertThatThrownBy(() -> client.downloadRecording("s2", dir.resolve("s2.flrec"), p -> {}))
                .isInstanceOf(RelayException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("s1.flrec"));
        }
    }

    @Test
    void recordingDownload_writesAFileOfItsOwn_notAnotherDownloadsPartFile(@TempDir Path dir) throws Exception {
        // A second window downloading the same recording at the same time holds "s1.flrec.part" open.
        Path othersPart = dir.resolve("s1.flrec.part");
        Files.writeString(othersPart, "another download's bytes");
        byte[] bytes = new byte[100_000];
        new java.util.Random(2).nextBytes(bytes);
        relay.enqueue(new MockResponse.Builder()
                .code(200)
                .body(new okio.Buffer().write(bytes))
                .build());

        client.downloadRecording("s1", dir.resolve("s1.flrec"), p -> {});

        assertThat(Files.readAllBytes(dir.resolve("s1.flrec"))).isEqualTo(bytes);
        assertThat(Files.readString(othersPart)).isEqualTo("another download's bytes");
    }

    @Test
    void logout_revokesAtTheRelay_andForgetsTheTokensEvenWhenItFails() throws Exception {
        tokens.save(new StoredTokens("a", null, "r", null));
        relay.enqueue(new MockResponse.Builder().code(204).build());
        client.logout();
        assertThat(relay.take().getBody().utf8()).isEqualTo("{\"refreshToken\":\"r\"}");
        assertThat(tokens.load()).isEmpty();

        tokens.save(new StoredTokens("a", null, "r", null));
        relay.problem(500, "internal", "boom", "");
        assertThatThrownBy(client::logout).isInstanceOf(RelayException.class);
        assertThat(tokens.load()).isEmpty();
    }

    @Test
    void noSecretReachesTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        Level before = root.getLevel();
        root.setLevel(Level.TRACE);
        try {
            relay.json(200, tokenJson("access-SECRET", "refresh-SECRET"));
            relay.problem(401, "unauthenticated", "expired", "");
            relay.json(200, tokenJson("access2-SECRET", "refresh2-SECRET"));
            relay.json(200, ME);
            relay.problem(401, "invalid-credentials", "Username, password or code is wrong", "");
            client.login("anna", "pw-SECRET".toCharArray(), "987654");
            client.me();
            assertThatThrownBy(() -> client.login("anna", "pw2-SECRET".toCharArray(), "987654"));
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("SECRET") || line.contains("987654"));
    }
}
