package dev.fieldlink.console.relay;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets a person stop work that runs on another thread: the UI calls {@link #cancel()}, the work registers what
 * stops it (an HTTP call, a socket) with {@link #onCancel}. Thread-safe; cancelling twice does nothing more.
 */
public final class CancelToken {
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** A registration that is removed by {@link #close()}. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Cancels: runs every registered hook once, on the calling thread. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code hook} on cancel, or right now if already cancelled. */
    public Registration onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return () -> {
                    synchronized (this) {
                        hooks.remove(hook);
                    }
                };
            }
        }
        hook.run();
        return () -> {};
    }
}
