package dev.fieldlink.relay.admin;

import static dev.fieldlink.protocol.audit.AuditEventTypes.KEYS_ROTATED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.MACHINE_ADDED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.TOTP_RESET;
import static dev.fieldlink.protocol.audit.AuditEventTypes.UNDERTAKING_SIGNED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.USER_ADDED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.USER_DISABLED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.USER_UPDATED;

import dev.fieldlink.auth.SecretCipher;
import dev.fieldlink.auth.jwt.SigningKeys;
import dev.fieldlink.auth.password.PasswordHasher;
import dev.fieldlink.auth.password.PasswordRules;
import dev.fieldlink.auth.refresh.RefreshTokenService;
import dev.fieldlink.auth.totp.Totp;
import dev.fieldlink.policy.AccountState;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.api.AuditVerifyResponse;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.account.PhotoNormalizer;
import dev.fieldlink.relay.audit.AuditExporter;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.audit.AuditVerifier;
import dev.fieldlink.relay.db.DataAccessException;
import dev.fieldlink.relay.machine.AgentKeys;
import dev.fieldlink.relay.machine.Enrolment;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.session.SessionBroker;
import dev.fieldlink.relay.session.SessionRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything an administrator does, for the admin CLI and the sandbox. Each change is audited in the relay's stream
 * with this admin's actor. Changes that affect entitlement (disable, regions, certifications, roles) re-check the
 * person's live sessions at once when a broker runs in this process; a relay in another process notices within
 * {@code sessions.recheckInterval}. Thread-safe.
 */
public final class RelayAdmin {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern MACHINE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final AccountRepository accounts;
    private final MachineRepository machines;
    private final PasswordHasher hasher;
    private final PasswordRules rules;
    private final SecretCipher cipher;
    private final Totp totp;
    private final RefreshTokenService refreshTokens;
    private final SigningKeys signingKeys;
    private final EntitlementPolicy policy;
    private final Enrolment enrolment;
    private final AuditLog audit;
    private final AuditVerifier verifier;
    private final AuditExporter exporter;
    private final PhotoNormalizer photos = new PhotoNormalizer();
    private final SessionBroker broker;
    private final Clock clock;
    private final String actor;
    private final String issuerName;
    private final SecureRandom random = new SecureRandom();

    /** Collaborators of {@link RelayAdmin}; {@code broker} is null when no relay runs in this process. */
    public record Parts(
            AccountRepository accounts,
            MachineRepository machines,
            PasswordHasher hasher,
            PasswordRules rules,
            SecretCipher cipher,
            RefreshTokenService refreshTokens,
            SigningKeys signingKeys,
            EntitlementPolicy policy,
            Enrolment enrolment,
            AuditLog audit,
            AuditVerifier verifier,
            AuditExporter exporter,
            SessionBroker broker,
            Clock clock,
            String issuerName) {}

    /**
     * @param actor who acts, as audit events name them: {@code admin:<name>}
     */
    public RelayAdmin(Parts p, String actor) {
        this.accounts = p.accounts();
        this.machines = p.machines();
        this.hasher = p.hasher();
        this.rules = p.rules();
        this.cipher = p.cipher();
        this.totp = new Totp();
        this.refreshTokens = p.refreshTokens();
        this.signingKeys = p.signingKeys();
        this.policy = p.policy();
        this.enrolment = p.enrolment();
        this.audit = p.audit();
        this.verifier = p.verifier();
        this.exporter = p.exporter();
        this.broker = p.broker();
        this.clock = p.clock();
        this.actor = actor;
        this.issuerName = p.issuerName();
    }

    /** The same administration acting as someone else. */
    public RelayAdmin as(String otherActor) {
        return new RelayAdmin(
                new Parts(
                        accounts,
                        machines,
                        hasher,
                        rules,
                        cipher,
                        refreshTokens,
                        signingKeys,
                        policy,
                        enrolment,
                        audit,
                        verifier,
                        exporter,
                        broker,
                        clock,
                        issuerName),
                otherActor);
    }

    // ---- accounts -----------------------------------------------------------------------------------------

    /**
     * Creates a personal account.
     *
     * @throws FieldlinkException {@code validation} naming the field, or when the username is taken
     */
    public CreatedUser addUser(NewUser u) {
        String username = username(u.username());
        String displayName = text(u.displayName(), "displayName", 200);
        String company = text(u.company(), "company", 200);
        if (u.password() == null) {
            throw invalid("password is required");
        }
        rules.check(u.password().toCharArray(), username);
        checkEntitlements(u.regions(), u.certifications());
        String secret = u.totpSecret() == null ? Totp.newSecret(random) : checkSecret(u.totpSecret());
        String id = newId();
        Instant now = clock.instant();
        byte[] photo = u.photo() == null ? null : photos.normalize(u.photo());
        Account a = new Account(
                id,
                username,
                displayName,
                company,
                u.roles(),
                AccountState.ACTIVE,
                u.undertakingSignedOn(),
                u.regions(),
                u.certifications(),
                photo != null,
                now);
        try {
            accounts.insert(a, hasher.hash(u.password().toCharArray()), cipher.encryptToBase64(secret, id), photo, now);
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw invalid("username " + username + " is taken");
            }
            throw e;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("roles", String.valueOf(a.roles()));
        details.put("regions", String.valueOf(a.regions()));
        details.put("certifications", String.valueOf(a.certifications()));
        audit.record(USER_ADDED, actor, "user:" + id, details);
        return new CreatedUser(id, username, secret, totp.otpauthUri(issuerName, username, secret));
    }

    /** Changes profile, roles, regions, certifications or password. */
    public Account updateUser(String username, UserUpdate change) {
        Account a = user(username);
        if (change.regions() != null || change.certifications() != null) {
            checkEntitlements(
                    change.regions() != null ? change.regions() : a.regions(),
                    change.certifications() != null ? change.certifications() : a.certifications());
        }
        Account next = new Account(
                a.id(),
                a.username(),
                change.displayName() != null ? text(change.displayName(), "displayName", 200) : a.displayName(),
                change.company() != null ? text(change.company(), "company", 200) : a.company(),
                change.roles() != null ? change.roles() : a.roles(),
                a.state(),
                a.undertakingSignedOn(),
                change.regions() != null ? change.regions() : a.regions(),
                change.certifications() != null ? change.certifications() : a.certifications(),
                a.hasPhoto(),
                a.createdAt());
        Instant now = clock.instant();
        accounts.update(next, now);
        if (change.password() != null) {
            rules.check(change.password().toCharArray(), a.username());
            accounts.updatePasswordHash(a.id(), hasher.hash(change.password().toCharArray()), now);
            refreshTokens.revokeAll(a.id());
        }
        audit.record(USER_UPDATED, actor, "user:" + a.id(), Map.of("change", change.toString()));
        recheck(a.id());
        return next;
    }

    /** Disables an account: sign-in, refresh and API calls stop working, live sessions end at once. */
    public Account disableUser(String username) {
        Account a = user(username);
        Account next = withState(a, AccountState.DISABLED);
        accounts.update(next, clock.instant());
        refreshTokens.revokeAll(a.id());
        audit.record(USER_DISABLED, actor, "user:" + a.id(), Map.of("username", a.username()));
        recheck(a.id());
        return next;
    }

    /** Enables a disabled account again. */
    public Account enableUser(String username) {
        Account a = user(username);
        Account next = withState(a, AccountState.ACTIVE);
        accounts.update(next, clock.instant());
        audit.record(USER_UPDATED, actor, "user:" + a.id(), Map.of("state", "ACTIVE"));
        return next;
    }

    /** Gives the account a new TOTP secret; the old one stops working. */
    public CreatedUser resetTotp(String username) {
        Account a = user(username);
        String secret = Totp.newSecret(random);
        accounts.updateTotpSecret(a.id(), cipher.encryptToBase64(secret, a.id()), clock.instant());
        refreshTokens.revokeAll(a.id());
        audit.record(TOTP_RESET, actor, "user:" + a.id());
        return new CreatedUser(a.id(), a.username(), secret, totp.otpauthUri(issuerName, a.username(), secret));
    }

    /** Records that the person signed the security and privacy undertaking on {@code signedOn}. */
    public Account signUndertaking(String username, LocalDate signedOn) {
        Account a = user(username);
        Account next = new Account(
                a.id(),
                a.username(),
                a.displayName(),
                a.company(),
                a.roles(),
                a.state(),
                signedOn,
                a.regions(),
                a.certifications(),
                a.hasPhoto(),
                a.createdAt());
        accounts.update(next, clock.instant());
        audit.record(UNDERTAKING_SIGNED, actor, "user:" + a.id(), Map.of("signedOn", signedOn.toString()));
        recheck(a.id());
        return next;
    }

    /** Stores a photo (PNG or JPEG up to 256 KiB; re-encoded, scaled to at most 256x256). */
    public void setPhoto(String username, byte[] image) {
        Account a = user(username);
        byte[] png = photos.normalize(image);
        accounts.setPhoto(a.id(), png, clock.instant());
        audit.record(USER_UPDATED, actor, "user:" + a.id(), Map.of("photo", png.length + " bytes PNG"));
    }

    /** The account with this username. */
    public Account user(String username) {
        return accounts.findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new FieldlinkException(ProblemType.NOT_FOUND, "no user " + username));
    }

    public List<Account> listUsers() {
        return accounts.list();
    }

    // ---- machines -----------------------------------------------------------------------------------------

    /** Registers a machine. */
    public MachineRecord addMachine(NewMachine m) {
        String id = m.id() == null ? "" : m.id().strip();
        if (!MACHINE_ID.matcher(id).matches()) {
            throw invalid("machine id must be lower-case letters, digits and '-' (1 to 63), not '" + id + "'");
        }
        if (!policy.regions().contains(m.region())) {
            throw invalid("region " + m.region() + " is not defined by the policy");
        }
        if (policy.productLine(m.productLine()).isEmpty()) {
            throw invalid("product line " + m.productLine() + " is not defined by the policy");
        }
        if (m.maxSessionMinutes() < 1 || m.maxSessionMinutes() > 1440) {
            throw invalid("maxSessionMinutes must be between 1 and 1440");
        }
        MachineRecord r = new MachineRecord(
                id,
                text(m.serial(), "serial", 100),
                text(m.name(), "name", 200),
                text(m.customer(), "customer", 200),
                text(m.site(), "site", 200),
                m.region(),
                m.productLine(),
                text(m.model(), "model", 100),
                m.switches() == null ? CustomerSwitches.ALL_OFF : m.switches(),
                m.maxSessionMinutes(),
                null,
                null,
                null,
                clock.instant());
        try {
            machines.insert(r);
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw invalid("machine " + id + " exists already");
            }
            throw e;
        }
        audit.record(
                MACHINE_ADDED,
                actor,
                "machine:" + id,
                Map.of("region", r.region(), "productLine", r.productLine(), "customer", r.customer()));
        return r;
    }

    /** A one-time enrolment code for the machine's agent (valid {@code enrolment.codeTtl}). */
    public Enrolment.ProvisionedCode provisionMachine(String machineId) {
        return enrolment.provision(machineId, actor);
    }

    /** Registers an agent's public key directly, without a code (sandbox, key replacement). */
    public AgentKeys.Parsed registerAgentKey(String machineId, String openSshPublicKey) {
        return enrolment.registerKey(machineId, openSshPublicKey, actor);
    }

    public List<MachineRecord> listMachines() {
        return machines.list();
    }

    public MachineRecord machine(String id) {
        return machines.find(id).orElseThrow(() -> new FieldlinkException(ProblemType.NOT_FOUND, "no machine " + id));
    }

    // ---- keys, sessions, audit ----------------------------------------------------------------------------

    /** Rotates the JWT signing keys: a new key signs, the previous one still verifies. */
    public void rotateSigningKeys() {
        signingKeys.rotate();
        audit.record(KEYS_ROTATED, actor, "relay", Map.of("kid", signingKeys.currentKid()));
    }

    /** Ends a live session; empty if it is not live (or no broker runs in this process). */
    public Optional<SessionRecord> endSession(String sessionId) {
        return broker == null ? Optional.empty() : broker.endByAdmin(sessionId, actor, "ended by an administrator");
    }

    public AuditVerifyResponse verifyAudit() {
        return verifier.verifyAll();
    }

    /** Writes the audit log; returns the number of events written. */
    public long exportAudit(OutputStream out, AuditExporter.Format format) throws IOException {
        return exporter.export(out, format, null);
    }

    /** Writes the audit log as characters; returns the number of events written. */
    public long exportAudit(java.io.Writer out, AuditExporter.Format format) throws IOException {
        return exporter.export(out, format, null);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void recheck(String accountId) {
        if (broker != null) {
            broker.recheck(accountId);
        }
    }

    private void checkEntitlements(java.util.Set<String> regions, Map<String, LocalDate> certs) {
        for (String r : regions) {
            if (!policy.regions().contains(r)) {
                throw invalid("region " + r + " is not defined by the policy");
            }
        }
        for (String line : certs.keySet()) {
            if (policy.productLine(line).isEmpty()) {
                throw invalid("product line " + line + " is not defined by the policy");
            }
        }
        certs.values().forEach(d -> {
            if (d == null) {
                throw invalid("every certification needs an expiry date");
            }
        });
    }

    private static Account withState(Account a, AccountState s) {
        return new Account(
                a.id(),
                a.username(),
                a.displayName(),
                a.company(),
                a.roles(),
                s,
                a.undertakingSignedOn(),
                a.regions(),
                a.certifications(),
                a.hasPhoto(),
                a.createdAt());
    }

    private String newId() {
        StringBuilder sb = new StringBuilder("u-");
        for (int i = 0; i < 10; i++) {
            sb.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static String username(String u) {
        String v = u == null ? "" : u.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(v).matches()) {
            throw invalid("username must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit");
        }
        return v;
    }

    private String checkSecret(String secret) {
        try {
            totp.codeAt(secret, clock.instant());
            return secret.replace(" ", "").toUpperCase(Locale.ROOT);
        } catch (RuntimeException e) {
            throw invalid("totpSecret is not a Base32 secret");
        }
    }

    private static String text(String v, String field, int max) {
        if (v == null || v.isBlank()) {
            throw invalid(field + " is required");
        }
        String s = v.strip();
        if (s.length() > max) {
            throw invalid(field + " is longer than " + max + " characters");
        }
        return s;
    }

    private static FieldlinkException invalid(String detail) {
        return new FieldlinkException(ProblemType.VALIDATION, detail);
    }
}
