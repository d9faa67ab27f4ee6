package dev.fieldlink.auth.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (Bouncy Castle) and verifies them in constant time.
 *
 * <p>Encoded form (PHC string format, Base64 without padding): {@code
 * $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>}. Each hash carries its own random salt and parameters, so
 * parameters can be raised later: after a successful {@link #verify}, call {@link #needsRehash} and store a fresh
 * {@link #hash} if it says so.
 *
 * <p>At most {@code maxConcurrent} derivations run at once (each holds {@code memoryKiB} of memory), so a burst of
 * logins cannot exhaust the heap; further callers wait.
 *
 * <p>Thread-safe. Passwords are taken as {@code char[]} so callers can wipe them; this class wipes its own copies.
 */
public final class PasswordHasher {
    private static final String PREFIX = "$argon2id$v=19$";
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** Upper bounds for parameters read from a stored hash, so a damaged record cannot exhaust the server. */
    static final int MAX_MEMORY_KIB = 1 << 20;

    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;

    /**
     * Argon2id cost parameters.
     *
     * @param memoryKiB memory per derivation in KiB (at least 8 x parallelism)
     * @param iterations passes over the memory
     * @param parallelism lanes (Bouncy Castle computes them one after another; the value is part of the hash)
     * @param saltLength random salt bytes per hash (16 to 64)
     * @param hashLength output bytes (16 to 64)
     */
    public record Parameters(int memoryKiB, int iterations, int parallelism, int saltLength, int hashLength) {
        /**
         * RFC 9106 section 4, second recommended option: 64 MiB, 3 passes, 4 lanes, 16-byte salt, 32-byte hash.
         * About 0.1 to 0.3 s per derivation on one core of a small server.
         */
        public static final Parameters DEFAULTS = new Parameters(65536, 3, 4, 16, 32);

        /** Cheap parameters for tests and the sandbox only: 1 MiB, 1 pass, 1 lane. */
        public static final Parameters TEST = new Parameters(1024, 1, 1, 16, 32);

        public Parameters {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("Argon2 parallelism must be 1.." + MAX_PARALLELISM);
            }
            if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException(
                        "Argon2 memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB");
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("Argon2 iterations must be 1.." + MAX_ITERATIONS);
            }
            if (saltLength < 16 || saltLength > 64) {
                throw new IllegalArgumentException("Argon2 salt length must be 16..64 bytes");
            }
            if (hashLength < 16 || hashLength > 64) {
                throw new IllegalArgumentException("Argon2 hash length must be 16..64 bytes");
            }
        }
    }

    private final Parameters parameters;
    private final SecureRandom random;
    private final Semaphore permits;
    private final byte[] dummySalt;

    /** {@link Parameters#DEFAULTS}, a new {@link SecureRandom}, one derivation per processor at a time. */
    public PasswordHasher() {
        this(Parameters.DEFAULTS, new SecureRandom());
    }

    /** The given parameters, one derivation per processor at a time. */
    public PasswordHasher(Parameters parameters, SecureRandom random) {
        this(parameters, random, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param maxConcurrent how many derivations may run at once (memory bound: maxConcurrent x memoryKiB)
     */
    public PasswordHasher(Parameters parameters, SecureRandom random, int maxConcurrent) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.permits = new Semaphore(maxConcurrent, true);
        this.dummySalt = new byte[parameters.saltLength()];
        random.nextBytes(dummySalt);
    }

    /** The parameters new hashes are made with. */
    public Parameters parameters() {
        return parameters;
    }

    /** A new encoded hash of {@code password} with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[parameters.saltLength()];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters);
        return PREFIX + "m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code encoded}. The comparison takes the same time wherever the first
     * difference lies.
     *
     * @throws IllegalArgumentException if {@code encoded} is not an Argon2id hash in the form above (a damaged
     *     record: the caller must refuse the login, not treat it as a wrong password)
     */
    public boolean verify(char[] password, String encoded) {
        Decoded decoded = decode(encoded);
        byte[] actual = derive(password, decoded.salt(), decoded.parameters());
        return MessageDigest.isEqual(actual, decoded.hash());
    }

    /**
     * Does the same work as {@link #verify} against a hash made with the current parameters, and returns {@code
     * false}. Call it when the account does not exist, so that the answer takes as long as for a wrong password.
     */
    public boolean verifyDummy(char[] password) {
        byte[] actual = derive(password, dummySalt, parameters);
        MessageDigest.isEqual(actual, new byte[actual.length]);
        return false;
    }

    /** Whether {@code encoded} was made with other parameters than the current ones (or cannot be read). */
    public boolean needsRehash(String encoded) {
        try {
            Decoded decoded = decode(encoded);
            return !decoded.parameters().equals(parameters);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private byte[] derive(char[] password, byte[] salt, Parameters p) {
        Objects.requireNonNull(password, "password");
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build();
        byte[] passwordBytes = utf8(password);
        byte[] out = new byte[p.hashLength()];
        permits.acquireUninterruptibly();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon);
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            permits.release();
            Arrays.fill(passwordBytes, (byte) 0);
            argon.clear();
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private record Decoded(Parameters parameters, byte[] salt, byte[] hash) {}

    private static Decoded decode(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            throw malformed();
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw malformed();
        }
        String[] costs = parts[0].split(",", -1);
        if (costs.length != 3
                || !costs[0].startsWith("m=")
                || !costs[1].startsWith("t=")
                || !costs[2].startsWith("p=")) {
            throw malformed();
        }
        try {
            int m = parseBounded(costs[0].substring(2), MAX_MEMORY_KIB);
            int t = parseBounded(costs[1].substring(2), MAX_ITERATIONS);
            int p = parseBounded(costs[2].substring(2), MAX_PARALLELISM);
            byte[] salt = B64_DECODER.decode(parts[1]);
            byte[] hash = B64_DECODER.decode(parts[2]);
            return new Decoded(new Parameters(m, t, p, salt.length, hash.length), salt, hash);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static int parseBounded(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException();
        }
        int value = Integer.parseInt(digits);
        if (value > max) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("The stored password hash is not an Argon2id (v=19) PHC string");
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + parameters + "]";
    }
}
