package dev.fieldlink.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/fieldlink/console/ui/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndGerman_haveExactlyTheSameKeys_andEveryPatternParses() throws IOException {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        assertThat(de.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties p : new Properties[] {en, de}) {
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(key).isNotBlank();
                new MessageFormat(p.getProperty(key)); // throws on a broken pattern
            }
        }
    }

    @Test
    void everyEndCauseStateAndKnownProblem_hasWords() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            Messages m = new Messages(locale);
            for (EndCause cause : EndCause.values()) {
                assertThat(m.has("session.end." + cause.name()))
                        .as(cause.name())
                        .isTrue();
                assertThat(m.has("history.cause." + cause.name()))
                        .as(cause.name())
                        .isTrue();
            }
            for (SessionState state : SessionState.values()) {
                assertThat(m.has("history.state." + state.name()))
                        .as(state.name())
                        .isTrue();
            }
            for (ProblemType type : new ProblemType[] {
                ProblemType.INVALID_CREDENTIALS, ProblemType.ACCOUNT_LOCKED, ProblemType.UNDERTAKING_EXPIRED,
                ProblemType.MACHINE_BUSY, ProblemType.MACHINE_OFFLINE, ProblemType.REMOTE_SERVICE_OFF
            }) {
                assertThat(m.has("problem." + type.slug())).as(type.slug()).isTrue();
            }
        }
    }

    @Test
    void apostrophes_surviveFormatting() {
        assertThat(new Messages(Locale.ENGLISH).get("error.screenRefused")).contains("The relay refused");
        assertThat(new Messages(Locale.ENGLISH).get("error.certificateMismatch", "SHA256:x"))
                .startsWith("The relay's certificate")
                .contains("SHA256:x");
    }

    @Test
    void germanIsChosenForGerman_andEnglishOtherwise_evenOnAGermanSystem() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(new Messages(Locale.ENGLISH).get("login.signIn")).isEqualTo("Sign in");
            assertThat(new Messages(Locale.GERMAN).get("login.signIn")).isEqualTo("Anmelden");
            assertThat(new Messages(Locale.FRENCH).get("login.signIn")).isEqualTo("Sign in");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void durations_readAsPeopleSayThem() {
        ErrorTexts texts = new ErrorTexts(new Messages(Locale.ENGLISH));
        assertThat(texts.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(texts.duration(Duration.ofSeconds(61))).isEqualTo("2 min");
        assertThat(texts.duration(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
        assertThat(ErrorTexts.clock(Duration.ofSeconds(845))).isEqualTo("14:05");
        assertThat(ErrorTexts.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(ErrorTexts.clock(Duration.ofSeconds(-5))).isEqualTo("0:00");
    }

    @Test
    void unknownFailure_showsItsMessage_neverAStackTrace() {
        ErrorTexts texts = new ErrorTexts(new Messages(Locale.ENGLISH));
        assertThat(texts.describe(new IllegalStateException("disk full"), "relay"))
                .isEqualTo("Something went wrong: disk full");
    }
}
