package dev.fieldlink.console.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.UIManager;
import javax.swing.UnsupportedLookAndFeelException;

/** The two FlatLaf themes. Call on the EDT (or before any window exists). */
public enum Theme {
    LIGHT,
    DARK;

    /** Installs this theme and updates every open window. */
    public void apply() {
        FlatLaf laf = this == DARK ? new FlatDarkLaf() : new FlatLightLaf();
        try {
            UIManager.setLookAndFeel(laf);
        } catch (UnsupportedLookAndFeelException e) {
            throw new IllegalStateException("FlatLaf is not supported here", e);
        }
        UIManager.put("Component.arc", 8);
        UIManager.put("Button.arc", 8);
        UIManager.put("TextComponent.arc", 8);
        UIManager.put("Table.showHorizontalLines", true);
        UIManager.put("ScrollBar.showButtons", false);
        FlatLaf.updateUI();
    }

    /** The theme now installed. */
    public static Theme current() {
        return FlatLaf.isLafDark() ? DARK : LIGHT;
    }
}
