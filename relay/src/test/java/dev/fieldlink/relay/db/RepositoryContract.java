package dev.fieldlink.relay.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.auth.refresh.RefreshTokenRecord;
import dev.fieldlink.policy.AccountState;
import dev.fieldlink.policy.file.PolicyFile;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.AuditVerifyResponse;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.account.JdbcRefreshTokenStore;
import dev.fieldlink.relay.account.JdbcUsedStepStore;
import dev.fieldlink.relay.audit.AgentAuditIngest;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.audit.AuditRepository;
import dev.fieldlink.relay.audit.AuditVerifier;
import dev.fieldlink.relay.history.HistoryQuery;
import dev.fieldlink.relay.history.HistoryService;
import dev.fieldlink.relay.machine.EnrolmentCodeRepository;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.recording.RecordingInfo;
import dev.fieldlink.relay.recording.RecordingRepository;
import dev.fieldlink.relay.session.SessionRecord;
import dev.fieldlink.relay.session.SessionRepository;
import dev.fieldlink.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The repository tests, run once per database (H2 and PostgreSQL) by the subclasses. Each test uses ids of its own,
 * so tests share one migrated database per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    Database db;
    Jdbc jdbc;
    AccountRepository accounts;
    MachineRepository machines;
    SessionRepository sessions;
    AuditRepository auditEvents;
    RecordingRepository recordings;

    /** Opens a freshly migrated database for this class. */
    abstract Database openDatabase();

    /** Releases what {@link #openDatabase} made. */
    void dropDatabase() {}

    @BeforeAll
    void open() {
        db = openDatabase();
        jdbc = db.jdbc();
        accounts = new AccountRepository(jdbc);
        machines = new MachineRepository(jdbc);
        sessions = new SessionRepository(jdbc);
        auditEvents = new AuditRepository(jdbc);
        recordings = new RecordingRepository(jdbc);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    @Test
    void migration_isRepeatable_andTheDatabaseAnswers() {
        assertThat(db.isHealthy()).isTrue();
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM machines WHERE id = 'none'"))
                .isZero();
    }

    @Test
    void account_roundTripsWithCredentialsRegionsCertificationsAndPhoto() {
        Account a = account("rt");
        accounts.insert(a, "$argon2id$hash", "sealed-secret", new byte[] {1, 2, 3}, T0);
        Account read = accounts.findByUsername(a.username()).orElseThrow();
        assertThat(read.id()).isEqualTo(a.id());
        assertThat(read.roles()).containsExactlyInAnyOrder(Role.TECHNICIAN, Role.TEAM_LEAD);
        assertThat(read.regions()).containsExactlyInAnyOrder("DE", "AT");
        assertThat(read.certifications()).containsEntry("digital-cutter", LocalDate.parse("2027-01-31"));
        assertThat(read.undertakingSignedOn()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(read.hasPhoto()).isTrue();
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(accounts.photo(a.id())).contains(new byte[] {1, 2, 3});
        var creds = accounts.credentialsByUsername(a.username()).orElseThrow();
        assertThat(creds.passwordHash()).isEqualTo("$argon2id$hash");
        assertThat(creds.sealedTotpSecret()).isEqualTo("sealed-secret");
        assertThat(creds.toString()).doesNotContain("argon2", "sealed");

        Account changed = new Account(
                a.id(),
                a.username(),
                "New Name",
                "New Co",
                Set.of(Role.ADMIN),
                AccountState.DISABLED,
                null,
                Set.of("UK"),
                Map.of(),
                true,
                a.createdAt());
        accounts.update(changed, T0.plusSeconds(5));
        Account again = accounts.findById(a.id()).orElseThrow();
        assertThat(again.displayName()).isEqualTo("New Name");
        assertThat(again.state()).isEqualTo(AccountState.DISABLED);
        assertThat(again.regions()).containsExactly("UK");
        assertThat(again.certifications()).isEmpty();
        assertThat(accounts.list()).extracting(Account::id).contains(a.id());
    }

    @Test
    void duplicateUsername_isAUniqueViolation() {
        Account a = account("dup");
        accounts.insert(a, "h", "s", null, T0);
        Account b = new Account(
                "u-" + UUID.randomUUID(),
                a.username(),
                "B",
                "C",
                Set.of(),
                AccountState.ACTIVE,
                null,
                Set.of(),
                Map.of(),
                false,
                T0);
        assertThatThrownBy(() -> accounts.insert(b, "h", "s", null, T0))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
    }

    @Test
    void usedTotpStep_advancesOnlyForward() {
        Account a = account("step");
        accounts.insert(a, "h", "s", null, T0);
        var store = new JdbcUsedStepStore(accounts);
        assertThat(store.tryAdvance(a.id(), 100)).isTrue();
        assertThat(store.tryAdvance(a.id(), 100)).as("same step again").isFalse();
        assertThat(store.tryAdvance(a.id(), 99)).as("an earlier step").isFalse();
        assertThat(store.tryAdvance(a.id(), 101)).isTrue();
        accounts.updateTotpSecret(a.id(), "new-sealed", T0);
        assertThat(store.tryAdvance(a.id(), 50)).as("a new secret starts over").isTrue();
    }

    @Test
    void refreshTokens_rotateOnce_andRevokeByFamilyAndUser() {
        var store = new JdbcRefreshTokenStore(jdbc);
        String user = "u-" + UUID.randomUUID();
        String fam = "f-" + UUID.randomUUID();
        RefreshTokenRecord t1 = token(fam, user, T0.plus(Duration.ofHours(1)));
        RefreshTokenRecord t2 = token(fam, user, T0.plus(Duration.ofHours(1)));
        RefreshTokenRecord other = token("f-" + UUID.randomUUID(), user, T0.minusSeconds(1));
        store.insert(t1);
        store.insert(t2);
        store.insert(other);
        assertThat(store.findByHash(t1.tokenHash())).contains(t1);
        assertThat(store.markRotated(t1.tokenHash(), T0)).isTrue();
        assertThat(store.markRotated(t1.tokenHash(), T0))
                .as("second rotation loses")
                .isFalse();
        assertThat(store.findByHash(t1.tokenHash()).orElseThrow().rotatedAt()).isEqualTo(T0);
        assertThat(store.revokeFamily(fam)).isEqualTo(2);
        assertThat(store.markRotated(t2.tokenHash(), T0))
                .as("revoked cannot rotate")
                .isFalse();
        assertThat(store.revokeUser(user)).isEqualTo(1);
        assertThat(store.deleteExpired(T0)).isGreaterThanOrEqualTo(1);
        assertThat(store.findByHash(other.tokenHash())).isEmpty();
    }

    @Test
    void machines_filterByRegionAndLine_andKeepSwitchesKeysAndLastSeen() {
        MachineRecord m = machine("filter", "CH", "printing-press");
        machines.insert(m);
        assertThat(machines.listIn(Set.of("CH", "AT"), Set.of("printing-press")))
                .extracting(MachineRecord::id)
                .contains(m.id());
        assertThat(machines.listIn(Set.of("DE"), Set.of("printing-press")))
                .extracting(MachineRecord::id)
                .doesNotContain(m.id());
        assertThat(machines.listIn(Set.of(), Set.of("printing-press"))).isEmpty();
        machines.updateSwitches(m.id(), new CustomerSwitches(false, true, true));
        machines.setPublicKey(m.id(), "ssh-ed25519 AAAA", "SHA256:abc");
        machines.touchLastSeen(m.id(), T0.plusSeconds(9));
        MachineRecord read = machines.find(m.id()).orElseThrow();
        assertThat(read.switches()).isEqualTo(new CustomerSwitches(false, true, true));
        assertThat(read.keyFingerprint()).isEqualTo("SHA256:abc");
        assertThat(read.lastSeen()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void enrolmentCode_worksOnceForItsMachineUntilItExpires() {
        MachineRecord m = machine("code", "DE", "digital-cutter");
        machines.insert(m);
        var codes = new EnrolmentCodeRepository(jdbc);
        String hash = UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000";
        hash = hash.substring(0, 64);
        codes.insert(hash, m.id(), T0, T0.plus(Duration.ofHours(24)));
        assertThat(codes.consume(hash, "other-machine", T0)).isFalse();
        assertThat(codes.consume(hash, m.id(), T0.plus(Duration.ofHours(24))))
                .as("expired")
                .isFalse();
        assertThat(codes.consume(hash, m.id(), T0.plusSeconds(60))).isTrue();
        assertThat(codes.consume(hash, m.id(), T0.plusSeconds(61))).as("used").isFalse();
    }

    @Test
    void sessions_allowOneLiveSessionPerMachine_andTransitionOnlyFromTheExpectedState() {
        Account a = account("sess");
        accounts.insert(a, "h", "s", null, T0);
        MachineRecord m = machine("sess", "DE", "digital-cutter");
        machines.insert(m);
        SessionRecord s1 = session(m.id(), a.id());
        sessions.insert(s1);
        assertThatThrownBy(() -> sessions.insert(session(m.id(), a.id())))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.isUniqueViolation()).isTrue());
        SessionRecord ended = new SessionRecord(
                s1.id(),
                s1.machineId(),
                s1.technicianId(),
                SessionState.CANCELLED,
                s1.reason(),
                s1.caseNumber(),
                s1.requestedMinutes(),
                null,
                s1.createdAt(),
                s1.consentDeadline(),
                null,
                null,
                T0.plusSeconds(3),
                EndCause.CANCELLED,
                null,
                null,
                null);
        assertThat(sessions.update(ended, SessionState.ACTIVE))
                .as("wrong expected state")
                .isFalse();
        assertThat(sessions.update(ended, SessionState.PENDING_CONSENT)).isTrue();
        assertThat(sessions.find(s1.id()).orElseThrow().endCause()).isEqualTo(EndCause.CANCELLED);
        assertThat(sessions.live()).extracting(SessionRecord::id).doesNotContain(s1.id());
        SessionRecord s2 = session(m.id(), a.id());
        sessions.insert(s2);
        assertThat(sessions.live()).extracting(SessionRecord::id).contains(s2.id());
    }

    @Test
    void auditLog_chainsTheRelayStream_andVerifies() {
        AuditLog log = new AuditLog(auditEvents, clock);
        AuditEvent first = log.record("TEST_A", "relay", "machine:x", Map.of("k", "v"));
        AuditEvent second = log.record("TEST_B", "relay", "machine:x", Map.of("long", "x".repeat(5000)));
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.details().get("long")).hasSize(AuditLog.MAX_DETAIL_LENGTH);
        AuditLog otherProcess = new AuditLog(auditEvents, clock);
        AuditEvent third = otherProcess.record("TEST_C", "admin:cli", null, null);
        AuditEvent fourth = log.record("TEST_D", "relay", null, null);
        assertThat(fourth.sequence())
                .as("the first log notices the other writer")
                .isEqualTo(third.sequence() + 1);
        assertThat(new AuditVerifier(auditEvents).verify(AuditLog.STREAM).intact())
                .isTrue();
        assertThatThrownBy(() -> jdbc.inTransaction(() -> log.record("X", "relay", null, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void editedOrDeletedEvent_isReportedAtTheFirstBrokenLink() {
        String machine = "tamper-" + UUID.randomUUID().toString().substring(0, 8);
        AgentAuditIngest ingest = new AgentAuditIngest(auditEvents, clock);
        List<AuditEvent> chain = agentChain(machine, 5);
        ingest.accept(machine, chain);
        AuditVerifier verifier = new AuditVerifier(auditEvents);
        String stream = AgentAuditIngest.streamOf(machine);
        assertThat(verifier.verify(stream).intact()).isTrue();
        jdbc.update(
                "UPDATE audit_events SET details = ? WHERE stream = ? AND sequence = 3",
                "{\"action\":\"nothing to see\"}",
                stream);
        AuditVerifyResponse.StreamResult edited = verifier.verify(stream);
        assertThat(edited.intact()).isFalse();
        assertThat(edited.firstBrokenSequence()).isEqualTo(3);
        assertThat(edited.problem()).contains("edited");

        String machine2 = "delete-" + UUID.randomUUID().toString().substring(0, 8);
        ingest.accept(machine2, agentChain(machine2, 4));
        jdbc.update("DELETE FROM audit_events WHERE stream = ? AND sequence = 2", AgentAuditIngest.streamOf(machine2));
        AuditVerifyResponse.StreamResult deleted = verifier.verify(AgentAuditIngest.streamOf(machine2));
        assertThat(deleted.firstBrokenSequence()).isEqualTo(3);
        assertThat(deleted.problem()).contains("missing");
    }

    @Test
    void agentBatch_isIdempotentBySequence_andRefusesGapsForeignStreamsAndBadHashes() {
        String machine = "ingest-" + UUID.randomUUID().toString().substring(0, 8);
        AgentAuditIngest ingest = new AgentAuditIngest(auditEvents, clock);
        List<AuditEvent> chain = agentChain(machine, 6);
        var first = ingest.accept(machine, chain.subList(0, 3));
        assertThat(first)
                .isEqualTo(new AgentAuditIngest.Outcome.Committed(AgentAuditIngest.streamOf(machine), 3, 3, 0));
        var resent = ingest.accept(machine, chain.subList(0, 4));
        assertThat(resent)
                .isEqualTo(new AgentAuditIngest.Outcome.Committed(AgentAuditIngest.streamOf(machine), 4, 1, 3));
        var gap = ingest.accept(machine, chain.subList(5, 6));
        assertThat(gap)
                .isInstanceOfSatisfying(
                        AgentAuditIngest.Outcome.Refused.class,
                        r -> assertThat(r.problem()).contains("gap"));
        var foreign = ingest.accept("someone-else", chain.subList(4, 5));
        assertThat(foreign)
                .isInstanceOfSatisfying(
                        AgentAuditIngest.Outcome.Refused.class,
                        r -> assertThat(r.problem()).contains("may only write"));
        AuditEvent e5 = chain.get(4);
        AuditEvent forged = new AuditEvent(
                e5.stream(),
                e5.sequence(),
                e5.type(),
                e5.actor(),
                e5.subject(),
                e5.time(),
                Map.of("forged", "yes"),
                e5.prevHash(),
                e5.hash());
        assertThat(ingest.accept(machine, List.of(forged)))
                .isInstanceOfSatisfying(
                        AgentAuditIngest.Outcome.Refused.class,
                        r -> assertThat(r.problem()).contains("does not match"));
        assertThat(ingest.committed(machine)).isEqualTo(4);
        assertThat(new AuditVerifier(auditEvents)
                        .verify(AgentAuditIngest.streamOf(machine))
                        .intact())
                .isTrue();
    }

    @Test
    void recordings_numberSegmentsPerSession_andExpireByAge() {
        Account a = account("rec");
        accounts.insert(a, "h", "s", null, T0);
        MachineRecord m = machine("rec", "DE", "digital-cutter");
        machines.insert(m);
        SessionRecord s = session(m.id(), a.id());
        sessions.insert(s);
        RecordingInfo r1 = recordings.start(s.id(), T0, ".x");
        RecordingInfo r2 = recordings.start(s.id(), T0.plusSeconds(60), ".x");
        assertThat(r1.segment()).isEqualTo(1);
        assertThat(r2.segment()).isEqualTo(2);
        assertThat(r2.fileName()).isEqualTo(s.id() + "-2.x");
        recordings.finish(s.id(), 1, 1234, T0.plusSeconds(30));
        assertThat(recordings.find(s.id(), 1).orElseThrow().bytes()).isEqualTo(1234);
        assertThat(recordings.olderThan(T0.plusSeconds(1)))
                .extracting(RecordingInfo::segment)
                .contains(1);
        recordings.markDeleted(s.id(), 1, T0.plusSeconds(90));
        assertThat(recordings.forSession(s.id()))
                .extracting(RecordingInfo::segment)
                .containsExactly(2);
    }

    @Test
    void history_filtersPagesAndStaysWithinTheCallersRegions() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Account tech = account("h" + tag);
        accounts.insert(tech, "h", "s", null, T0);
        MachineRecord de = new MachineRecord(
                "hde-" + tag,
                "S1",
                "Cutter",
                "Acme Printing " + tag,
                "Site",
                "DE",
                "digital-cutter",
                "M",
                CustomerSwitches.ALL_OFF,
                60,
                null,
                null,
                null,
                T0);
        MachineRecord uk = new MachineRecord(
                "huk-" + tag,
                "S2",
                "Press",
                "Brit Press " + tag,
                "Site",
                "UK",
                "printing-press",
                "M",
                CustomerSwitches.ALL_OFF,
                60,
                null,
                null,
                null,
                T0);
        machines.insert(de);
        machines.insert(uk);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SessionRecord s = sessionAt(de.id(), tech.id(), T0.plusSeconds(i * 10L));
            sessions.insert(s);
            sessions.update(
                    s.finished(SessionState.DECLINED, T0.plusSeconds(i * 10L + 5), EndCause.DECLINED),
                    SessionState.PENDING_CONSENT);
            ids.add(s.id());
        }
        SessionRecord ukSession = sessionAt(uk.id(), tech.id(), T0);
        sessions.insert(ukSession);
        Account lead = new Account(
                "u-lead-" + tag,
                "lead" + tag,
                "Lead",
                "C",
                Set.of(Role.TEAM_LEAD),
                AccountState.ACTIVE,
                LocalDate.parse("2026-06-01"),
                Set.of("DACH"),
                Map.of(),
                false,
                T0);
        HistoryService history = new HistoryService(
                jdbc,
                machines,
                auditEvents,
                recordings,
                PolicyFile.defaults(),
                new AuditLog(auditEvents, clock),
                clock);
        Page<HistoryEntry> page =
                history.list(lead, new HistoryQuery(tech.username(), null, "acme", null, null, "DECLINED", 0, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(HistoryEntry::sessionId).containsExactly(ids.get(2), ids.get(1));
        assertThat(page.items().get(0).customer()).isEqualTo("Acme Printing " + tag);
        Page<HistoryEntry> second = history.list(lead, new HistoryQuery(tech.id(), null, null, null, null, null, 2, 2));
        assertThat(second.items()).extracting(HistoryEntry::sessionId).containsExactly(ids.get(0));
        Page<HistoryEntry> window = history.list(
                lead, new HistoryQuery(tech.id(), null, null, T0.plusSeconds(10), T0.plusSeconds(20), null, 0, 10));
        assertThat(window.items()).extracting(HistoryEntry::sessionId).containsExactly(ids.get(1));
        assertThat(history.list(lead, new HistoryQuery(null, uk.id(), null, null, null, null, 0, 10))
                        .total())
                .as("UK is outside the team lead's regions")
                .isZero();
    }

    // ---- fixtures -----------------------------------------------------------------------------------------

    Account account(String tag) {
        String id = "u-" + UUID.randomUUID().toString().substring(0, 12);
        return new Account(
                id,
                (tag + "-" + id.substring(2, 8)).toLowerCase(),
                "Person " + tag,
                "Fieldlink",
                Set.of(Role.TECHNICIAN, Role.TEAM_LEAD),
                AccountState.ACTIVE,
                LocalDate.parse("2026-06-01"),
                Set.of("DE", "AT"),
                Map.of("digital-cutter", LocalDate.parse("2027-01-31")),
                false,
                T0);
    }

    MachineRecord machine(String tag, String region, String line) {
        return new MachineRecord(
                "m-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8),
                "SN",
                "Machine",
                "Customer",
                "Site",
                region,
                line,
                "Model",
                new CustomerSwitches(true, false, false),
                60,
                null,
                null,
                null,
                T0);
    }

    SessionRecord session(String machineId, String technicianId) {
        return sessionAt(machineId, technicianId, T0);
    }

    SessionRecord sessionAt(String machineId, String technicianId, Instant at) {
        return new SessionRecord(
                UUID.randomUUID().toString(),
                machineId,
                technicianId,
                SessionState.PENDING_CONSENT,
                "reason",
                "CASE-1",
                30,
                null,
                at,
                at.plus(Duration.ofMinutes(2)),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static RefreshTokenRecord token(String family, String user, Instant expires) {
        String hash = (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 64);
        return new RefreshTokenRecord(hash, family, user, T0, expires, null, false);
    }

    List<AuditEvent> agentChain(String machine, int n) {
        List<AuditEvent> out = new ArrayList<>();
        AuditEvent prev = null;
        for (int i = 0; i < n; i++) {
            AuditEvent draft = AuditEvent.draft(
                    "INPUT_CLICK", "operator:" + machine, "session:s-1", T0.plusSeconds(i), Map.of("i", "" + i));
            prev = AuditChain.append(AgentAuditIngest.streamOf(machine), prev, draft);
            out.add(prev);
        }
        return out;
    }
}
