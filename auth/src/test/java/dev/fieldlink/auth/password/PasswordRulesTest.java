package dev.fieldlink.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fieldlink.protocol.problem.ProblemType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {
    private final PasswordRules rules = new PasswordRules();

    @Test
    void longUncommonPassword_isAccepted() {
        assertThatCode(() -> rules.check("violet-anvil-Rhine-42".toCharArray(), "jdoe"))
                .doesNotThrowAnyException();
    }

    @Test
    void elevenCharacters_isTooShort_twelveIsEnough() {
        WeakPasswordException e = refused("Ab3$efGh1jk", "jdoe");
        assertThat(e.reason()).isEqualTo(WeakPasswordException.Reason.TOO_SHORT);
        assertThat(e.getMessage()).isEqualTo("The password must be at least 12 characters long");
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
        assertThatCode(() -> rules.check("Ab3$efGh1jkL".toCharArray(), "jdoe")).doesNotThrowAnyException();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Eleven emoji are 22 UTF-16 units but still eleven characters.
        String elevenEmoji = "\uD83D\uDE00".repeat(11);
        assertThat(refused(elevenEmoji, "jdoe").reason()).isEqualTo(WeakPasswordException.Reason.TOO_SHORT);
    }

    @Test
    void absurdlyLongPassword_isRefused() {
        assertThat(refused("x".repeat(1025), "jdoe").reason()).isEqualTo(WeakPasswordException.Reason.TOO_LONG);
    }

    @Test
    void commonPassword_isRefused_inAnyCase() {
        WeakPasswordException e = refused("PasswordPassword", "jdoe");
        assertThat(e.reason()).isEqualTo(WeakPasswordException.Reason.COMMON);
        assertThat(e.getMessage()).doesNotContain("PasswordPassword").contains("too common");
        assertThat(refused("123456789012", "jdoe").reason()).isEqualTo(WeakPasswordException.Reason.COMMON);
    }

    @Test
    void commonWordWithDigitsAndPunctuationAround_isRefused() {
        assertThat(refused("Password2024!!", "jdoe").reason()).isEqualTo(WeakPasswordException.Reason.COMMON);
        assertThat(refused("!!2024Fieldlink", "jdoe").reason()).isEqualTo(WeakPasswordException.Reason.COMMON);
    }

    @Test
    void passwordContainingUsername_isRefused_ignoringCase() {
        WeakPasswordException e = refused("xx-JDoe-violet-anvil", "jdoe");
        assertThat(e.reason()).isEqualTo(WeakPasswordException.Reason.CONTAINS_USERNAME);
        assertThat(e.getMessage()).isEqualTo("The password must not contain the username");
    }

    @Test
    void veryShortUsername_isNotSearchedFor() {
        assertThatCode(() -> rules.check("violet-anvil-Rhine-42".toCharArray(), "an"))
                .doesNotThrowAnyException();
    }

    @Test
    void bundledList_isLoadedAndLowerCase() {
        Set<String> list = PasswordRules.bundledCommonPasswords();
        assertThat(list).hasSizeGreaterThan(200).contains("password", "qwertyuiop", "fieldlink");
        assertThat(list).allMatch(w -> w.equals(w.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void customRules_applyTheirOwnList() {
        PasswordRules custom = new PasswordRules(8, 64, Set.of("Hunter2Hunter2"));
        assertThat(catchThrowableOfType(
                                WeakPasswordException.class, () -> custom.check("hunter2hunter2".toCharArray(), null))
                        .reason())
                .isEqualTo(WeakPasswordException.Reason.COMMON);
        assertThatCode(() -> custom.check("password".toCharArray(), null)).doesNotThrowAnyException();
    }

    private WeakPasswordException refused(String password, String username) {
        WeakPasswordException e =
                catchThrowableOfType(WeakPasswordException.class, () -> rules.check(password.toCharArray(), username));
        assertThat(e).as("expected %s to be refused", password).isNotNull();
        return e;
    }
}
