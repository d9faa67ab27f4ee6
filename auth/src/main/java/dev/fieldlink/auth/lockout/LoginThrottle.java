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
 * <p>How the relay uses it: {@code check} first and, if locked, answer {@code account-locked} with the retry-after
 * without looking at the password; otherwise verify password (or {@code PasswordHasher.verifyDummy} for an unknown
 * name) and TOTP, then {@code recordFailure} or {@code recordSuccess}.
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

    private final Clock clock;
    private final Limits limits;
    private final Cache<String, long[]> accounts;
    private final Cache<String, long[]> addresses;

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

    private Cache<String, long[]> cache() {
        return Caffeine.newBuilder()
                .ticker(() -> Math.multiplyExact(clock.millis(), 1_000_000L))
                .executor(Runnable::run)
                .expireAfterWrite(limits.window())
                .maximumSize(limits.maximumKeys())
                .build();
    }

    /**
     * How long until a login for {@code username} from {@code sourceAddress} may be tried again (whole seconds,
     * rounded up), or empty if it may be tried now.
     */
    public Optional<Duration> check(String username, String sourceAddress) {
        long now = clock.millis();
        long wait = Math.max(
                waitMillis(accounts.getIfPresent(accountKey(username)), limits.perAccount(), now),
                waitMillis(addresses.getIfPresent(addressKey(sourceAddress)), limits.perAddress(), now));
        if (wait <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds((wait + 999) / 1000));
    }

    /** Counts a failed login (wrong password, wrong code, unknown account) against both keys. */
    public void recordFailure(String username, String sourceAddress) {
        long now = clock.millis();
        accounts.asMap().compute(accountKey(username), (k, times) -> append(times, now, limits.perAccount()));
        addresses.asMap().compute(addressKey(sourceAddress), (k, times) -> append(times, now, limits.perAddress()));
    }

    /** Clears the account's failures after a successful login; the address's failures stay. */
    public void recordSuccess(String username, String sourceAddress) {
        accounts.invalidate(accountKey(username));
    }

    /** Failure times still in the window, plus {@code now}; only the latest {@code limit} are kept. */
    private long[] append(long[] times, long now, int limit) {
        long[] live = live(times, now);
        long[] next = Arrays.copyOf(live, live.length + 1);
        next[live.length] = now;
        return next.length > limit ? Arrays.copyOfRange(next, next.length - limit, next.length) : next;
    }

    private long waitMillis(long[] times, int limit, long now) {
        long[] live = live(times, now);
        if (live.length < limit) {
            return 0;
        }
        // Locked until the oldest of the latest `limit` failures leaves the window.
        return live[live.length - limit] + limits.window().toMillis() - now;
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
