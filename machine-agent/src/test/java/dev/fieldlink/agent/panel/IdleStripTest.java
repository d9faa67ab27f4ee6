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
