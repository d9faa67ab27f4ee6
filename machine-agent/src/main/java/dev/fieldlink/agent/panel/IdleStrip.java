package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.connection.ConnectionStatus;
import dev.fieldlink.protocol.CustomerSwitches;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

/**
 * The small always-visible strip: handset icon, connected or not, which switches are on, the audit quota alarm and
 * why the last session ended. Lays out only; the model decides.
 */
final class IdleStrip extends JFrame {
    private static final long serialVersionUID = 1L;

    private final transient Messages text;
    private final JLabel icon = new JLabel();
    private final JLabel state = new JLabel();
    private final JLabel switches = new JLabel();
    private final JLabel alarm = new JLabel();
    private final JLabel ended = new JLabel();
    final JButton settings;

    IdleStrip(Messages text, Runnable openSwitches) {
        super(text.get("app.title"));
        this.text = text;
        setUndecorated(true);
        setAlwaysOnTop(true);
        setType(Type.UTILITY);
        setFocusableWindowState(false);
        settings = new JButton(text.get("strip.settings"));
        settings.setFocusable(false);
        settings.addActionListener(e -> openSwitches.run());
        state.setFont(state.getFont().deriveFont(Font.BOLD));
        switches.putClientProperty("FlatLaf.styleClass", "small");
        ended.putClientProperty("FlatLaf.styleClass", "small");
        alarm.setForeground(UIManager.getColor("Fieldlink.strip.alarm"));
        alarm.putClientProperty("FlatLaf.styleClass", "small");

        JPanel lines = new JPanel();
        lines.setLayout(new BoxLayout(lines, BoxLayout.Y_AXIS));
        lines.setOpaque(false);
        lines.add(state);
        lines.add(switches);
        lines.add(alarm);
        lines.add(ended);

        JPanel content = new JPanel(new BorderLayout(10, 0));
        content.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 1, 1, 1, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(8, 10, 8, 10)));
        content.add(icon, BorderLayout.WEST);
        content.add(lines, BorderLayout.CENTER);
        JPanel east = new JPanel();
        east.setOpaque(false);
        east.setLayout(new BoxLayout(east, BoxLayout.Y_AXIS));
        east.add(Box.createVerticalGlue());
        east.add(settings);
        east.add(Box.createVerticalGlue());
        content.add(east, BorderLayout.EAST);
        setContentPane(content);
    }

    void mark(String mark) {
        JLabel label = new JLabel(mark);
        label.setFont(label.getFont().deriveFont(Font.BOLD));
        label.setForeground(UIManager.getColor("Fieldlink.strip.alarm"));
        ((JPanel) getContentPane()).add(label, BorderLayout.NORTH);
        pack();
    }

    void show(PanelModel m) {
        ConnectionStatus c = m.connection();
        ConnectionStatus.State s = c == null ? ConnectionStatus.State.OFF : c.state();
        boolean connected = s == ConnectionStatus.State.CONNECTED;
        boolean bad = s == ConnectionStatus.State.HOST_KEY_MISMATCH;
        Color colour = UIManager.getColor(
                bad
                        ? "Fieldlink.strip.alarm"
                        : connected ? "Fieldlink.strip.connected" : "Fieldlink.strip.disconnected");
        icon.setIcon(new HandsetIcon(30, colour));
        state.setText(text.get(
                switch (s) {
                    case CONNECTED -> "strip.connected";
                    case OFF -> "strip.off";
                    case NOT_ENROLLED -> "strip.notEnrolled";
                    case HOST_KEY_MISMATCH -> "strip.hostKey";
                    case RETRYING -> "strip.retrying";
                    case CONNECTING -> "strip.connecting";
                    case STOPPED -> "strip.stopped";
                }));
        state.setForeground(bad ? colour : UIManager.getColor("Label.foreground"));
        state.setToolTipText(c == null ? null : tip(c));
        switches.setText(text.get("strip.switches", describe(m.switches())));
        boolean quotaAlarm = m.quota() != null && m.quota().alarm();
        alarm.setText(quotaAlarm ? text.get("strip.quotaAlarm") : "");
        alarm.setVisible(quotaAlarm);
        ended.setText(m.lastEnd() == null ? "" : text.get("ended." + m.lastEnd().name()));
        ended.setVisible(m.lastEnd() != null && m.active() == null);
        pack();
    }

    /**
     * Why the strip shows what it shows, worded for the operator. The status detail is technical (exception texts,
     * fingerprints) and goes to the log, not here; only the relay address of a live or starting link is shown.
     */
    private String tip(ConnectionStatus c) {
        boolean withAddress =
                c.state() == ConnectionStatus.State.CONNECTED || c.state() == ConnectionStatus.State.CONNECTING;
        return text.get("strip.tip." + c.state().name(), withAddress && c.detail() != null ? c.detail() : "-");
    }

    private String describe(CustomerSwitches s) {
        if (s == null || s.allOff()) {
            return text.get("strip.switch.none");
        }
        List<String> on = new ArrayList<>();
        if (s.remoteService()) {
            on.add(text.get("strip.switch.remoteService"));
        }
        if (s.fileTransfer()) {
            on.add(text.get("strip.switch.fileTransfer"));
        }
        if (s.dataUpload()) {
            on.add(text.get("strip.switch.dataUpload"));
        }
        return String.join(", ", on);
    }
}
