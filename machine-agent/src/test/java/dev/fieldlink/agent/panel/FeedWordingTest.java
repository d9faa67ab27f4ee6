package dev.fieldlink.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.agent.config.PanelSettings;
import dev.fieldlink.agent.config.SessionSettings;
import dev.fieldlink.agent.session.ActionEntry;
import dev.fieldlink.agent.session.ActiveSession;
import dev.fieldlink.agent.session.InputMirror;
import dev.fieldlink.agent.session.SessionController;
import dev.fieldlink.agent.session.SessionListener;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action feed speaks the panel's language: the technician's input is worded from the panel's texts. */
class FeedWordingTest {
    @TempDir
    Path dir;

    private List<String> feedAfterRightClickDragAndClipboard(Locale locale) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
        List<ActionEntry> entries = new CopyOnWriteArrayList<>();
        try (AuditLog audit =
                AuditLog.open(dir.resolve(locale.toString()), "agent:m1", AuditSettings.defaults(), clock)) {
            SessionController sessions = new SessionController(
                    "m1",
                    new SessionSettings(Duration.ofMinutes(30), Duration.ofMinutes(2)),
                    clock,
                    audit,
                    new SimulatedOperator("Olga", SimulatedOperator.approve()),
                    true);
            sessions.addListener(new SessionListener() {
                @Override
                public void action(ActionEntry entry) {
                    entries.add(entry);
                }
            });
            sessions.onRequested(new ControlMessage.SessionRequested(
                    "s1", "t7", "Tom Berger", "PressCo", null, "r", "c", 10, null, false));
            InputMirror mirror = new InputMirror(null, sessions, clock);

            mirror.pointer(1200, 40, 4); // right button down
            mirror.pointer(1200, 40, 0);
            mirror.pointer(100, 100, 1); // left button held from here ...
            mirror.pointer(300, 250, 1);
            mirror.pointer(300, 250, 0); // ... to here
            mirror.cutText("Ventil 3 pr\u00fcfen");
            mirror.flush();
        }
        assertThat(entries).hasSize(3);
        AtomicReference<List<String>> lines = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            PanelTheme.install(PanelSettings.Theme.LIGHT);
            ActiveBanner banner = new ActiveBanner(new Messages(locale), ZoneOffset.UTC, () -> {}, line -> {});
            banner.show(
                    new ActiveSession(
                            "s1", "t7", "Tom Berger", "PressCo", null, "r", "c", clock.instant(), clock.instant()),
                    entries,
                    List.of(),
                    "Sie");
            lines.set(banner.feedLines());
            banner.dispose();
        });
        return lines.get();
    }

    @Test
    void germanPanel_wordsRightClickDragAndClipboard_inGerman() throws Exception {
        List<String> feed = feedAfterRightClickDragAndClipboard(Locale.GERMAN);

        assertThat(feed)
                .hasSize(3)
                .noneMatch(l -> l.contains("button") || l.contains("drag") || l.contains("characters"));
        assertThat(feed.get(2)).endsWith("Rechtsklick (1200, 40)");
        assertThat(feed.get(1)).endsWith("Mit gedr\u00fcckter Maustaste von (100, 100) nach (300, 250) gezogen");
        assertThat(feed.get(0)).endsWith("Zwischenablage gesendet (15 Zeichen): Ventil 3 pr\u00fcfen");
    }

    @Test
    void englishPanel_wordsTheSameActions_inEnglish() throws Exception {
        List<String> feed = feedAfterRightClickDragAndClipboard(Locale.ENGLISH);

        assertThat(feed.get(2)).endsWith("Right click (1200, 40)");
        assertThat(feed.get(1)).endsWith("Dragged from (100, 100) to (300, 250)");
        assertThat(feed.get(0)).endsWith("Clipboard sent (15 characters): Ventil 3 pr\u00fcfen");
    }
}
