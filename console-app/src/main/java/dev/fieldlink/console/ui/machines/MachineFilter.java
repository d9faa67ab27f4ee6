package dev.fieldlink.console.ui.machines;

import dev.fieldlink.protocol.api.MachineView;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the list shows: free text (matched, case-insensitively, against name, serial, customer, site and model),
 * region, product line, and optionally only online machines. {@code null} or blank means "any".
 */
public record MachineFilter(String text, String region, String productLine, boolean onlineOnly)
        implements Predicate<MachineView> {
    public static final MachineFilter NONE = new MachineFilter(null, null, null, false);

    @Override
    public boolean test(MachineView m) {
        if (onlineOnly && !m.online()) {
            return false;
        }
        if (region != null && !region.isBlank() && !region.equals(m.region())) {
            return false;
        }
        if (productLine != null && !productLine.isBlank() && !productLine.equals(m.productLine())) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return Stream.of(m.name(), m.serial(), m.customer(), m.site(), m.model())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** True when no criterion is set. */
    public boolean isEmpty() {
        return equals(NONE)
                || ((text == null || text.isBlank())
                        && (region == null || region.isBlank())
                        && (productLine == null || productLine.isBlank())
                        && !onlineOnly);
    }
}
