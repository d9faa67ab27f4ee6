package dev.fieldlink.relay.machine;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import java.security.PublicKey;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Agent public keys in OpenSSH one-line form ({@code ssh-ed25519 AAAA... comment}). */
public final class AgentKeys {
    /** Key types an agent may use. */
    public static final Set<String> ACCEPTED_TYPES =
            Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    private AgentKeys() {}

    /** A parsed and normalised key: the canonical one-line form (without comment) and its fingerprint. */
    public record Parsed(PublicKey key, String openSsh, String fingerprint) {}

    /**
     * Parses an OpenSSH public key line.
     *
     * @throws FieldlinkException ({@code validation}) naming what is wrong
     */
    public static Parsed parse(String line) {
        if (line == null || line.isBlank()) {
            throw invalid("publicKey is required");
        }
        if (line.length() > 2000) {
            throw invalid("publicKey is longer than 2000 characters");
        }
        String type = line.strip().split("\\s+", 2)[0];
        if (!ACCEPTED_TYPES.contains(type)) {
            throw invalid("publicKey must be one of " + ACCEPTED_TYPES + ", not '" + truncate(type) + "'");
        }
        try {
            PublicKeyEntry entry = PublicKeyEntry.parsePublicKeyEntry(line.strip());
            PublicKey key = entry.resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw invalid("publicKey cannot be decoded");
            }
            return of(key);
        } catch (FieldlinkException e) {
            throw e;
        } catch (Exception e) {
            throw invalid("publicKey is not a valid OpenSSH public key of type " + type);
        }
    }

    /** The canonical form and fingerprint of a key. */
    public static Parsed of(PublicKey key) {
        return new Parsed(key, PublicKeyEntry.toString(key), KeyUtils.getFingerPrint(key));
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static FieldlinkException invalid(String detail) {
        return new FieldlinkException(ProblemType.VALIDATION, detail);
    }
}
