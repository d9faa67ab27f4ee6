package dev.fieldlink.console.ui;

import dev.fieldlink.console.relay.CancelToken;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs slow work (network, disk, crypto) off the EDT and hands its result back on the UI executor. Each task gets a
 * {@link CancelToken}; a cancelled task reports nothing. Thread-safe.
 */
public final class UiTasks {
    private static final Logger LOG = LoggerFactory.getLogger(UiTasks.class);

    private final Executor background;
    private final Executor ui;

    /**
     * @param background where work runs
     * @param ui where results are delivered (the EDT in the application; a direct executor in tests)
     */
    public UiTasks(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Daemon worker threads, results on the EDT. */
    public static UiTasks swing() {
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "console-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new UiTasks(workers, SwingUtilities::invokeLater);
    }

    /**
     * Runs {@code work} in the background; then {@code onDone} or {@code onError} on the UI executor, unless the
     * returned token was cancelled first.
     */
    public <T> CancelToken run(
            Function<CancelToken, T> work, Consumer<? super T> onDone, Consumer<RuntimeException> onError) {
        CancelToken token = new CancelToken();
        try {
            background.execute(() -> {
                try {
                    T result = work.apply(token);
                    onUi(() -> {
                        if (!token.isCancelled()) {
                            onDone.accept(result);
                        }
                    });
                } catch (RuntimeException e) {
                    if (!(e instanceof dev.fieldlink.console.relay.RelayException)) {
                        LOG.warn("Background task failed", e);
                    }
                    onUi(() -> {
                        if (!token.isCancelled()) {
                            onError.accept(e);
                        }
                    });
                }
            });
        } catch (RejectedExecutionException e) {
            onUi(() -> onError.accept(e));
        }
        return token;
    }

    /** Runs {@code action} on the UI executor. */
    public void onUi(Runnable action) {
        ui.execute(action);
    }
}
