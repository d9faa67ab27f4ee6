package dev.fieldlink.console;

/** The {@code fieldlink-console} entry point. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("fieldlink-console: the technician console starts here once the console module lands.");
    }
}
