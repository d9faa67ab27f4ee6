package dev.fieldlink.relay.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes, written in settings as {@code 65536}, {@code 64KiB}, {@code 8MiB} or {@code 1GiB}.
 *
 * @param bytes the amount, not negative
 */
public record DataSize(long bytes) {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(B|KIB|MIB|GIB|KB|MB|GB)?");

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a data size is not negative: " + bytes);
        }
    }

    public static DataSize ofKibibytes(long kib) {
        return new DataSize(Math.multiplyExact(kib, 1024L));
    }

    public static DataSize ofMebibytes(long mib) {
        return new DataSize(Math.multiplyExact(mib, 1024L * 1024));
    }

    /**
     * Parses {@code 65536}, {@code 64KiB}, {@code 8MiB}, {@code 1GiB} (also {@code KB}/{@code MB}/{@code GB},
     * meaning the same binary units).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static DataSize parse(String text) {
        Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a data size; write e.g. 65536, 64KiB, 8MiB or 1GiB");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long factor = switch (unit) {
            case "KIB", "KB" -> 1024L;
            case "MIB", "MB" -> 1024L * 1024;
            case "GIB", "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return new DataSize(Math.multiplyExact(value, factor));
    }

    /** The size as an {@code int}, for buffers. */
    public int intBytes() {
        return Math.toIntExact(bytes);
    }

    @Override
    public String toString() {
        if (bytes % (1024L * 1024) == 0 && bytes > 0) {
            return bytes / (1024L * 1024) + "MiB";
        }
        if (bytes % 1024 == 0 && bytes > 0) {
            return bytes / 1024 + "KiB";
        }
        return bytes + "B";
    }
}
