package dev.fieldlink.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The operator panel.
 *
 * @param language {@code en} or {@code de}
 * @param theme {@code light} or {@code dark}
 * @param adminPinHash Argon2id hash of the PIN that guards the switches in the panel (set with {@code
 *     fieldlink-agent admin-pin}); null means the switches cannot be changed in the panel
 */
public record PanelSettings(Language language, Theme theme, String adminPinHash) {
    public PanelSettings {
        language = language == null ? Language.EN : language;
        theme = theme == null ? Theme.LIGHT : theme;
        if (adminPinHash != null && !adminPinHash.startsWith("$argon2id$")) {
            throw new InvalidSettingException(
                    "adminPinHash",
                    "must be an Argon2id hash; set the PIN with fieldlink-agent admin-pin, never in clear");
        }
    }

    public static PanelSettings defaults() {
        return new PanelSettings(null, null, null);
    }

    /** The panel languages with resource bundles. */
    public enum Language {
        @JsonProperty("en")
        EN(Locale.ENGLISH),
        @JsonProperty("de")
        DE(Locale.GERMAN);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        public Locale locale() {
            return locale;
        }
    }

    /** FlatLaf light or dark. */
    public enum Theme {
        @JsonProperty("light")
        LIGHT,
        @JsonProperty("dark")
        DARK
    }

    @Override
    public String toString() {
        return "PanelSettings[language=" + language + ", theme=" + theme + ", adminPin="
                + (adminPinHash == null ? "unset" : "set") + "]";
    }
}
