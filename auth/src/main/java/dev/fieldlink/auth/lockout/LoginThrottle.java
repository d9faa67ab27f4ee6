package dev.fieldlink.auth.lockout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses logins after too many failures: per account ({@link Limits#perAccount()} failures in {@link
 * Limits#window()}) and, separately and higher, per source address. A lock lifts by itself when enough failures
 * have left the sliding window; {@link #check} says when.
 *
 * <p>The account key is the username as typed (trimmed, lower case), whether or not such an account exists, so a
 * locked unknown name answers exactly like a locked real one. A success clears the account's failures but not the
 * address's (otherwise one valid account would let an address reset its counter between guesses on others). IPv6
 * sources count per /64, since one client usually holds a whole /64.
 *
 * <p>How the relay uses it: {@link #begin} an attempt; when it is refused, answer {@code account-locked} with the
 * retry-after without looking at the password; otherwise verify password (or {@code PasswordHasher.verifyDummy} for
 * an unknown name) and TOTP, then {@link Attempt#failed} or {@link Attempt#succeeded}, and close it. An admitted
 * attempt counts against both limits until it ends, so requests sent at the same time cannot together try more
 * than the limits allow.
 *
 * <p>Memory is bounded by {@link Limits#maximumKeys()} per kind. Thread-safe; time comes from the injected clock.
 */
public final class LoginThrottle {
    /**
     * @param perAccount failures per account within the window before it locks
     * @param perAddress failures per source address within the window before it locks
     * @param window the sliding window
     * @param maximumKeys bound on tracked accounts and, separately, addresses
     */
    public record Limits(int perAccount, int perAddress, Duration window, long maximumKeys) {
        /** 5 per account and 20 per address in 15 minutes; 200 000 keys each. */
        public static final Limits DEFAULTS = new Limits(5, 20, Duration.ofMinutes(15), 200_000);

        public Limits {
            if (perAccount < 1 || perAddress < 1) {
                throw new IllegalArgumentException("Login failure limits must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("The login failure window must be positive");
            }
            if (maximumKeys < 1) {
                throw new IllegalArgumentException("maximumKeys must be at least 1");
            }
        }
    }

    private static final int MAX_KEY_LENGTH = 256;

    /** Failure times in the window (oldest first) and the admitted attempts not yet ended. */
    private record Entry(long[] failures, int inProgress) {
        static final Entry EMPTY = new Entry(new long[0], 0);
    }

    /**
     * A login attempt: admitted (it counts against both limits until it ends) or refused ({@link #refused} says for
     * how long). End an admitted one with {@link #failed} or {@link #succeeded}; {@link #close} ends it without
     * counting it when neither was called (the attempt stopped for another reason). Not thread-safe.
     */
    public final class Attempt implements AutoCloseable {
        private final String account;
        private final String address;
        private final Duration refused;
        private boolean ended;

        private Attempt(String account, String address, Duration refused) {
            this.account = account;
            this.address = address;
            this.refused = refused;
            this.ended = refused != null;
        }

        /** How long until a login may be tried again, when this attempt was refused. */
        public Optional<Duration> refused() {
            return Optional.ofNullable(refused);
        }

        /** Counts a failed login (wrong password, wrong code, unknown account) against both keys. */
        public void failed() {
            if (end()) {
                long now = clock.millis();
                accounts.asMap().compute(account, (k, e) -> failure(e, now, limits.perAccount()));
                addresses.asMap().compute(address, (k, e) -> failure(e, now, limits.perAddress()));
            }
        }

        /** Clears the account's failures; the address's failures stay. */
        public void succeeded() {
            if (end()) {
                accounts.asMap().compute(account, (k, e) -> ended(e, true));
                addresses.asMap().computeIfPresent(address, (k, e) -> ended(e, false));
            }
        }

        /** Ends the attempt without counting it, unless it was already ended. */
        @Override
        public void close() {
            if (end()) {
                accounts.asMap().computeIfPresent(account, (k, e) -> ended(e, false));
                addresses.asMap().computeIfPresent(address, (k, e) -> ended(e, false));
            }
        }

        private boolean end() {
            boolean first = !ended;
            ended = true;
            return first;
        }
    }

    private final Clock clock;
    private final Limits limits;
    private final Cache<String, Entry> accounts;
    private final Cache<String, Entry> addresses;

    /** {@link Limits#DEFAULTS}. */
    public LoginThrottle(Clock clock) {
        this(clock, Limits.DEFAULTS);
    }

    public LoginThrottle(Clock clock, Limits limits) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.accounts = cache();
        this.addresses = cache();
    }

    private Cache<String, Entry> cache() {
        return Caffeine.newBuilder()
                .ticker(() -> Math.multiplyExact(clock.millis(), 1_000_000L))
                .executor(Runnable::run)
                .expireAfterWrite(limits.window())
                .maximumSize(limits.maximumKeys())
                .build();
    }

    /**
     * Admits a login attempt for {@code username} from {@code sourceAddress}, or refuses it when the failures in the
     * window plus the attempts in progress reach either limit. Use with try-with-resources.
     */
    public Attempt begin(String username, String sourceAddress) {
        String account = accountKey(username);
        String address = addressKey(sourceAddress);
        long now = clock.millis();
        long[] wait = new long[1];
        accounts.asMap().compute(account, (k, e) -> admit(e, limits.perAccount(), now, wait));
        if (wait[0] > 0) {
            return new Attempt(account, address, seconds(wait[0]));
        }
        addresses.asMap().compute(address, (k, e) -> admit(e, limits.perAddress(), now, wait));
        if (wait[0] > 0) {
            accounts.asMap().computeIfPresent(account, (k, e) -> ended(e, false));
            return new Attempt(account, address, seconds(wait[0]));
        }
        return new Attempt(account, address, null);
    }

    /**
     * How long until a login for {@code username} from {@code sourceAddress} may be tried again (whole seconds,
     * rounded up), or empty if it may be tried now. Only a look: {@link #begin} is what admits an attempt.
     */
    public Optional<Duration> check(String username, String sourceAddress) {
        long now = clock.millis();
        long wait = Math.max(
                waitMillis(accounts.getIfPresent(accountKey(username)), limits.perAccount(), now),
                waitMillis(addresses.getIfPresent(addressKey(sourceAddress)), limits.perAddress(), now));
        return wait <= 0 ? Optional.empty() : Optional.of(seconds(wait));
    }

    /** Counts a failed login that was not admitted with {@link #begin} (tests, offline tools). */
    public void recordFailure(String username, String sourceAddress) {
        long now = clock.millis();
        accounts.asMap().compute(accountKey(username), (k, e) -> failure(e, now, limits.perAccount()));
        addresses.asMap().compute(addressKey(sourceAddress), (k, e) -> failure(e, now, limits.perAddress()));
    }

    /** Clears the account's failures after a successful login that was not admitted with {@link #begin}. */
    public void recordSuccess(String username, String sourceAddress) {
        accounts.invalidate(accountKey(username));
    }

    private static Duration seconds(long millis) {
        return Duration.ofSeconds((millis + 999) / 1000);
    }

    private Entry admit(Entry e, int limit, long now, long[] wait) {
        Entry current = e == null ? Entry.EMPTY : e;
        long w = waitMillis(current, limit, now);
        if (w > 0) {
            wait[0] = w;
            return e;
        }
        return new Entry(live(current.failures(), now), current.inProgress() + 1);
    }

    private Entry failure(Entry e, long now, int limit) {
        Entry current = e == null ? Entry.EMPTY : e;
        return new Entry(append(current.failures(), now, limit), Math.max(0, current.inProgress() - 1));
    }

    /** The entry with one attempt fewer in progress; {@code clearFailures} after a success on the account. */
    private static Entry ended(Entry e, boolean clearFailures) {
        if (e == null) {
            return null;
        }
        int left = Math.max(0, e.inProgress() - 1);
        long[] failures = clearFailures ? new long[0] : e.failures();
        return failures.length == 0 && left == 0 ? null : new Entry(failures, left);
    }

    /** Failure times still in the window, plus {@code now}; only the latest {@code limit} are kept. */
    private long[] append(long[] times, long now, int limit) {
        long[] live = live(times, now);
        long[] next = Arrays.copyOf(live, live.length + 1);
        next[live.length] = now;
        return next.length > limit ? Arrays.copyOfRange(next, next.length - limit, next.length) : next;
    }

    /**
     * How long this key must wait: until the oldest of the latest {@code limit} failures leaves the window, or, when
     * attempts still in progress fill the rest of the limit, a second (they may yet succeed).
     */
    private long waitMillis(Entry e, int limit, long now) {
        if (e == null) {
            return 0;
        }
        long[] live = live(e.failures(), now);
        if (live.length >= limit) {
            return live[live.length - limit] + limits.window().toMillis() - now;
        }
        return live.length + e.inProgress() >= limit ? 1000 : 0;
    }

    private long[] live(long[] times, long now) {
        if (times == null) {
            return new long[0];
        }
        long cutoff = now - limits.window().toMillis();
        int first = 0;
        while (first < times.length && times[first] <= cutoff) {
            first++;
        }
        return first == 0 ? times : Arrays.copyOfRange(times, first, times.length);
    }

    static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** The address as given, except IPv6 literals, which count per /64 prefix. */
    static String addressKey(String sourceAddress) {
        String address = sourceAddress == null ? "" : sourceAddress.strip();
        if (address.length() > MAX_KEY_LENGTH) {
            address = address.substring(0, MAX_KEY_LENGTH);
        }
        if (isIpv6Literal(address)) {
            try {
                // A literal never causes a name lookup.
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    return "v6:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                return address;
            }
        }
        return address;
    }

    private static boolean isIpv6Literal(String address) {
        if (address.indexOf(':') < 0) {
            return false;
        }
        String body =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = body.indexOf('%');
        String check = zone >= 0 ? body.substring(0, zone) : body;
        return !check.isEmpty() && check.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
    }
}
