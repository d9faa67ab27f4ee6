package dev.fieldlink.agent.panel;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import dev.fieldlink.agent.config.PanelSettings;

/** Installs FlatLaf light or dark with the panel's own colour keys ({@code themes/*.properties}). */
public final class PanelTheme {
    private PanelTheme() {}

    /** Call on the EDT before building any window. */
    public static void install(PanelSettings.Theme theme) {
        FlatLaf.registerCustomDefaultsSource("dev.fieldlink.agent.panel.themes");
        if (theme == PanelSettings.Theme.DARK) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }
}
