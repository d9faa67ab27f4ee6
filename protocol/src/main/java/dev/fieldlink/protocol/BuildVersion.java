package dev.fieldlink.protocol;

/**
 * The version a Fieldlink program was built as, from the {@code Implementation-Version} of the jar it runs from
 * (every module's jar carries it). What {@code --version} prints and what an agent reports in its hello.
 */
public final class BuildVersion {
    /** The version when running from class directories (tests, an IDE), where there is no jar manifest. */
    public static final String UNPACKAGED = "dev";

    private BuildVersion() {}

    /** The version of the jar holding {@code anchor}'s package, or {@link #UNPACKAGED}. */
    public static String of(Class<?> anchor) {
        String v = anchor.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? UNPACKAGED : v;
    }
}
