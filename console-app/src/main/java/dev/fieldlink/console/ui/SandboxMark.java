package dev.fieldlink.console.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;

/**
 * The clear SANDBOX mark every window carries in sandbox mode: a banner strip and a title prefix. In normal mode
 * both are empty.
 */
public final class SandboxMark {
    private final boolean sandbox;
    private final Messages messages;

    public SandboxMark(boolean sandbox, Messages messages) {
        this.sandbox = sandbox;
        this.messages = messages;
    }

    public boolean isSandbox() {
        return sandbox;
    }

    /** {@code "SANDBOX – title"} in sandbox mode, else the title. */
    public String title(String title) {
        return sandbox ? messages.get("sandbox.titlePrefix") + " – " + title : title;
    }

    /** Wraps {@code content} with the banner on top; returns {@code content} itself in normal mode. */
    public JComponent wrap(JComponent content) {
        if (!sandbox) {
            return content;
        }
        JLabel banner = new JLabel(messages.get("sandbox.banner"), SwingConstants.CENTER);
        banner.setName("sandboxBanner");
        banner.setOpaque(true);
        // A fixed warning colour on purpose: the mark must look the same in both themes.
        banner.setBackground(new Color(0xF2B01E));
        banner.setForeground(Color.BLACK);
        banner.setFont(banner.getFont().deriveFont(Font.BOLD));
        banner.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        JPanel panel = new JPanel(new BorderLayout());
        panel.add(banner, BorderLayout.NORTH);
        panel.add(content, BorderLayout.CENTER);
        return panel;
    }
}
