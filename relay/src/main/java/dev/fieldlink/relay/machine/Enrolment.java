package dev.fieldlink.relay.machine;

import static dev.fieldlink.protocol.audit.AuditEventTypes.ACCESS_DENIED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.AGENT_ENROLLED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.MACHINE_PROVISIONED;

import dev.fieldlink.auth.lockout.LoginThrottle;
import dev.fieldlink.auth.refresh.RefreshTokenService;
import dev.fieldlink.protocol.api.EnrollRequest;
import dev.fieldlink.protocol.api.EnrollResponse;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.audit.AuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Provisioning codes and agent enrolment. A code is 100 random bits in five groups of Crockford Base32 (e.g. {@code
 * 7KQ2M-...}), valid once, for one machine, until it expires; only its hash is stored. Enrolment attempts are
 * rate-limited per machine and per source address; every attempt is audited. Thread-safe.
 */
public final class Enrolment {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final MachineRepository machines;
    private final EnrolmentCodeRepository codes;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration codeTtl;
    private final LoginThrottle throttle;
    private final Supplier<RelayEndpoints> endpoints;
    private final SecureRandom random = new SecureRandom();

    public Enrolment(
            MachineRepository machines,
            EnrolmentCodeRepository codes,
            AuditLog audit,
            Clock clock,
            Duration codeTtl,
            LoginThrottle throttle,
            Supplier<RelayEndpoints> endpoints) {
        this.machines = machines;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
        this.codeTtl = codeTtl;
        this.throttle = throttle;
        this.endpoints = endpoints;
    }

    /** A fresh code and when it stops working. The code is shown once and never stored in clear. */
    public record ProvisionedCode(String machineId, String code, Instant expiresAt) {
        @Override
        public String toString() {
            return "ProvisionedCode[machineId=" + machineId + ", code=***, expiresAt=" + expiresAt + "]";
        }
    }

    /** Creates a one-time code for a machine that exists. */
    public ProvisionedCode provision(String machineId, String actor) {
        machines.find(machineId)
                .orElseThrow(() -> new FieldlinkException(ProblemType.NOT_FOUND, "no machine " + machineId));
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(codeTtl);
        codes.insert(hash(code.toString()), machineId, now, expires);
        audit.record(MACHINE_PROVISIONED, actor, "machine:" + machineId, Map.of("expiresAt", expires.toString()));
        return new ProvisionedCode(machineId, code.toString(), expires);
    }

    /**
     * Registers an agent's key with a code.
     *
     * @throws FieldlinkException {@code enrolment-code-invalid} (unknown, used, expired or for another machine),
     *     {@code rate-limited}, {@code validation} for a malformed key
     */
    public EnrollResponse enroll(EnrollRequest req, String remoteAddress) {
        if (req == null || req.code() == null || req.machineId() == null) {
            throw new FieldlinkException(ProblemType.VALIDATION, "code, machineId and publicKey are required");
        }
        String machineId = req.machineId().strip();
        if (machineId.isEmpty() || machineId.length() > 64) {
            throw new FieldlinkException(ProblemType.VALIDATION, "machineId must be 1 to 64 characters");
        }
        AgentKeys.Parsed key;
        try (LoginThrottle.Attempt attempt = throttle.begin(machineId, remoteAddress)) {
            Optional<Duration> wait = attempt.refused();
            if (wait.isPresent()) {
                refused(machineId, remoteAddress, "rate limited");
                long seconds = Math.max(1, wait.get().toSeconds());
                throw new FieldlinkException(
                        ProblemType.RATE_LIMITED,
                        "too many enrolment attempts; try again in " + seconds + " seconds",
                        seconds,
                        null);
            }
            key = AgentKeys.parse(req.publicKey());
            String normalized = normalize(req.code());
            if (normalized == null || !codes.consume(hash(normalized), machineId, clock.instant())) {
                attempt.failed();
                refused(machineId, remoteAddress, "code unknown, used, expired or for another machine");
                throw new FieldlinkException(
                        ProblemType.ENROLMENT_CODE_INVALID, "the enrolment code is unknown, used or expired");
            }
            attempt.succeeded();
        }
        machines.setPublicKey(machineId, key.openSsh(), key.fingerprint());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("keyFingerprint", key.fingerprint());
        details.put("address", remoteAddress);
        audit.record(AGENT_ENROLLED, "agent:" + machineId, "machine:" + machineId, details);
        RelayEndpoints e = endpoints.get();
        return new EnrollResponse(machineId, e.sshHost(), e.sshPort(), e.hostKeyFingerprint());
    }

    /** Registers a key directly (administrators, the sandbox). */
    public AgentKeys.Parsed registerKey(String machineId, String openSshKey, String actor) {
        machines.find(machineId)
                .orElseThrow(() -> new FieldlinkException(ProblemType.NOT_FOUND, "no machine " + machineId));
        AgentKeys.Parsed key = AgentKeys.parse(openSshKey);
        machines.setPublicKey(machineId, key.openSsh(), key.fingerprint());
        audit.record(
                AGENT_ENROLLED,
                actor,
                "machine:" + machineId,
                Map.of("keyFingerprint", key.fingerprint(), "by", actor));
        return key;
    }

    private void refused(String machineId, String address, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", "ENROL");
        details.put("reason", reason);
        details.put("address", address);
        audit.record(ACCESS_DENIED, "anonymous", "machine:" + machineId, details);
    }

    private static String normalize(String code) {
        String c =
                code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        if (c.length() != 20) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < c.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(c.charAt(i));
        }
        return out.toString();
    }

    private static String hash(String code) {
        return RefreshTokenService.hash(code);
    }
}
