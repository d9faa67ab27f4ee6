package dev.fieldlink.relay.machine;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import java.util.Locale;

/**
 * Filters, sort and page of {@code GET machines}.
 *
 * @param q text searched (case-insensitive) in id, serial, name, customer, site and model, or null
 * @param productLine only this product line, or null
 * @param region only machines in this region or below it, or null
 * @param online only machines online (true) or offline (false), or null for both
 * @param sort {@code name} (default), {@code id}, {@code customer}, {@code region} or {@code lastSeen}
 */
public record MachineQuery(
        String q, String productLine, String region, Boolean online, String sort, int offset, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public MachineQuery {
        sort = sort == null || sort.isBlank() ? "name" : sort;
        if (!java.util.Set.of("name", "id", "customer", "region", "lastSeen").contains(sort)) {
            throw new FieldlinkException(
                    ProblemType.VALIDATION, "sort must be one of name, id, customer, region, lastSeen; not " + sort);
        }
        if (offset < 0) {
            throw new FieldlinkException(ProblemType.VALIDATION, "offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FieldlinkException(ProblemType.VALIDATION, "limit must be between 1 and " + MAX_LIMIT);
        }
        q = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        if (q != null && q.length() > 100) {
            throw new FieldlinkException(ProblemType.VALIDATION, "q is longer than 100 characters");
        }
    }

    /** No filters, first page. */
    public static MachineQuery all() {
        return new MachineQuery(null, null, null, null, null, 0, DEFAULT_LIMIT);
    }
}
