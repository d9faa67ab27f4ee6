package dev.fieldlink.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.session.EndCause;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The panel can say every end cause, in English and German, and neither language misses a text. */
class MessagesTest {
    @Test
    void everyEndCause_hasWords_inBothLanguages() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            Messages messages = new Messages(locale);
            for (EndCause cause : EndCause.values()) {
                assertThat(messages.get("ended." + cause.name()))
                        .as(locale + " " + cause)
                        .isNotBlank();
            }
        }
    }

    @Test
    void germanAndEnglish_haveTheSameKeys() throws Exception {
        // The files themselves: a German ResourceBundle would inherit every key of the English one.
        assertThat(keys("messages_de.properties")).containsExactlyInAnyOrderElementsOf(keys("messages.properties"));
    }

    private static java.util.Set<Object> keys(String file) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = Messages.class.getResourceAsStream(file)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties.keySet();
    }
}
