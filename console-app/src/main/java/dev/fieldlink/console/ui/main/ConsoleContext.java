package dev.fieldlink.console.ui.main;

import dev.fieldlink.console.relay.RelayAddress;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.relay.RelayTls;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.SandboxMark;
import dev.fieldlink.console.ui.UiTasks;
import dev.fieldlink.console.ui.login.TraineeAccount;
import dev.fieldlink.console.ui.session.ScreenFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Everything the console's windows are built from, injected once by {@code Main} (or a test).
 *
 * @param clients makes a relay client (with its own in-memory token store) for an address and trust
 * @param screens makes the screen area of a session window (the machine's screen through the relay)
 * @param onSignIn remembers a successful sign-in's relay, pin and username (never the password)
 * @param machinePoll how often the machine list refreshes
 * @param replayClock the clock recordings play by (a running clock; the countdowns use {@code clock})
 */
public record ConsoleContext(
        Messages messages,
        UiTasks tasks,
        Clock clock,
        SandboxMark mark,
        LoginDefaults defaults,
        Path downloads,
        BiFunction<RelayAddress, RelayTls, RelayClient> clients,
        ScreenFactory screens,
        Consumer<LoginDefaults> onSignIn,
        Duration machinePoll,
        Clock replayClock) {

    /** What the sign-in form starts with. */
    public record LoginDefaults(
            String relay, String pin, String username, List<TraineeAccount> trainees, boolean fixedRelay) {
        public LoginDefaults {
            trainees = List.copyOf(trainees);
        }
    }
}
