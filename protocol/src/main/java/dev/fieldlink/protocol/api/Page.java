package dev.fieldlink.protocol.api;

import java.util.List;

/** One page of a sorted list: {@code items} from position {@code offset}, of {@code total} in all. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
