package dev.fieldlink.console.ui;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.GridBagConstraints;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/** Small layout helpers shared by the screens: label/field rows on a grid bag, wrapped message text. */
public final class Forms {
    private Forms() {}

    /** Adds a label and a field as one row of a two-column grid bag panel. */
    public static void row(JPanel panel, int row, String label, JComponent field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.anchor = GridBagConstraints.LINE_START;
        c.insets = new Insets(4, 0, 4, 12);
        JLabel text = new JLabel(label);
        text.setLabelFor(field);
        panel.add(text, c);
        c = new GridBagConstraints();
        c.gridx = 1;
        c.gridy = row;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(4, 0, 4, 0);
        panel.add(field, c);
    }

    /** Adds a component spanning both columns. */
    public static void wide(JPanel panel, int row, JComponent component, int top) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(top, 0, 4, 0);
        panel.add(component, c);
    }

    /** A read-only, wrapping, transparent text area for messages of a few lines. */
    public static JTextArea message(String name) {
        JTextArea area = new JTextArea();
        area.setName(name);
        area.setEditable(false);
        area.setFocusable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setOpaque(false);
        area.setBorder(null);
        area.setFont(UIManager.getFont("Label.font"));
        return area;
    }

    /** Styles a label or text as an error (FlatLaf's red). */
    public static <C extends JComponent> C error(C component) {
        component.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
        return component;
    }

    /** Styles a label as a heading of the given FlatLaf class ({@code h1}, {@code h2}, {@code h3}). */
    public static <C extends JComponent> C heading(C component, String styleClass) {
        component.putClientProperty(FlatClientProperties.STYLE_CLASS, styleClass);
        return component;
    }

    /** Styles a label as secondary text. */
    public static <C extends JComponent> C muted(C component) {
        component.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        return component;
    }
}
