package dev.fieldlink.viewer.swing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-facing strings of the viewer, English and German ({@code Messages*.properties}). */
public final class Messages {
    private Messages() {}

    public static String get(String key, Object... args) {
        return get(Locale.getDefault(), key, args);
    }

    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle(
                "dev.fieldlink.viewer.swing.Messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
