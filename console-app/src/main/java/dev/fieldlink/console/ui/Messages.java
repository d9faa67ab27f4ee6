package dev.fieldlink.console.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The console's user-facing texts from {@code dev/fieldlink/console/ui/messages*.properties} (English, German).
 * Every text is a {@link MessageFormat} pattern (write {@code ''} for an apostrophe). Immutable and thread-safe.
 */
public final class Messages {
    static final String BUNDLE = "dev.fieldlink.console.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The text for {@code key} with {@code args} filled in.
     *
     * @throws MissingResourceException if the key is missing (a bug caught by the bundle tests)
     */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** True if the bundle has {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
