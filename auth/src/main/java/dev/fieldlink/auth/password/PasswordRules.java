package dev.fieldlink.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for a new password: a minimum and maximum length (in characters), not a commonly used password, and not
 * containing the username.
 *
 * <p>"Common" compares case-insensitively against a bundled list ({@code common-passwords.txt}), both the whole
 * password and the password with leading and trailing digits and punctuation removed, so {@code Password2024!!}
 * counts as common. The username check applies to usernames of three or more characters and ignores case.
 *
 * <p>Immutable and thread-safe; build one and share it.
 */
public final class PasswordRules {
    /** NIST SP 800-63B allows 8; a service account that reaches industrial machines gets more. */
    public static final int DEFAULT_MIN_LENGTH = 12;

    /** Long enough for any passphrase, short enough to bound the work per login. */
    public static final int DEFAULT_MAX_LENGTH = 1024;

    private static final String LIST_RESOURCE = "common-passwords.txt";
    private static final int MIN_USERNAME_CHECK = 3;

    private final int minLength;
    private final int maxLength;
    private final Set<String> common;

    /** Default lengths and the bundled list. */
    public PasswordRules() {
        this(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, bundledCommonPasswords());
    }

    /**
     * @param commonPasswords compared in lower case
     */
    public PasswordRules(int minLength, int maxLength, Set<String> commonPasswords) {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("Password lengths must satisfy 1 <= min <= max");
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
        Set<String> lower = new HashSet<>();
        for (String p : commonPasswords) {
            lower.add(p.toLowerCase(Locale.ROOT));
        }
        this.common = Set.copyOf(lower);
    }

    /** The bundled list of common passwords, in lower case. */
    public static Set<String> bundledCommonPasswords() {
        try (InputStream in = PasswordRules.class.getResourceAsStream(LIST_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled list " + LIST_RESOURCE + " is missing");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LIST_RESOURCE, e);
        }
    }

    /**
     * Accepts {@code password} for the account {@code username}, or says why not.
     *
     * @throws WeakPasswordException naming the rule that failed
     */
    public void check(char[] password, String username) {
        int length = Character.codePointCount(password, 0, password.length);
        if (length < minLength) {
            throw new WeakPasswordException(
                    WeakPasswordException.Reason.TOO_SHORT,
                    "The password must be at least " + minLength + " characters long");
        }
        if (length > maxLength) {
            throw new WeakPasswordException(
                    WeakPasswordException.Reason.TOO_LONG,
                    "The password must be at most " + maxLength + " characters long");
        }
        // Strings here are unavoidable for the comparisons; they hold no more than the char[] the caller has.
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(core(lower))) {
            throw new WeakPasswordException(
                    WeakPasswordException.Reason.COMMON,
                    "The password is too common; choose one that is not on lists of frequently used passwords");
        }
        if (username != null && username.strip().length() >= MIN_USERNAME_CHECK) {
            if (lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
                throw new WeakPasswordException(
                        WeakPasswordException.Reason.CONTAINS_USERNAME, "The password must not contain the username");
            }
        }
    }

    /** The password without leading and trailing characters that are not letters. */
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }
}
