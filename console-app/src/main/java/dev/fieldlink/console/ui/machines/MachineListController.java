package dev.fieldlink.console.ui.machines;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.relay.MachineQuery;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.UiTasks;
import dev.fieldlink.protocol.api.MachineView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Loads the machine list and keeps it current: {@link #refresh()} on demand, and a poll every interval while
 * started, so online states change in place. Reports on the UI executor; call its methods on the UI thread.
 */
public final class MachineListController {
    /**
     * What the list shows.
     *
     * @param machines the last list the relay returned (empty before the first answer)
     * @param loaded true once any answer arrived
     * @param loading a request is under way
     * @param updatedAt when the list was last loaded, or null
     * @param error a sentence when the last load failed, else null (the previous list stays shown)
     */
    public record State(List<MachineView> machines, boolean loaded, boolean loading, Instant updatedAt, String error) {
        public State {
            machines = List.copyOf(machines);
        }
    }

    private final RelayClient client;
    private final UiTasks tasks;
    private final ErrorTexts errors;
    private final Clock clock;
    private final Duration interval;
    private Consumer<State> listener = s -> {};
    private State state = new State(List.of(), false, false, null, null);
    private CancelToken running;
    private javax.swing.Timer poll;

    public MachineListController(RelayClient client, UiTasks tasks, Messages messages, Clock clock, Duration interval) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = new ErrorTexts(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    public void setListener(Consumer<State> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        listener.accept(state);
    }

    public State state() {
        return state;
    }

    /** Loads now, and then every interval until {@link #stop()}. Swing only (uses a Swing timer). */
    public void start() {
        refresh();
        if (poll == null) {
            poll = new javax.swing.Timer((int) interval.toMillis(), e -> refresh());
            poll.start();
        }
    }

    public void stop() {
        if (poll != null) {
            poll.stop();
            poll = null;
        }
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    /** Loads the list unless a load is already under way. */
    public void refresh() {
        if (running != null) {
            return;
        }
        update(new State(state.machines(), state.loaded(), true, state.updatedAt(), state.error()));
        running = tasks.run(
                cancel -> client.cancellable(cancel).machines(MachineQuery.ALL),
                machines -> {
                    running = null;
                    update(new State(machines, true, false, clock.instant(), null));
                },
                failure -> {
                    running = null;
                    update(new State(
                            state.machines(),
                            state.loaded(),
                            false,
                            state.updatedAt(),
                            errors.describe(failure, client.address().display())));
                });
    }

    private void update(State next) {
        state = next;
        listener.accept(next);
    }
}
