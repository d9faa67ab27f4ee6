package dev.fieldlink.relay.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.policy.AccountState;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.relay.db.Database;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.screen.ScreenContext;
import dev.fieldlink.relay.screen.ScreenTap;
import dev.fieldlink.relay.session.SessionRecord;
import dev.fieldlink.relay.session.SessionRepository;
import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.viewer.recording.RecorderOptions;
import dev.fieldlink.viewer.recording.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStoreTest {
    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    Database db;
    RecordingRepository repo;
    String sessionId;

    @BeforeEach
    void open() {
        db = Database.open(
                new RelaySettings.Db("jdbc:h2:mem:rec-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", null, 2));
        repo = new RecordingRepository(db.jdbc());
        new AccountRepository(db.jdbc())
                .insert(
                        new Account(
                                "u-1",
                                "u1",
                                "U",
                                "C",
                                Set.of(Role.TECHNICIAN),
                                AccountState.ACTIVE,
                                LocalDate.parse("2026-01-01"),
                                Set.of(),
                                Map.of(),
                                false,
                                clock.instant()),
                        "h",
                        "s",
                        null,
                        clock.instant());
        new MachineRepository(db.jdbc())
                .insert(new MachineRecord(
                        "m-1",
                        "S",
                        "N",
                        "C",
                        "S",
                        "DE",
                        "digital-cutter",
                        "M",
                        CustomerSwitches.ALL_OFF,
                        60,
                        null,
                        null,
                        null,
                        clock.instant()));
        sessionId = UUID.randomUUID().toString();
        new SessionRepository(db.jdbc())
                .insert(new SessionRecord(
                        sessionId,
                        "m-1",
                        "u-1",
                        SessionState.ACTIVE,
                        "r",
                        null,
                        10,
                        10,
                        clock.instant(),
                        null,
                        clock.instant(),
                        clock.instant().plusSeconds(600),
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aScreenChannel_isRecorded_endedWithItsReason_andItsSizeStored() throws Exception {
        RecordingStore store = store(Duration.ofDays(90));
        ScreenTap tap = store.open(new ScreenContext(sessionId, "m-1", "u-1", clock.instant()));
        tap.agentToViewer("RFB 003.008\n".getBytes(), 0, 12);
        clock.advance(Duration.ofSeconds(2));
        tap.viewerToAgent("RFB 003.008\n".getBytes(), 0, 12);
        RecordingInfo info = repo.forSession(sessionId).get(0);
        Path file = store.file(info).orElseThrow();
        tap.closed("the technician ended the session");
        RecordingInfo done = repo.forSession(sessionId).get(0);
        assertThat(done.bytes()).isEqualTo(Files.size(file));
        assertThat(done.finishedAt()).isEqualTo(clock.instant());
        try (RecordingReader r = RecordingReader.open(file)) {
            assertThat(r.ended()).isTrue();
            assertThat(r.endReason()).isEqualTo("the technician ended the session");
            assertThat(r.header().sessionId()).isEqualTo(sessionId);
        }
    }

    @Test
    void recordingsOlderThanTheRetention_areDeleted_andZeroKeepsThemForever() throws Exception {
        RecordingStore keepForever = store(Duration.ZERO);
        RecordingStore store = store(Duration.ofDays(30));
        ScreenTap tap = store.open(new ScreenContext(sessionId, "m-1", "u-1", clock.instant()));
        tap.closed("done");
        Path file = store.file(repo.forSession(sessionId).get(0)).orElseThrow();
        clock.advance(Duration.ofDays(29));
        assertThat(store.purge()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(keepForever.purge()).isZero();
        assertThat(store.purge()).isEqualTo(1);
        assertThat(Files.exists(file)).isFalse();
        assertThat(repo.forSession(sessionId)).isEmpty();
    }

    private RecordingStore store(Duration retention) {
        return new RecordingStore(
                dir, repo, new SessionRecordingFormat(clock, RecorderOptions.defaults()), clock, retention);
    }
}
