package dev.fieldlink.relay;

import dev.fieldlink.auth.PrivateFiles;
import dev.fieldlink.auth.SecretCipher;
import dev.fieldlink.auth.jwt.FileKeyStorage;
import dev.fieldlink.auth.jwt.RevokedTokens;
import dev.fieldlink.auth.jwt.SigningKeys;
import dev.fieldlink.auth.jwt.TokenIssuer;
import dev.fieldlink.auth.jwt.TokenVerifier;
import dev.fieldlink.auth.lockout.LoginThrottle;
import dev.fieldlink.auth.password.PasswordHasher;
import dev.fieldlink.auth.password.PasswordRules;
import dev.fieldlink.auth.refresh.RefreshTokenService;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.policy.file.PolicyFile;
import dev.fieldlink.policy.file.PolicyFileException;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.account.JdbcRefreshTokenStore;
import dev.fieldlink.relay.admin.RelayAdmin;
import dev.fieldlink.relay.audit.AgentAuditIngest;
import dev.fieldlink.relay.audit.AuditExporter;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.audit.AuditRepository;
import dev.fieldlink.relay.audit.AuditVerifier;
import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.relay.db.Database;
import dev.fieldlink.relay.machine.Enrolment;
import dev.fieldlink.relay.machine.EnrolmentCodeRepository;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.machine.RelayEndpoints;
import dev.fieldlink.relay.recording.RecordingRepository;
import dev.fieldlink.relay.session.SessionBroker;
import dev.fieldlink.relay.session.SessionRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The relay without its network endpoints: database, keys, policy, repositories and services. The admin CLI works
 * on this alone; {@link Relay#start} adds the HTTPS API and the SSH endpoint. Close it once.
 */
public final class RelayCore implements AutoCloseable {
    final RelaySettings settings;
    final Clock clock;
    final Database database;
    final EntitlementPolicy policy;
    final SecretCipher cipher;
    final SigningKeys signingKeys;
    final AccountRepository accounts;
    final MachineRepository machines;
    final EnrolmentCodeRepository codes;
    final SessionRepository sessions;
    final AuditRepository auditEvents;
    final RecordingRepository recordings;
    final AuditLog audit;
    final AuditVerifier verifier;
    final AuditExporter exporter;
    final AgentAuditIngest ingest;
    final PasswordHasher hasher;
    final PasswordRules rules;
    final RefreshTokenService refreshTokens;
    final JdbcRefreshTokenStore refreshStore;
    final RevokedTokens revoked;
    final TokenIssuer issuer;
    final TokenVerifier tokenVerifier;
    final Enrolment enrolment;
    final AtomicReference<RelayEndpoints> endpoints = new AtomicReference<>();

    private RelayCore(RelaySettings s, Clock clock, String schema) {
        this.settings = s;
        this.clock = clock;
        try {
            if (!Files.isDirectory(s.dataDir())) {
                if (s.dataDir().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(
                            s.dataDir(),
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(s.dataDir());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + s.dataDir(), e);
        }
        this.policy = loadPolicy(s.policyFile());
        this.cipher = loadCipher(s.auth());
        this.signingKeys = SigningKeys.loadOrCreate(new FileKeyStorage(s.auth().signingKeyFile()), clock);
        this.database = Database.open(s.db(), schema);
        var jdbc = database.jdbc();
        this.accounts = new AccountRepository(jdbc);
        this.machines = new MachineRepository(jdbc);
        this.codes = new EnrolmentCodeRepository(jdbc);
        this.sessions = new SessionRepository(jdbc);
        this.auditEvents = new AuditRepository(jdbc);
        this.recordings = new RecordingRepository(jdbc);
        this.audit = new AuditLog(auditEvents, clock);
        this.verifier = new AuditVerifier(auditEvents);
        this.exporter = new AuditExporter(auditEvents);
        this.ingest = new AgentAuditIngest(auditEvents, clock);
        this.hasher = new PasswordHasher(s.auth().passwordHashing().parameters(), new SecureRandom());
        this.rules = new PasswordRules();
        this.refreshStore = new JdbcRefreshTokenStore(jdbc);
        this.refreshTokens =
                new RefreshTokenService(refreshStore, clock, s.auth().refreshTokenTtl());
        this.revoked = new RevokedTokens(clock);
        this.issuer =
                new TokenIssuer(signingKeys, s.auth().issuer(), clock, s.auth().accessTokenTtl());
        this.tokenVerifier =
                new TokenVerifier(signingKeys, s.auth().issuer(), clock, TokenVerifier.DEFAULT_SKEW, revoked);
        LoginThrottle enrolThrottle = new LoginThrottle(
                clock,
                new LoginThrottle.Limits(
                        5, s.enrolment().attemptsPerAddress(), s.enrolment().attemptWindow(), 100_000));
        this.enrolment =
                new Enrolment(machines, codes, audit, clock, s.enrolment().codeTtl(), enrolThrottle, () -> {
                    RelayEndpoints e = endpoints.get();
                    if (e == null) {
                        throw new IllegalStateException("the SSH endpoint is not running in this process");
                    }
                    return e;
                });
    }

    /**
     * Opens the database (migrating it), loads or creates keys, reads the policy.
     *
     * @throws IllegalStateException or {@link java.io.UncheckedIOException} naming what could not be opened
     */
    public static RelayCore open(RelaySettings settings, Clock clock) {
        return new RelayCore(settings, clock, null);
    }

    /** As {@link #open(RelaySettings, Clock)}, in a database schema of its own (tests on a shared PostgreSQL). */
    public static RelayCore open(RelaySettings settings, Clock clock, String schema) {
        return new RelayCore(settings, clock, schema);
    }

    /** Administration acting as {@code actor}; {@code broker} null when no relay runs in this process. */
    public RelayAdmin admin(String actor, SessionBroker broker) {
        return new RelayAdmin(
                new RelayAdmin.Parts(
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
                        "Fieldlink"),
                actor);
    }

    /** Administration without a running relay (the admin CLI). */
    public RelayAdmin admin(String actor) {
        return admin(actor, null);
    }

    public RelaySettings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public EntitlementPolicy policy() {
        return policy;
    }

    /** The recording segments of a session (for tests and tools). */
    public java.util.List<dev.fieldlink.relay.recording.RecordingInfo> recordingsOf(String sessionId) {
        return recordings.forSession(sessionId);
    }

    /** Audit events of a type across all streams (for tests and tools). */
    public java.util.List<dev.fieldlink.protocol.audit.AuditEvent> auditEventsOfType(String type) {
        return auditEvents.ofType(type);
    }

    @Override
    public void close() {
        database.close();
    }

    private static EntitlementPolicy loadPolicy(Path file) {
        if (file == null) {
            return PolicyFile.defaults();
        }
        try {
            return PolicyFile.load(file);
        } catch (PolicyFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static SecretCipher loadCipher(RelaySettings.Auth auth) {
        if (auth.totpKey() != null) {
            return SecretCipher.fromBase64(auth.totpKey().reveal());
        }
        Path file = auth.totpKeyFile();
        if (!Files.exists(file)) {
            String key = SecretCipher.newKeyBase64(new SecureRandom());
            PrivateFiles.writeAtomically(file, (key + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return SecretCipher.fromKeyFile(file);
    }
}
