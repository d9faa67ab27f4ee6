package dev.fieldlink.auth.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(user, address);
        }
    }

    @Test
    void fourFailures_stillAllowed_fifthLocksTheAccountForTheWindow() {
        fail("jdoe", "10.0.0.1", 4);
        assertThat(throttle.check("jdoe", "10.0.0.1")).isEmpty();
        throttle.recordFailure("jdoe", "10.0.0.1");
        assertThat(throttle.check("jdoe", "10.0.0.1")).contains(Duration.ofMinutes(15));
        // From any address.
        assertThat(throttle.check("jdoe", "10.9.9.9")).contains(Duration.ofMinutes(15));
        // Other accounts from the same address are not locked by this alone.
        assertThat(throttle.check("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void lock_liftsWhenTheOldestFailureLeavesTheWindow() {
        throttle.recordFailure("jdoe", "a");
        clock.advance(Duration.ofMinutes(5));
        fail("jdoe", "a", 4);
        assertThat(throttle.check("jdoe", "a")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(throttle.check("jdoe", "a")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.check("jdoe", "a")).isEmpty();
        // One more failure locks again, because four are still in the window.
        throttle.recordFailure("jdoe", "a");
        assertThat(throttle.check("jdoe", "a")).contains(Duration.ofMinutes(5));
    }

    @Test
    void failuresOlderThanTheWindow_doNotCount() {
        fail("jdoe", "a", 4);
        clock.advance(Duration.ofMinutes(15));
        throttle.recordFailure("jdoe", "a");
        assertThat(throttle.check("jdoe", "a")).isEmpty();
    }

    @Test
    void success_clearsTheAccountsFailures() {
        fail("jdoe", "a", 4);
        throttle.recordSuccess("jdoe", "a");
        fail("jdoe", "a", 4);
        assertThat(throttle.check("jdoe", "a")).isEmpty();
    }

    @Test
    void attemptsInProgress_countAgainstTheLimit_soParallelRequestsCannotTryMore() {
        List<LoginThrottle.Attempt> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LoginThrottle.Attempt a = throttle.begin("jdoe", "10.0.0." + i);
            assertThat(a.refused()).isEmpty();
            inFlight.add(a);
        }
        // A sixth at the same time waits: the five may still fail.
        try (LoginThrottle.Attempt sixth = throttle.begin("jdoe", "10.0.0.9")) {
            assertThat(sixth.refused()).contains(Duration.ofSeconds(1));
            sixth.failed(); // a refused attempt counts nothing
        }
        inFlight.forEach(LoginThrottle.Attempt::failed);
        try (LoginThrottle.Attempt after = throttle.begin("jdoe", "10.0.0.9")) {
            assertThat(after.refused()).contains(Duration.ofMinutes(15));
        }
        assertThat(throttle.check("jdoe", "x")).contains(Duration.ofMinutes(15));
    }

    @Test
    void anAttemptEndedWithoutAVerdict_freesItsPlace_andASuccessClearsTheAccount() {
        for (int i = 0; i < 4; i++) {
            try (LoginThrottle.Attempt a = throttle.begin("jdoe", "a")) {
                a.failed();
            }
        }
        try (LoginThrottle.Attempt stopped = throttle.begin("jdoe", "a")) {
            assertThat(stopped.refused()).isEmpty();
            // closed without failed() or succeeded(): e.g. the account is disabled
        }
        try (LoginThrottle.Attempt ok = throttle.begin("jdoe", "a")) {
            assertThat(ok.refused()).isEmpty();
            ok.succeeded();
            ok.failed(); // only the first verdict counts
        }
        assertThat(throttle.check("jdoe", "a")).isEmpty();
        for (int i = 0; i < 4; i++) {
            try (LoginThrottle.Attempt a = throttle.begin("jdoe", "a")) {
                a.failed();
            }
        }
        assertThat(throttle.check("jdoe", "a"))
                .as("four failures since the success")
                .isEmpty();
    }

    @Test
    void attemptRefusedByItsAddress_doesNotHoldAPlaceOnTheAccount() {
        List<LoginThrottle.Attempt> inFlight = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inFlight.add(throttle.begin("user" + i, "203.0.113.7"));
        }
        for (int i = 0; i < 5; i++) {
            try (LoginThrottle.Attempt refused = throttle.begin("jdoe", "203.0.113.7")) {
                assertThat(refused.refused()).isPresent();
            }
        }
        inFlight.forEach(LoginThrottle.Attempt::close);
        try (LoginThrottle.Attempt a = throttle.begin("jdoe", "198.51.100.1")) {
            assertThat(a.refused()).isEmpty();
        }
    }

    @Test
    void usernameIsMatchedIgnoringCaseAndSpaces() {
        fail("JDoe", "a", 3);
        fail(" jdoe ", "b", 2);
        assertThat(throttle.check("jdoe", "c")).isPresent();
    }

    @Test
    void twentyFailuresFromOneAddress_lockThatAddress_forEveryAccount() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("user" + i, "203.0.113.7");
        }
        assertThat(throttle.check("someone", "203.0.113.7")).isEmpty();
        throttle.recordFailure("user19", "203.0.113.7");
        assertThat(throttle.check("someone", "203.0.113.7")).contains(Duration.ofMinutes(15));
        assertThat(throttle.check("someone", "203.0.113.8")).isEmpty();
    }

    @Test
    void successDoesNotResetTheAddressCounter() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("victim" + i, "203.0.113.7");
        }
        throttle.recordSuccess("attacker-own-account", "203.0.113.7");
        throttle.recordFailure("victim-x", "203.0.113.7");
        assertThat(throttle.check("attacker-own-account", "203.0.113.7")).isPresent();
    }

    @Test
    void addressLock_expiresWithTheWindow() {
        fail("x", "198.51.100.1", 1);
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("user" + i, "198.51.100.1");
        }
        assertThat(throttle.check("new", "198.51.100.1")).isPresent();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.check("new", "198.51.100.1")).isEmpty();
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(throttle.check("new", "2001:db8:1:2:ffff::1")).isPresent();
        assertThat(throttle.check("new", "[2001:db8:1:2::99]")).isPresent();
        assertThat(throttle.check("new", "2001:db8:1:3::1")).isEmpty();
        assertThat(LoginThrottle.addressKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginThrottle.addressKey("relay.example.com")).isEqualTo("relay.example.com");
    }

    @Test
    void unknownAndKnownAccounts_areThrottledAlike() {
        // The throttle never learns whether an account exists: the answer depends only on the name's failures.
        fail("existing-user", "a", 5);
        fail("no-such-user", "b", 5);
        assertThat(throttle.check("existing-user", "c")).isEqualTo(throttle.check("no-such-user", "d"));
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        fail("jdoe", "a", 5);
        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.check("jdoe", "a")).contains(Duration.ofMinutes(15).minusSeconds(1));
    }

    @Test
    void customLimits_apply() {
        LoginThrottle strict = new LoginThrottle(clock, new LoginThrottle.Limits(2, 3, Duration.ofMinutes(1), 100));
        strict.recordFailure("u", "a");
        assertThat(strict.check("u", "a")).isEmpty();
        strict.recordFailure("u", "a");
        assertThat(strict.check("u", "a")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(strict.check("u", "a")).isEmpty();
    }
}
