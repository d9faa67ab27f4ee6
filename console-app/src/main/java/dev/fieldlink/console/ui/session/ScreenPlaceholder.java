package dev.fieldlink.console.ui.session;

import dev.fieldlink.console.ui.Forms;
import dev.fieldlink.console.ui.Messages;
import java.awt.BorderLayout;
import java.awt.GridBagLayout;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;

/**
 * PLACEHOLDER until the session-viewer's {@code RemoteScreenView} lands on main: a clearly marked panel where the
 * machine's screen will be drawn. It opens no connection and measures nothing.
 */
public final class ScreenPlaceholder implements ScreenArea {
    private final JPanel panel = new JPanel(new GridBagLayout());

    public ScreenPlaceholder(Messages messages) {
        panel.setName("screenPlaceholder");
        panel.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE, "background: $Desktop.background");
        panel.setBorder(BorderFactory.createDashedBorder(
                javax.swing.UIManager.getColor("Component.borderColor"), 2, 6, 4, false));
        JPanel box = new JPanel();
        box.setOpaque(false);
        box.setLayout(new BoxLayout(box, BoxLayout.PAGE_AXIS));
        JLabel title = Forms.heading(new JLabel(messages.get("session.placeholder.title")), "h2");
        JTextArea text = Forms.message("placeholderText");
        text.setText(messages.get("session.placeholder.text"));
        text.setColumns(34);
        title.setAlignmentX(java.awt.Component.LEFT_ALIGNMENT);
        text.setAlignmentX(java.awt.Component.LEFT_ALIGNMENT);
        box.add(title);
        box.add(javax.swing.Box.createVerticalStrut(6));
        box.add(text);
        JPanel wrapper = new JPanel(new BorderLayout());
        wrapper.setOpaque(false);
        wrapper.add(box);
        panel.add(wrapper);
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public Figures figures() {
        return Figures.NONE;
    }

    @Override
    public void setFitToWindow(boolean fit) {}

    @Override
    public void setViewOnly(boolean viewOnly) {}

    @Override
    public Optional<String> lost() {
        return Optional.empty();
    }

    @Override
    public void close() {}
}
