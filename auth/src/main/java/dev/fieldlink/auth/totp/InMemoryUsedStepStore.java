package dev.fieldlink.auth.totp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link UsedStepStore} in memory, for tests and the sandbox. Thread-safe; grows with the number of accounts. */
public final class InMemoryUsedStepStore implements UsedStepStore {
    private final ConcurrentMap<String, Long> lastSteps = new ConcurrentHashMap<>();

    @Override
    public boolean tryAdvance(String accountId, long step) {
        boolean[] advanced = {false};
        lastSteps.compute(accountId, (id, last) -> {
            if (last == null || last < step) {
                advanced[0] = true;
                return step;
            }
            return last;
        });
        return advanced[0];
    }
}
