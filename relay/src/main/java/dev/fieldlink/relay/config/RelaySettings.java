package dev.fieldlink.relay.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Every setting of the relay, typed and complete: {@link Builder#build()} fills each value not given with its
 * default, and this is the one place where defaults live. Paths that default into the data directory are resolved
 * against it. Immutable and thread-safe.
 *
 * @param dataDir where the relay keeps its database (embedded H2), keys, certificate and recordings
 * @param policyFile the region policy file, or null for the bundled default policy
 */
public record RelaySettings(
        Path dataDir,
        Http http,
        Ssh ssh,
        Db db,
        Sessions sessions,
        Auth auth,
        Recordings recordings,
        Enrolment enrolment,
        Path policyFile) {

    public RelaySettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(recordings, "recordings");
        Objects.requireNonNull(enrolment, "enrolment");
    }

    /**
     * The HTTPS API.
     *
     * @param port 0 picks a free port
     * @param maxBodySize the largest request body accepted
     * @param tlsCertificate PEM certificate chain
     * @param tlsPrivateKey PEM PKCS#8 private key (mode 0600)
     * @param generateTls when true and the files are missing, a self-signed certificate is generated into them
     * @param metricsToken the bearer token a Prometheus scraper sends for {@code GET /metrics}; null: metrics are off
     */
    public record Http(
            String host,
            int port,
            DataSize maxBodySize,
            Path tlsCertificate,
            Path tlsPrivateKey,
            boolean generateTls,
            Secret metricsToken) {}

    /**
     * The SSH endpoint.
     *
     * @param port 0 picks a free port
     * @param advertisedHost the host name agents and viewers are told to connect to
     * @param advertisedPort the port agents and viewers are told to connect to (a load balancer's, such as 22); 0 for
     *     the port the relay listens on
     * @param hostKey OpenSSH private key file of the ed25519 host key, generated if missing
     * @param windowSize the SSH channel window the relay grants its peers
     */
    public record Ssh(
            String host,
            int port,
            String advertisedHost,
            int advertisedPort,
            Path hostKey,
            Duration authTimeout,
            Duration idleTimeout,
            DataSize windowSize) {}

    /**
     * The database.
     *
     * @param password null when the database needs none
     */
    public record Db(String url, String user, Secret password, int poolSize) {}

    /**
     * The session broker.
     *
     * @param consentTimeout how long the operator has to answer a request
     * @param maxMinutes the most minutes a technician may request at once
     * @param remainingInterval how often the event stream reports the remaining time
     * @param recheckInterval how often live sessions are checked against account and policy changes made by other
     *     processes (changes through this relay act at once)
     * @param tick how often deadlines are compared with the clock; bounds how late an expiry closes channels
     */
    public record Sessions(
            Duration consentTimeout,
            int maxMinutes,
            Duration remainingInterval,
            Duration recheckInterval,
            Duration tick) {}

    /**
     * Identity.
     *
     * @param totpKey the key that encrypts TOTP secrets at rest, or null to read (or create) {@code totpKeyFile}
     * @param signingKeyFile the JWT signing keys (private JWK set, mode 0600)
     */
    public record Auth(
            String issuer,
            Duration accessTokenTtl,
            Duration refreshTokenTtl,
            Secret totpKey,
            Path totpKeyFile,
            Path signingKeyFile,
            PasswordHashing passwordHashing) {}

    /**
     * Screen recordings.
     *
     * @param retention recordings older than this are deleted; zero keeps them forever
     */
    public record Recordings(Path directory, Duration retention) {}

    /**
     * Agent enrolment.
     *
     * @param codeTtl how long a provisioning code stays valid
     * @param attemptsPerAddress enrolment attempts allowed per source address within {@code attemptWindow}
     */
    public record Enrolment(Duration codeTtl, int attemptsPerAddress, Duration attemptWindow) {}

    /** A builder with every value unset (so defaulted). */
    public static Builder builder() {
        return new Builder();
    }

    /** All defaults, data in {@code ./relay-data}: what {@code serve} runs with when there is no config at all. */
    public static RelaySettings defaults() {
        return builder().build();
    }

    /**
     * For embedding (the sandbox, tests): loopback, free ports, an in-memory H2 database, cheap password hashing,
     * an in-memory TOTP key, and everything else (keys, certificate, recordings) under {@code dataDir}, which the
     * caller throws away.
     */
    public static Builder ephemeral(Path dataDir) {
        return builder()
                .dataDir(dataDir)
                .httpHost("127.0.0.1")
                .httpPort(0)
                .sshHost("127.0.0.1")
                .sshPort(0)
                .dbUrl("jdbc:h2:mem:relay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .passwordHashing(PasswordHashing.TEST)
                .totpKey(new Secret(dev.fieldlink.auth.SecretCipher.newKeyBase64(new java.security.SecureRandom())));
    }

    /** Collects settings; unset values take their defaults in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private Path dataDir;
        private String httpHost;
        private Integer httpPort;
        private DataSize maxBodySize;
        private Path tlsCertificate;
        private Path tlsPrivateKey;
        private String sshHost;
        private Integer sshPort;
        private String sshAdvertisedHost;
        private Integer sshAdvertisedPort;
        private Path sshHostKey;
        private Duration sshAuthTimeout;
        private Duration sshIdleTimeout;
        private DataSize sshWindowSize;
        private String dbUrl;
        private String dbUser;
        private Secret dbPassword;
        private Secret metricsToken;
        private Integer dbPoolSize;
        private Duration consentTimeout;
        private Integer maxSessionMinutes;
        private Duration remainingInterval;
        private Duration recheckInterval;
        private Duration tick;
        private String issuer;
        private Duration accessTokenTtl;
        private Duration refreshTokenTtl;
        private Secret totpKey;
        private Path totpKeyFile;
        private Path signingKeyFile;
        private PasswordHashing passwordHashing;
        private Path recordingsDir;
        private Duration recordingRetention;
        private Duration enrolmentCodeTtl;
        private Integer enrolmentAttempts;
        private Duration enrolmentWindow;
        private Path policyFile;

        private Builder() {}

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder httpHost(String v) {
            httpHost = v;
            return this;
        }

        public Builder httpPort(int v) {
            httpPort = v;
            return this;
        }

        public Builder maxBodySize(DataSize v) {
            maxBodySize = v;
            return this;
        }

        /** Use this certificate and key (PEM) instead of a generated self-signed pair. */
        public Builder tls(Path certificate, Path privateKey) {
            tlsCertificate = certificate;
            tlsPrivateKey = privateKey;
            return this;
        }

        public Builder tlsCertificate(Path v) {
            tlsCertificate = v;
            return this;
        }

        public Builder tlsPrivateKey(Path v) {
            tlsPrivateKey = v;
            return this;
        }

        public Builder sshHost(String v) {
            sshHost = v;
            return this;
        }

        public Builder sshPort(int v) {
            sshPort = v;
            return this;
        }

        public Builder sshAdvertisedHost(String v) {
            sshAdvertisedHost = v;
            return this;
        }

        public Builder sshAdvertisedPort(int v) {
            sshAdvertisedPort = v;
            return this;
        }

        public Builder sshHostKey(Path v) {
            sshHostKey = v;
            return this;
        }

        public Builder sshAuthTimeout(Duration v) {
            sshAuthTimeout = v;
            return this;
        }

        public Builder sshIdleTimeout(Duration v) {
            sshIdleTimeout = v;
            return this;
        }

        public Builder sshWindowSize(DataSize v) {
            sshWindowSize = v;
            return this;
        }

        public Builder dbUrl(String v) {
            dbUrl = v;
            return this;
        }

        public Builder dbUser(String v) {
            dbUser = v;
            return this;
        }

        /** The bearer token {@code GET /metrics} requires; without one, metrics are not served. */
        public Builder metricsToken(Secret v) {
            metricsToken = v;
            return this;
        }

        public Builder dbPassword(Secret v) {
            dbPassword = v;
            return this;
        }

        public Builder dbPoolSize(int v) {
            dbPoolSize = v;
            return this;
        }

        public Builder consentTimeout(Duration v) {
            consentTimeout = v;
            return this;
        }

        public Builder maxSessionMinutes(int v) {
            maxSessionMinutes = v;
            return this;
        }

        public Builder remainingInterval(Duration v) {
            remainingInterval = v;
            return this;
        }

        public Builder recheckInterval(Duration v) {
            recheckInterval = v;
            return this;
        }

        public Builder tick(Duration v) {
            tick = v;
            return this;
        }

        public Builder issuer(String v) {
            issuer = v;
            return this;
        }

        public Builder accessTokenTtl(Duration v) {
            accessTokenTtl = v;
            return this;
        }

        public Builder refreshTokenTtl(Duration v) {
            refreshTokenTtl = v;
            return this;
        }

        public Builder totpKey(Secret v) {
            totpKey = v;
            return this;
        }

        public Builder totpKeyFile(Path v) {
            totpKeyFile = v;
            return this;
        }

        public Builder signingKeyFile(Path v) {
            signingKeyFile = v;
            return this;
        }

        public Builder passwordHashing(PasswordHashing v) {
            passwordHashing = v;
            return this;
        }

        public Builder recordingsDir(Path v) {
            recordingsDir = v;
            return this;
        }

        public Builder recordingRetention(Duration v) {
            recordingRetention = v;
            return this;
        }

        public Builder enrolmentCodeTtl(Duration v) {
            enrolmentCodeTtl = v;
            return this;
        }

        public Builder enrolmentAttemptsPerAddress(int v) {
            enrolmentAttempts = v;
            return this;
        }

        public Builder enrolmentAttemptWindow(Duration v) {
            enrolmentWindow = v;
            return this;
        }

        public Builder policyFile(Path v) {
            policyFile = v;
            return this;
        }

        /** The settings, every unset value defaulted. The defaults are listed in docs/relay.md. */
        public RelaySettings build() {
            Path dir = or(dataDir, Path.of("relay-data")).toAbsolutePath().normalize();
            String hHost = or(httpHost, "127.0.0.1");
            String sHost = or(sshHost, "127.0.0.1");
            boolean generateTls = tlsCertificate == null && tlsPrivateKey == null;
            if (!generateTls && (tlsCertificate == null || tlsPrivateKey == null)) {
                throw new IllegalArgumentException("http.tlsCertificate and http.tlsPrivateKey must be set together");
            }
            Http http = new Http(
                    hHost,
                    or(httpPort, 8443),
                    or(maxBodySize, DataSize.ofKibibytes(64)),
                    or(tlsCertificate, dir.resolve("tls-certificate.pem")),
                    or(tlsPrivateKey, dir.resolve("tls-private-key.pem")),
                    generateTls,
                    metricsToken);
            Ssh ssh = new Ssh(
                    sHost,
                    or(sshPort, 8022),
                    or(sshAdvertisedHost, advertisable(sHost)),
                    or(sshAdvertisedPort, 0),
                    or(sshHostKey, dir.resolve("ssh_host_ed25519_key")),
                    or(sshAuthTimeout, Duration.ofSeconds(20)),
                    or(sshIdleTimeout, Duration.ofMinutes(10)),
                    or(sshWindowSize, DataSize.ofMebibytes(8)));
            Db db = new Db(
                    or(dbUrl, "jdbc:h2:file:" + dir.resolve("relay") + ";AUTO_SERVER=TRUE"),
                    or(dbUser, dbUrl == null || dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
                    dbPassword,
                    or(dbPoolSize, 10));
            Sessions sessions = new Sessions(
                    or(consentTimeout, Duration.ofMinutes(2)),
                    or(maxSessionMinutes, 480),
                    or(remainingInterval, Duration.ofSeconds(30)),
                    or(recheckInterval, Duration.ofSeconds(5)),
                    or(tick, Duration.ofMillis(200)));
            Auth auth = new Auth(
                    or(issuer, "fieldlink-relay"),
                    or(accessTokenTtl, Duration.ofMinutes(10)),
                    or(refreshTokenTtl, Duration.ofHours(12)),
                    totpKey,
                    or(totpKeyFile, dir.resolve("totp.key")),
                    or(signingKeyFile, dir.resolve("signing-keys.json")),
                    or(passwordHashing, PasswordHashing.STANDARD));
            Recordings recordings = new Recordings(
                    or(recordingsDir, dir.resolve("recordings")), or(recordingRetention, Duration.ofDays(90)));
            Enrolment enrolment = new Enrolment(
                    or(enrolmentCodeTtl, Duration.ofHours(24)),
                    or(enrolmentAttempts, 10),
                    or(enrolmentWindow, Duration.ofMinutes(15)));
            RelaySettings settings =
                    new RelaySettings(dir, http, ssh, db, sessions, auth, recordings, enrolment, policyFile);
            SettingsValidator.validate(settings);
            return settings;
        }

        private static String advertisable(String bindHost) {
            return "0.0.0.0".equals(bindHost) || "::".equals(bindHost) ? "localhost" : bindHost;
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }
}
