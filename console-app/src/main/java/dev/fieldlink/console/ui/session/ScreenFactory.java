package dev.fieldlink.console.ui.session;

import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.UiTasks;

/** Makes the screen area of a session window for an active session. Called on the EDT; must not block. */
@FunctionalInterface
public interface ScreenFactory {
    ScreenArea open(Messages messages, UiTasks tasks, RelayClient relay, String sessionId);
}
