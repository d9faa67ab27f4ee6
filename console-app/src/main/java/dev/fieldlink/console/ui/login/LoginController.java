package dev.fieldlink.console.ui.login;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.relay.CertificateFingerprint;
import dev.fieldlink.console.relay.RelayAddress;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.relay.RelayTls;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.UiTasks;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Signs in: checks the form, then (in the background) logs in and reads {@code GET me}. Reports its {@link State}
 * to one listener on the UI executor. Call its methods on the UI thread.
 */
public final class LoginController {
    private static final Pattern CODE = Pattern.compile("\\d{6,8}");

    /** What the screen shows: working (progress, Cancel) and an error sentence or none. */
    public record State(boolean working, String error) {
        static final State IDLE = new State(false, null);
    }

    /** The form's content. The password array is cleared after use. */
    public record Form(String relay, String pin, String username, char[] password, String code) {}

    private final UiTasks tasks;
    private final Messages messages;
    private final ErrorTexts errors;
    private final BiFunction<RelayAddress, RelayTls, RelayClient> clients;
    private final Consumer<SignedIn> onSignedIn;
    private Consumer<State> listener = state -> {};
    private State state = State.IDLE;
    private CancelToken running;

    /**
     * @param clients makes a client with its own token store for an address and trust
     * @param onSignedIn called on the UI executor after a successful sign-in
     */
    public LoginController(
            UiTasks tasks,
            Messages messages,
            BiFunction<RelayAddress, RelayTls, RelayClient> clients,
            Consumer<SignedIn> onSignedIn) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.clients = Objects.requireNonNull(clients, "clients");
        this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
    }

    public void setListener(Consumer<State> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        listener.accept(state);
    }

    public State state() {
        return state;
    }

    /** Starts signing in, or shows what is wrong with the form. */
    public void signIn(Form form) {
        if (state.working()) {
            return;
        }
        RelayAddress address;
        RelayTls tls;
        try {
            address = RelayAddress.parse(form.relay());
        } catch (IllegalArgumentException e) {
            update(new State(false, messages.get("login.invalidRelay", form.relay() == null ? "" : form.relay())));
            return;
        }
        try {
            tls = form.pin() == null || form.pin().isBlank()
                    ? RelayTls.system()
                    : RelayTls.pinned(CertificateFingerprint.parse(form.pin()));
        } catch (IllegalArgumentException e) {
            update(new State(false, messages.get("login.invalidPin")));
            return;
        }
        String username = form.username() == null ? "" : form.username().strip();
        if (username.isEmpty()) {
            update(new State(false, messages.get("login.usernameMissing")));
            return;
        }
        if (form.password() == null || form.password().length == 0) {
            update(new State(false, messages.get("login.passwordMissing")));
            return;
        }
        String code = form.code() == null ? "" : form.code().replace(" ", "");
        if (!CODE.matcher(code).matches()) {
            update(new State(false, messages.get("login.codeInvalid")));
            return;
        }
        char[] password = form.password().clone();
        RelayAddress where = address;
        update(new State(true, null));
        running = tasks.run(
                cancel -> {
                    try {
                        RelayClient client = clients.apply(where, tls);
                        RelayClient call = client.cancellable(cancel);
                        call.login(username, password, code);
                        return new SignedIn(client, call.me());
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                },
                signedIn -> {
                    running = null;
                    update(State.IDLE);
                    onSignedIn.accept(signedIn);
                },
                failure -> {
                    running = null;
                    update(new State(false, errors.describe(failure, where.display())));
                });
    }

    /** Stops a sign-in in progress; the form stays as it is. */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
            update(State.IDLE);
        }
    }

    private void update(State next) {
        state = next;
        listener.accept(next);
    }
}
