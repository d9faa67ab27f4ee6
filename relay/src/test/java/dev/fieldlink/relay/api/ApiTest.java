package dev.fieldlink.relay.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.EnrollRequest;
import dev.fieldlink.protocol.api.EnrollResponse;
import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.RefreshRequest;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.TokenResponse;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.relay.admin.NewMachine;
import dev.fieldlink.relay.audit.AgentAuditIngest;
import dev.fieldlink.relay.testing.ApiClient;
import dev.fieldlink.relay.testing.ApiClient.Answer;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.relay.testing.TestRelay.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTPS API against one relay shared by the class: sign-in, machines, bad input, system routes, enrolment. */
class ApiTest {
    static TestRelay t;
    static ApiClient api;
    static TestUser anna;
    static TestUser lead;
    static TestUser admin;

    @BeforeAll
    static void start() {
        t = TestRelay.start();
        api = t.api;
        anna = t.technician("anna", Set.of("DACH"), Set.of("digital-cutter"));
        lead = t.user("lead", Set.of("DACH"), Set.of(), Set.of(Role.TEAM_LEAD));
        admin = t.user("root", Set.of("EMEA"), Set.of(), Set.of(Role.ADMIN));
        t.machine("m-de-cutter", "DE", "digital-cutter");
        t.machine("m-at-cutter", "AT", "digital-cutter");
        t.machine("m-de-press", "DE", "printing-press");
        t.machine("m-uk-cutter", "UK", "digital-cutter");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    // ---- sign-in ------------------------------------------------------------------------------------------

    @Test
    void login_withBothFactors_givesTokens_andIsAuditedWithoutSecrets() {
        TokenResponse tokens = t.login(anna);
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.accessTokenExpiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofMinutes(10)));
        List<AuditEvent> ok = t.relay.core().auditEventsOfType(AuditEventTypes.LOGIN_SUCCEEDED);
        assertThat(ok).anySatisfy(e -> assertThat(e.actor()).isEqualTo("technician:" + anna.id()));
        assertThat(ok.toString()).doesNotContain(anna.password());
    }

    @Test
    void wrongPassword_unknownUser_andWrongCode_answerAlike_andAreAudited() {
        TestUser carl = t.technician("carl", Set.of("DACH"), Set.of("digital-cutter"));
        Answer wrongPassword = api.post(
                "/api/v1/auth/login", new LoginRequest("carl", "not the password at all", t.nextCode(carl)), null);
        Answer unknown =
                api.post("/api/v1/auth/login", new LoginRequest("nobody-here", carl.password(), "123456"), null);
        Answer wrongCode = api.post("/api/v1/auth/login", new LoginRequest("carl", carl.password(), "000000"), null);
        for (Answer a : List.of(wrongPassword, unknown, wrongCode)) {
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.problemType()).isEqualTo("invalid-credentials");
            assertThat(a.json().path("detail").asText()).isEqualTo("username, password or code is wrong");
        }
        List<AuditEvent> failed = t.relay.core().auditEventsOfType(AuditEventTypes.LOGIN_FAILED);
        assertThat(failed).anySatisfy(e -> assertThat(e.details()).containsEntry("username", "nobody-here"));
        assertThat(failed).anySatisfy(e -> assertThat(e.actor()).isEqualTo("technician:" + carl.id()));
        assertThat(failed.toString()).doesNotContain(carl.password(), "not the password at all");
    }

    @Test
    void fiveFailures_lockTheAccount_evenForTheRightPassword_untilTheWindowPasses() {
        TestUser dora = t.technician("dora", Set.of("DACH"), Set.of("digital-cutter"));
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/login", new LoginRequest("dora", "wrong-" + i, "111111"), null)
                            .status())
                    .isEqualTo(401);
        }
        Answer locked =
                api.post("/api/v1/auth/login", new LoginRequest("dora", dora.password(), t.nextCode(dora)), null);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.problemType()).isEqualTo("account-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
        assertThat(locked.json().path("retryAfterSeconds").asLong()).isPositive();
        t.clock.advance(Duration.ofMinutes(16));
        assertThat(t.login(dora).accessToken()).isNotBlank();
    }

    @Test
    void parallelWrongPasswords_cannotTryMoreThanTheAccountLimit() throws Exception {
        t.technician("gina", Set.of("DACH"), Set.of("digital-cutter"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Answer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                LoginRequest wrong = new LoginRequest("gina", "wrong-" + i, "111111");
                answers.add(pool.submit(() -> api.post("/api/v1/auth/login", wrong, null)));
            }
            long tried = 0;
            for (java.util.concurrent.Future<Answer> f : answers) {
                Answer a = f.get();
                assertThat(a.status()).isIn(401, 429);
                tried += a.status() == 401 ? 1 : 0;
            }
            assertThat(tried).as("password checks among 24 parallel requests").isBetween(1L, 5L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUndertakingThatExpiresWhileSignedIn_stopsRefreshAndTheHistoryList() {
        TestUser lea = t.user("lea", Set.of("DACH"), Set.of(), Set.of(Role.TEAM_LEAD));
        TokenResponse tokens = t.login(lea);
        assertThat(api.get("/api/v1/history/sessions", tokens.accessToken()).status())
                .isEqualTo(200);
        t.relay
                .admin()
                .signUndertaking(
                        "lea",
                        java.time.LocalDate.ofInstant(t.clock.instant(), java.time.ZoneOffset.UTC)
                                .minusYears(2));
        Answer list = api.get("/api/v1/history/sessions", tokens.accessToken());
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.problemType()).isEqualTo("undertaking-expired");
        Answer refresh = api.post("/api/v1/auth/refresh", new RefreshRequest(tokens.refreshToken()), null);
        assertThat(refresh.status()).isEqualTo(403);
        assertThat(refresh.problemType()).isEqualTo("undertaking-expired");
    }

    @Test
    void disabledAccount_andMissingUndertaking_areReportedOnlyAfterBothFactors() {
        TestUser eve = t.technician("eve", Set.of("DACH"), Set.of("digital-cutter"));
        t.relay.admin().disableUser("eve");
        Answer disabled =
                api.post("/api/v1/auth/login", new LoginRequest("eve", eve.password(), t.nextCode(eve)), null);
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(disabled.problemType()).isEqualTo("account-disabled");
        Answer wrong =
                api.post("/api/v1/auth/login", new LoginRequest("eve", "wrong wrong wrong", t.nextCode(eve)), null);
        assertThat(wrong.problemType()).as("a wrong password reveals nothing").isEqualTo("invalid-credentials");

        TestUser fred = t.technician("fred", Set.of("DACH"), Set.of("digital-cutter"));
        t.relay
                .admin()
                .signUndertaking(
                        "fred",
                        t.clock
                                .instant()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()
                                .minusYears(2));
        Answer expired =
                api.post("/api/v1/auth/login", new LoginRequest("fred", fred.password(), t.nextCode(fred)), null);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.problemType()).isEqualTo("undertaking-expired");
    }

    @Test
    void refresh_rotates_reuseRevokesTheFamilyAndIsAudited_andLogoutKillsTheAccessToken() {
        TokenResponse first = t.login(anna);
        Answer rotated = api.post("/api/v1/auth/refresh", new RefreshRequest(first.refreshToken()), null);
        assertThat(rotated.status()).isEqualTo(200);
        TokenResponse second = rotated.as(TokenResponse.class);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        Answer reuse = api.post("/api/v1/auth/refresh", new RefreshRequest(first.refreshToken()), null);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(t.relay.core().auditEventsOfType(AuditEventTypes.REFRESH_REUSE_DETECTED))
                .anySatisfy(e -> assertThat(e.actor()).isEqualTo("technician:" + anna.id()));
        assertThat(api.post("/api/v1/auth/refresh", new RefreshRequest(second.refreshToken()), null)
                        .status())
                .as("the successor dies with the family")
                .isEqualTo(401);

        TokenResponse third = t.login(anna);
        assertThat(api.get("/api/v1/me", third.accessToken()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/logout", new RefreshRequest(third.refreshToken()), third.accessToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", third.accessToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", new RefreshRequest(third.refreshToken()), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void me_showsTheProfileAndEntitlements() {
        Answer me = api.get("/api/v1/me", t.token(anna));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("anna");
        assertThat(me.json().path("regions").get(0).asText()).isEqualTo("DACH");
        assertThat(me.json().path("certifications").get(0).path("productLine").asText())
                .isEqualTo("digital-cutter");
        assertThat(me.json().path("undertakingValidUntil").asText()).isEqualTo("2027-05-31");
        assertThat(api.get("/api/v1/me/photo", t.token(anna)).status()).isEqualTo(404);
    }

    // ---- machines -----------------------------------------------------------------------------------------

    @Test
    void machines_listOnlyTheEntitledOnes_withFiltersSortAndPaging() {
        String token = t.token(anna);
        Answer all = api.get("/api/v1/machines", token);
        assertThat(all.status()).isEqualTo(200);
        assertThat(ids(all)).containsExactlyInAnyOrder("m-at-cutter", "m-de-cutter");
        assertThat(all.json().path("total").asLong()).isEqualTo(2);
        assertThat(ids(api.get("/api/v1/machines?region=DE", token))).containsExactly("m-de-cutter");
        assertThat(ids(api.get("/api/v1/machines?q=AT-CUT", token))).containsExactly("m-at-cutter");
        assertThat(ids(api.get("/api/v1/machines?productLine=printing-press", token)))
                .isEmpty();
        assertThat(ids(api.get("/api/v1/machines?online=true", token))).isEmpty();
        assertThat(ids(api.get("/api/v1/machines?online=false&sort=id&limit=1&offset=1", token)))
                .containsExactly("m-de-cutter");
        Answer bad = api.get("/api/v1/machines?limit=100000", token);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("detail").asText()).contains("limit");
        assertThat(api.get("/api/v1/machines?online=maybe", token)
                        .json()
                        .path("detail")
                        .asText())
                .contains("online must be true or false");
    }

    @Test
    void machineOutsideTheEntitlement_answersExactlyLikeAnUnknownId_andTheDenialIsAudited() {
        String token = t.token(anna);
        Answer outside = api.get("/api/v1/machines/m-uk-cutter", token);
        Answer unknown = api.get("/api/v1/machines/m-nowhere", token);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(outside.json().path("type")).isEqualTo(unknown.json().path("type"));
        assertThat(outside.json().path("detail").asText()).isEqualTo("no machine m-uk-cutter");
        assertThat(api.get("/api/v1/machines/m-de-press", token).status())
                .as("product line")
                .isEqualTo(404);
        List<AuditEvent> denied = t.relay.core().auditEventsOfType(AuditEventTypes.ACCESS_DENIED);
        assertThat(denied).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("machine:m-uk-cutter");
            assertThat(e.details()).containsEntry("reason", "REGION");
        });
        assertThat(denied).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("machine:m-de-press");
            assertThat(e.details()).containsEntry("reason", "PRODUCT_LINE");
        });
        Answer req = api.post("/api/v1/sessions", new SessionRequest("m-uk-cutter", "look", null, 10), token);
        assertThat(req.status()).isEqualTo(404);
        assertThat(req.json().path("detail").asText()).isEqualTo("no machine m-uk-cutter");
        assertThat(t.relay.core().auditEventsOfType(AuditEventTypes.ACCESS_DENIED))
                .anySatisfy(e -> {
                    assertThat(e.subject()).isEqualTo("machine:m-uk-cutter");
                    assertThat(e.details()).containsEntry("action", "REQUEST_SESSION");
                });
        assertThat(api.get("/api/v1/machines/m-de-cutter", token).status()).isEqualTo(200);
    }

    @Test
    void requestingAnOfflineMachine_is409_machineOffline() {
        Answer a = api.post("/api/v1/sessions", new SessionRequest("m-de-cutter", "look", null, 10), t.token(anna));
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.problemType()).isEqualTo("machine-offline");
    }

    // ---- bad input ----------------------------------------------------------------------------------------

    @Test
    void badBodies_answer4xxProblemsThatNameTheField_neverAStackTrace() {
        String token = t.token(anna);
        Answer malformed = api.post("/api/v1/sessions", "{\"machineId\": ", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("detail").asText()).contains("malformed JSON");
        Answer unknownField =
                api.post("/api/v1/sessions", "{\"machineId\":\"m\",\"requestedMinutes\":5,\"color\":\"red\"}", token);
        Answer missingNumber = api.post("/api/v1/sessions", "{\"machineId\":\"m\",\"reason\":\"r\"}", token);
        assertThat(missingNumber.status()).isEqualTo(400);
        assertThat(missingNumber.json().path("detail").asText()).isEqualTo("field 'requestedMinutes' is required");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("detail").asText()).contains("unknown field 'color'");
        Answer wrongType = api.post(
                "/api/v1/sessions", "{\"machineId\":\"m\",\"reason\":\"r\",\"requestedMinutes\":\"ten\"}", token);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("detail").asText())
                .contains("requestedMinutes")
                .contains("whole number");
        Answer missing = api.post("/api/v1/sessions", "", token);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("detail").asText()).contains("body is missing");
        Answer invalid = api.post("/api/v1/sessions", new SessionRequest("m-de-cutter", " ", null, 10), token);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("detail").asText()).isEqualTo("reason is required");
        Answer tooLong =
                api.post("/api/v1/sessions", new SessionRequest("m-de-cutter", "x".repeat(70 * 1024), null, 10), token);
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.problemType()).isEqualTo("payload-too-large");
        Answer text = api.call(
                new Request.Builder()
                        .url(api.base() + "/api/v1/sessions")
                        .post(RequestBody.create("machineId=m", MediaType.get("text/plain"))),
                token);
        assertThat(text.status()).isEqualTo(415);
        for (Answer a : List.of(malformed, unknownField, wrongType, missing, invalid, tooLong, text)) {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).doesNotContain("Exception", "\tat ", "dev.fieldlink.");
        }
    }

    @Test
    void unknownRoutesAndMethods_andUnknownIds_areProblems() {
        String token = t.token(anna);
        Answer route = api.get("/api/v1/nothing-here", token);
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.contentType()).startsWith("application/problem+json");
        Answer method = api.call(
                new Request.Builder().url(api.base() + "/api/v1/machines").delete(), token);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.problemType()).isEqualTo("method-not-allowed");
        Answer session = api.get("/api/v1/sessions/no-such-session", token);
        assertThat(session.status()).isEqualTo(404);
        assertThat(session.json().path("instance").asText()).isEqualTo("/api/v1/sessions/no-such-session");
    }

    @Test
    void withoutAValidAccessToken_everyProtectedRouteAnswers401WithAChallenge() {
        Answer none = api.get("/api/v1/machines", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.get("/api/v1/machines", "not-a-jwt").status()).isEqualTo(401);
        TokenResponse tokens = t.login(anna);
        t.clock.advance(Duration.ofMinutes(11));
        Answer expired = api.get("/api/v1/me", tokens.accessToken());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("detail").asText()).containsIgnoringCase("expired");
    }

    @Test
    void disabledAccount_isRefusedAtOnce_evenWithAValidAccessToken() {
        TestUser gus = t.technician("gus", Set.of("DACH"), Set.of("digital-cutter"));
        String token = t.token(gus);
        assertThat(api.get("/api/v1/machines", token).status()).isEqualTo(200);
        t.relay.admin().disableUser("gus");
        Answer after = api.get("/api/v1/machines", token);
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.problemType()).isEqualTo("account-disabled");
    }

    // ---- system routes ------------------------------------------------------------------------------------

    @Test
    void health_andJwks_answerWithoutSignIn_metricsAreOffWithoutAScrapeToken() {
        Answer health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("ok");
        Answer metrics = api.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(404);
        assertThat(metrics.json().path("detail").asText()).contains("FIELDLINK_METRICS_TOKEN");
        Answer jwks = api.get("/.well-known/jwks.json", null);
        assertThat(jwks.json().path("keys").get(0).path("alg").asText()).isEqualTo("ES256");
        assertThat(jwks.body()).doesNotContain("\"d\"");
    }

    @Test
    void keysRotatedByAnotherProcess_areReloaded_andOldTokensStillVerify() throws Exception {
        String before = t.token(anna);
        String kidBefore = kid(before);
        // The admin CLI rotates in its own process: its own key set on the same file.
        java.nio.file.Path file = t.relay.core().settings().auth().signingKeyFile();
        dev.fieldlink.auth.jwt.SigningKeys.loadOrCreate(new dev.fieldlink.auth.jwt.FileKeyStorage(file), t.clock)
                .rotate();
        assertThat(kid(t.token(anna))).as("not reloaded yet").isEqualTo(kidBefore);
        java.nio.file.Files.setLastModifiedTime(
                file,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        t.relay.maintenance();
        Answer jwks = api.get("/.well-known/jwks.json", null);
        assertThat(jwks.json().path("keys").size()).isEqualTo(2);
        String after = t.token(anna);
        assertThat(kid(after)).isNotEqualTo(kidBefore);
        assertThat(api.get("/api/v1/me", before).status())
                .as("signed by the previous key")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me", after).status()).isEqualTo(200);
    }

    private static String kid(String jwt) throws Exception {
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        return dev.fieldlink.protocol.Json.mapper().readTree(header).path("kid").asText();
    }

    @Test
    void auditVerify_isForAdministratorsAndTeamLeads() {
        assertThat(api.get("/api/v1/audit/verify", t.token(anna)).status()).isEqualTo(403);
        Answer ok = api.get("/api/v1/audit/verify", t.token(admin));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("intact").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/audit/verify", t.token(lead)).status()).isEqualTo(200);
    }

    @Test
    void auditVerify_showsATeamLeadOnlyTheMachinesOfTheirRegions() throws Exception {
        for (String machine : List.of("m-de-cutter", "m-uk-cutter")) {
            try (TestAgent agent = new TestAgent(machine)) {
                t.relay.admin().registerAgentKey(machine, agent.publicKey());
                agent.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint());
                agent.send(new ControlMessage.AuditBatch(List.of(AuditChain.append(
                        AgentAuditIngest.streamOf(machine),
                        null,
                        AuditEvent.draft(
                                "SWITCH_CHANGED",
                                "operator:" + machine,
                                "machine:" + machine,
                                t.clock.instant(),
                                java.util.Map.of())))));
                agent.await(ControlMessage.AuditAck.class, Duration.ofSeconds(10));
            }
        }
        List<String> leadSees = new java.util.ArrayList<>();
        api.get("/api/v1/audit/verify", t.token(lead))
                .json()
                .path("streams")
                .forEach(s -> leadSees.add(s.path("stream").asText()));
        assertThat(leadSees).contains("relay", "agent:m-de-cutter").doesNotContain("agent:m-uk-cutter");
        List<String> adminSees = new java.util.ArrayList<>();
        api.get("/api/v1/audit/verify", t.token(admin))
                .json()
                .path("streams")
                .forEach(s -> adminSees.add(s.path("stream").asText()));
        assertThat(adminSees).contains("relay", "agent:m-de-cutter", "agent:m-uk-cutter");
        assertThat(api.get("/api/v1/history/sessions", t.token(anna)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/history/sessions?outcome=SOMETIMES", t.token(lead))
                        .status())
                .isEqualTo(422);
    }

    // ---- enrolment ----------------------------------------------------------------------------------------

    @Test
    void enrolment_withAOneTimeCode_registersTheKey_andAnswersWhatToPin() throws Exception {
        t.relay
                .admin()
                .addMachine(new NewMachine("m-enrol", "S", "N", "C", "S", "DE", "digital-cutter", "M", null, 60));
        var code = t.relay.admin().provisionMachine("m-enrol");
        assertThat(code.code()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
        try (TestAgent agent = new TestAgent("m-enrol")) {
            Answer wrong = api.post(
                    "/api/v1/agents/enroll",
                    new EnrollRequest("0000-0000-0000-0000-0000", "m-enrol", agent.publicKey()),
                    null);
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.problemType()).isEqualTo("enrolment-code-invalid");
            Answer badKey =
                    api.post("/api/v1/agents/enroll", new EnrollRequest(code.code(), "m-enrol", "ssh-dss AAAA"), null);
            assertThat(badKey.status()).isEqualTo(422);
            Answer ok = api.post(
                    "/api/v1/agents/enroll",
                    new EnrollRequest(code.code().toLowerCase(), "m-enrol", agent.publicKey()),
                    null);
            assertThat(ok.status()).isEqualTo(200);
            EnrollResponse r = ok.as(EnrollResponse.class);
            assertThat(r.sshPort()).isEqualTo(t.relay.sshPort());
            assertThat(r.hostKeyFingerprint()).isEqualTo(t.relay.hostKeyFingerprint());
            Answer again = api.post(
                    "/api/v1/agents/enroll", new EnrollRequest(code.code(), "m-enrol", agent.publicKey()), null);
            assertThat(again.problemType()).as("a code works once").isEqualTo("enrolment-code-invalid");
            agent.connect(r.sshPort(), r.hostKeyFingerprint());
            assertThat(agent.isConnected()).isTrue();
        }
        assertThat(t.relay.core().auditEventsOfType(AuditEventTypes.AGENT_ENROLLED))
                .anySatisfy(e -> assertThat(e.subject()).isEqualTo("machine:m-enrol"));
    }

    @Test
    void enrolmentAttempts_areRateLimitedPerMachine() {
        t.relay
                .admin()
                .addMachine(new NewMachine("m-guess", "S", "N", "C", "S", "DE", "digital-cutter", "M", null, 60));
        String key = new TestAgent("m-guess").publicKey();
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/agents/enroll", new EnrollRequest("AAAA-AAAA-AAAA-AAAA-AAA" + i, "m-guess", key), null);
        }
        Answer limited =
                api.post("/api/v1/agents/enroll", new EnrollRequest("AAAA-AAAA-AAAA-AAAA-AAAZ", "m-guess", key), null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemType()).isEqualTo("rate-limited");
    }

    private static List<String> ids(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        a.json().path("items").forEach(n -> out.add(n.path("id").asText()));
        return out;
    }
}
