package dev.fieldlink.agent.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes. Written in configuration as a whole number with a binary unit: {@code 512}, {@code 64KiB},
 * {@code 8MiB}, {@code 1GiB} (case-insensitive; {@code KB}, {@code MB}, {@code GB} are read as the binary units too).
 *
 * @param bytes the amount, at least 0
 */
public record DataSize(long bytes) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,15})\\s*([kmg]i?b?|b)?\\s*");

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofKibibytes(long kib) {
        return new DataSize(Math.multiplyExact(kib, 1024L));
    }

    public static DataSize ofMebibytes(long mib) {
        return new DataSize(Math.multiplyExact(mib, 1024L * 1024));
    }

    /**
     * Reads the configuration form.
     *
     * @throws IllegalArgumentException naming the accepted form
     */
    public static DataSize parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size; write a whole number with B, KiB, MiB or GiB, e.g. 64MiB");
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        try {
            return new DataSize(Math.multiplyExact(number, factor));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }

    @Override
    public String toString() {
        if (bytes % (1024L * 1024 * 1024) == 0 && bytes > 0) {
            return bytes / (1024L * 1024 * 1024) + "GiB";
        }
        if (bytes % (1024L * 1024) == 0 && bytes > 0) {
            return bytes / (1024L * 1024) + "MiB";
        }
        if (bytes % 1024 == 0 && bytes > 0) {
            return bytes / 1024 + "KiB";
        }
        return bytes + "B";
    }
}
