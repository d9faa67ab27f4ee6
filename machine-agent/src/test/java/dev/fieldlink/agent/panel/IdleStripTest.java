package dev.fieldlink.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.config.PanelSettings;
import dev.fieldlink.agent.connection.ConnectionStatus;
import dev.fieldlink.protocol.CustomerSwitches;
import java.awt.Component;
import java.awt.Container;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The strip tells the operator about a refused relay identity and a full audit store, in their language. */
class IdleStripTest {
    @Test
    void hostKeyMismatch_andQuotaAlarm_areShown() throws Exception {
        AtomicReference<List<String>> texts = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            PanelTheme.install(PanelSettings.Theme.LIGHT);
            PanelModel m = new PanelModel();
            m.connection = new ConnectionStatus(
                    ConnectionStatus.State.HOST_KEY_MISMATCH,
                    "relay presented SHA256:x but SHA256:y is pinned",
                    Instant.EPOCH,
                    null);
            m.switches = new CustomerSwitches(true, false, false);
            m.quota = new AuditLog.QuotaState(600, 512, true, 1200);
            IdleStrip strip = new IdleStrip(new Messages(Locale.GERMAN), () -> {});
            strip.mark("SANDBOX");
            strip.show(m);
            texts.set(labels(strip.getContentPane()));
            strip.dispose();
        });
        assertThat(texts.get())
                .contains("Fernservice: Identität des Relays falsch!", "Schalter: Fernservice")
                .anyMatch(t -> t.startsWith("Protokollspeicher voll"));
    }

    @Test
    void connectionFailure_showsAWordedReason_notTheExceptionText() throws Exception {
        AtomicReference<List<String>> tips = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            PanelTheme.install(PanelSettings.Theme.LIGHT);
            PanelModel m = new PanelModel();
            m.connection = new ConnectionStatus(
                    ConnectionStatus.State.RETRYING,
                    "java.net.ConnectException: Connection refused: /10.0.0.7:8022",
                    Instant.EPOCH,
                    Instant.EPOCH.plusSeconds(4));
            m.switches = new CustomerSwitches(true, false, false);
            IdleStrip strip = new IdleStrip(new Messages(Locale.GERMAN), () -> {});
            strip.show(m);
            tips.set(tooltips(strip.getContentPane()));
            strip.dispose();
        });
        assertThat(tips.get())
                .containsExactly(
                        "Das Relay ist im Moment nicht erreichbar. Der Agent versucht es selbstst\u00e4ndig weiter;"
                                + " wenn das anh\u00e4lt, lassen Sie bitte die Netzwerkverbindung von Ihrer IT pr\u00fcfen.");
    }

    private static List<String> tooltips(Container c) {
        List<String> out = new ArrayList<>();
        for (Component child : c.getComponents()) {
            if (child instanceof JLabel l && l.getToolTipText() != null) {
                out.add(l.getToolTipText());
            }
            if (child instanceof Container inner) {
                out.addAll(tooltips(inner));
            }
        }
        return out;
    }

    private static List<String> labels(Container c) {
        List<String> out = new ArrayList<>();
        for (Component child : c.getComponents()) {
            if (child instanceof JLabel l
                    && l.isVisible()
                    && l.getText() != null
                    && !l.getText().isEmpty()) {
                out.add(l.getText());
            }
            if (child instanceof Container inner) {
                out.addAll(labels(inner));
            }
        }
        return out;
    }
}
