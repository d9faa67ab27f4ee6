package dev.fieldlink.agent.switches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.auth.password.PasswordHasher;
import dev.fieldlink.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminPinTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Parameters.TEST, new SecureRandom());
    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");

    @Test
    void rightPin_isAccepted_wrongPin_isNot() {
        AdminPin pin = new AdminPin(hasher.hash("246810".toCharArray()), hasher, clock);

        assertThat(pin.check("246810".toCharArray())).isEqualTo(AdminPin.Result.ACCEPTED);
        assertThat(pin.check("246811".toCharArray())).isEqualTo(AdminPin.Result.WRONG);
    }

    @Test
    void fiveWrongPins_lockEvenTheRightOne_untilTheLockoutPasses() {
        AdminPin pin = new AdminPin(hasher.hash("246810".toCharArray()), hasher, clock);
        for (int i = 0; i < AdminPin.MAX_FAILURES; i++) {
            assertThat(pin.check("000000".toCharArray())).isEqualTo(AdminPin.Result.WRONG);
        }

        assertThat(pin.check("246810".toCharArray())).isEqualTo(AdminPin.Result.LOCKED);
        clock.advance(AdminPin.LOCKOUT.plus(Duration.ofSeconds(1)));
        assertThat(pin.check("246810".toCharArray())).isEqualTo(AdminPin.Result.ACCEPTED);
    }

    @Test
    void noPinConfigured_refusesEveryCheck() {
        AdminPin pin = new AdminPin(null, hasher, clock);

        assertThat(pin.check("246810".toCharArray())).isEqualTo(AdminPin.Result.NOT_SET);
    }

    @Test
    void checkedPin_isWiped() {
        AdminPin pin = new AdminPin(hasher.hash("246810".toCharArray()), hasher, clock);
        char[] typed = "246810".toCharArray();

        pin.check(typed);

        assertThat(new String(typed)).isEqualTo("\0\0\0\0\0\0");
    }

    @Test
    void newPin_mustBeSixToTwelveDigits() {
        assertThatThrownBy(() -> AdminPin.requireValidNewPin("1234".toCharArray()))
                .hasMessageContaining("6 to 12");
        assertThatThrownBy(() -> AdminPin.requireValidNewPin("12345a".toCharArray()))
                .hasMessageContaining("digits");
        AdminPin.requireValidNewPin("123456".toCharArray());
    }
}
