package dev.fieldlink.relay.config;

import java.time.Duration;

/** Checks value ranges once all settings are known; each message names the setting as the config file spells it. */
final class SettingsValidator {
    /** 24 characters: 96 bits as hex, more as base64 or with a passphrase. */
    static final int MIN_METRICS_TOKEN = 24;

    private SettingsValidator() {}

    static void validate(RelaySettings s) {
        port("http.port", s.http().port());
        port("ssh.port", s.ssh().port());
        port("ssh.advertisedPort", s.ssh().advertisedPort());
        positive("ssh.authTimeout", s.ssh().authTimeout());
        positive("ssh.idleTimeout", s.ssh().idleTimeout());
        range("ssh.windowSize", s.ssh().windowSize().bytes(), 64 * 1024, 64L * 1024 * 1024);
        range("http.maxBodySize", s.http().maxBodySize().bytes(), 1024, 16L * 1024 * 1024);
        if (s.http().metricsToken() != null && s.http().metricsToken().reveal().length() < MIN_METRICS_TOKEN) {
            throw new IllegalArgumentException("the metrics token (http.metricsTokenFile or FIELDLINK_METRICS_TOKEN)"
                    + " must have at least " + MIN_METRICS_TOKEN + " characters; e.g. openssl rand -hex 24");
        }
        range("db.poolSize", s.db().poolSize(), 1, 200);
        positive("sessions.consentTimeout", s.sessions().consentTimeout());
        range("sessions.maxMinutes", s.sessions().maxMinutes(), 1, 24 * 60);
        positive("sessions.remainingInterval", s.sessions().remainingInterval());
        positive("sessions.recheckInterval", s.sessions().recheckInterval());
        positive("sessions.tick", s.sessions().tick());
        if (s.sessions().tick().compareTo(Duration.ofMillis(500)) > 0) {
            throw new IllegalArgumentException(
                    "sessions.tick must be at most 500ms, so that an expired session closes within a second");
        }
        positive("auth.accessTokenTtl", s.auth().accessTokenTtl());
        positive("auth.refreshTokenTtl", s.auth().refreshTokenTtl());
        if (s.recordings().retention().isNegative()) {
            throw new IllegalArgumentException(
                    "recordings.retention must not be negative (0 keeps recordings forever)");
        }
        positive("enrolment.codeTtl", s.enrolment().codeTtl());
        range("enrolment.attemptsPerAddress", s.enrolment().attemptsPerAddress(), 1, 10_000);
        positive("enrolment.attemptWindow", s.enrolment().attemptWindow());
        if (s.auth().issuer().isBlank()) {
            throw new IllegalArgumentException("auth.issuer must not be empty");
        }
    }

    private static void port(String key, int port) {
        range(key, port, 0, 65535);
    }

    private static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + Durations.format(d));
        }
    }
}
