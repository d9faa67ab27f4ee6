package dev.fieldlink.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's token signing keys: ES256 (ECDSA on P-256 with SHA-256) key pairs, a current one that signs and the
 * previous one that still verifies, each named by a {@code kid} (its RFC 7638 thumbprint).
 *
 * <p>{@link #rotate()} makes a new current key and keeps the old current one as previous; the key before that is
 * dropped, so tokens it signed stop verifying. Rotate no more often than the longest token lifetime (session
 * tickets live as long as their session).
 *
 * <p>Thread-safe: readers see a consistent pair; rotation saves to storage before it takes effect.
 */
public final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    /** The only algorithm this service signs and accepts. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    /** A key pair ready to sign or verify. */
    record Entry(ECKey key, JWSSigner signer, JWSVerifier verifier) {
        String kid() {
            return key.getKeyID();
        }
    }

    private record Snapshot(Entry current, Entry previous, Map<String, Entry> byKid) {}

    private final KeyStorage storage;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private SigningKeys(KeyStorage storage, Clock clock, Snapshot snapshot) {
        this.storage = storage;
        this.clock = clock;
        this.snapshot = snapshot;
    }

    /**
     * Loads the keys from {@code storage}, or generates a first key and saves it if the storage is empty.
     *
     * @throws IllegalStateException if the stored keys are not one or two ES256 key pairs with private parts
     */
    public static SigningKeys loadOrCreate(KeyStorage storage, Clock clock) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(clock, "clock");
        Optional<String> stored = storage.load();
        if (stored.isPresent()) {
            return new SigningKeys(storage, clock, parse(stored.get(), storage));
        }
        Entry first = entry(generate(clock));
        Snapshot snapshot = snapshot(first, null);
        storage.save(toPrivateJson(snapshot));
        LOG.info("Generated the first token signing key, kid {}", first.kid());
        return new SigningKeys(storage, clock, snapshot);
    }

    /** Makes a new current key; the current one becomes the previous one; the previous one is dropped. */
    public synchronized void rotate() {
        Snapshot old = snapshot;
        Snapshot next = snapshot(entry(generate(clock)), old.current());
        storage.save(toPrivateJson(next));
        snapshot = next;
        LOG.info(
                "Rotated the token signing key: current kid {}, previous kid {}, dropped {}",
                next.current().kid(),
                old.current().kid(),
                old.previous() == null ? "none" : old.previous().kid());
    }

    /** Re-reads the storage, e.g. after {@code fieldlink-relay admin keys rotate} ran in another process. */
    public synchronized void reload() {
        Optional<String> stored = storage.load();
        if (stored.isEmpty()) {
            throw new IllegalStateException("The signing key storage " + storage + " is empty");
        }
        snapshot = parse(stored.get(), storage);
    }

    /** The {@code kid} of the key that signs. */
    public String currentKid() {
        return snapshot.current().kid();
    }

    /** The {@code kid} of the key that still verifies, if there is one. */
    public Optional<String> previousKid() {
        Entry previous = snapshot.previous();
        return previous == null ? Optional.empty() : Optional.of(previous.kid());
    }

    /** When the current key was made (for a rotation schedule), or the epoch if unknown. */
    public Instant currentCreatedAt() {
        Date issued = snapshot.current().key().getIssueTime();
        return issued == null ? Instant.EPOCH : issued.toInstant();
    }

    /** The public keys as a JWK set ({@code GET /.well-known/jwks.json}): current first, private parts never. */
    public String jwksJson() {
        Snapshot s = snapshot;
        List<JWK> keys = new ArrayList<>();
        keys.add(s.current().key().toPublicJWK());
        if (s.previous() != null) {
            keys.add(s.previous().key().toPublicJWK());
        }
        return new JWKSet(keys).toString(true);
    }

    /** The current key, for signing. */
    Entry current() {
        return snapshot.current();
    }

    /** The key named {@code kid}, if this service holds it. */
    Optional<Entry> byKid(String kid) {
        return Optional.ofNullable(snapshot.byKid().get(kid));
    }

    private static ECKey generate(Clock clock) {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(ALGORITHM)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a P-256 key pair", e);
        }
    }

    private static Entry entry(ECKey key) {
        try {
            return new Entry(key, new ECDSASigner(key), new ECDSAVerifier(key.toPublicJWK()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Unusable signing key " + key.getKeyID(), e);
        }
    }

    private static Snapshot snapshot(Entry current, Entry previous) {
        Map<String, Entry> byKid = previous == null
                ? Map.of(current.kid(), current)
                : Map.of(current.kid(), current, previous.kid(), previous);
        return new Snapshot(current, previous, byKid);
    }

    private static String toPrivateJson(Snapshot s) {
        List<JWK> keys = new ArrayList<>();
        keys.add(s.current().key());
        if (s.previous() != null) {
            keys.add(s.previous().key());
        }
        return new JWKSet(keys).toString(false);
    }

    private static Snapshot parse(String json, KeyStorage storage) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing keys in " + storage + " are not a JWK set");
        }
        List<JWK> keys = set.getKeys();
        if (keys.isEmpty() || keys.size() > 2) {
            throw new IllegalStateException(
                    "The signing keys in " + storage + " must hold one or two keys, not " + keys.size());
        }
        List<Entry> entries = new ArrayList<>();
        for (JWK jwk : keys) {
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate()) {
                throw new IllegalStateException(
                        "The signing keys in " + storage + " must be P-256 EC key pairs with private parts");
            }
            if (ec.getKeyID() == null || ec.getKeyID().isBlank()) {
                throw new IllegalStateException("A signing key in " + storage + " has no kid");
            }
            entries.add(entry(ec));
        }
        if (entries.size() == 2 && entries.get(0).kid().equals(entries.get(1).kid())) {
            throw new IllegalStateException("The two signing keys in " + storage + " have the same kid");
        }
        return snapshot(entries.get(0), entries.size() == 2 ? entries.get(1) : null);
    }

    @Override
    public String toString() {
        return "SigningKeys[current=" + currentKid() + ", previous="
                + previousKid().orElse("none") + "]";
    }
}
