package dev.fieldlink.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for state reached on other threads: polls with a deadline, never a fixed sleep. */
public final class Poll {
    private Poll() {}

    /** Polls every 5 ms until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            LockSupport.parkNanos(5_000_000L);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Polls until {@code value} gives non-null, and returns it. */
    public static <T> T value(Duration timeout, String what, Supplier<T> value) {
        Object[] box = new Object[1];
        until(timeout, what, () -> (box[0] = value.get()) != null);
        @SuppressWarnings("unchecked")
        T t = (T) box[0];
        return t;
    }
}
