package dev.fieldlink.relay.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldlink.auth.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Reads {@code relay.yaml} and applies {@code FIELDLINK_*} environment variables over it. Every key is listed in
 * {@link #KEYS}; an unknown key, a value of the wrong form or a secret written into the file is refused with a
 * {@link SettingsException} naming the key. Secrets come only from the environment or from files with mode 0600.
 */
public final class SettingsLoader {
    /** Config key to the environment variable that overrides it and how it is applied. */
    static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        key("dataDir", (b, v) -> b.dataDir(Path.of(v)));
        key("http.host", RelaySettings.Builder::httpHost);
        key("http.port", (b, v) -> b.httpPort(integer(v)));
        key("http.maxBodySize", (b, v) -> b.maxBodySize(DataSize.parse(v)));
        key("http.tlsCertificate", (b, v) -> b.tlsCertificate(Path.of(v)));
        key("http.tlsPrivateKey", (b, v) -> b.tlsPrivateKey(Path.of(v)));
        key(
                "http.metricsTokenFile",
                (b, v) -> b.metricsToken(new Secret(readSecretFile(Path.of(v), "http.metricsTokenFile"))));
        key("ssh.host", RelaySettings.Builder::sshHost);
        key("ssh.port", (b, v) -> b.sshPort(integer(v)));
        key("ssh.advertisedHost", RelaySettings.Builder::sshAdvertisedHost);
        key("ssh.advertisedPort", (b, v) -> b.sshAdvertisedPort(integer(v)));
        key("ssh.hostKey", (b, v) -> b.sshHostKey(Path.of(v)));
        key("ssh.authTimeout", (b, v) -> b.sshAuthTimeout(Durations.parse(v)));
        key("ssh.idleTimeout", (b, v) -> b.sshIdleTimeout(Durations.parse(v)));
        key("ssh.windowSize", (b, v) -> b.sshWindowSize(DataSize.parse(v)));
        key("db.url", RelaySettings.Builder::dbUrl);
        key("db.user", RelaySettings.Builder::dbUser);
        key("db.passwordFile", (b, v) -> b.dbPassword(new Secret(readSecretFile(Path.of(v), "db.passwordFile"))));
        key("db.poolSize", (b, v) -> b.dbPoolSize(integer(v)));
        key("sessions.consentTimeout", (b, v) -> b.consentTimeout(Durations.parse(v)));
        key("sessions.maxMinutes", (b, v) -> b.maxSessionMinutes(integer(v)));
        key("sessions.remainingInterval", (b, v) -> b.remainingInterval(Durations.parse(v)));
        key("sessions.recheckInterval", (b, v) -> b.recheckInterval(Durations.parse(v)));
        key("sessions.tick", (b, v) -> b.tick(Durations.parse(v)));
        key("auth.issuer", RelaySettings.Builder::issuer);
        key("auth.accessTokenTtl", (b, v) -> b.accessTokenTtl(Durations.parse(v)));
        key("auth.refreshTokenTtl", (b, v) -> b.refreshTokenTtl(Durations.parse(v)));
        key("auth.totpKeyFile", (b, v) -> b.totpKeyFile(Path.of(v)));
        key("auth.signingKeyFile", (b, v) -> b.signingKeyFile(Path.of(v)));
        key("auth.passwordHashing", (b, v) -> b.passwordHashing(enumValue(PasswordHashing.class, v)));
        key("recordings.directory", (b, v) -> b.recordingsDir(Path.of(v)));
        key("recordings.retention", (b, v) -> b.recordingRetention(Durations.parse(v)));
        key("enrolment.codeTtl", (b, v) -> b.enrolmentCodeTtl(Durations.parse(v)));
        key("enrolment.attemptsPerAddress", (b, v) -> b.enrolmentAttemptsPerAddress(integer(v)));
        key("enrolment.attemptWindow", (b, v) -> b.enrolmentAttemptWindow(Durations.parse(v)));
        key("policyFile", (b, v) -> b.policyFile(Path.of(v)));
    }

    /** Environment variables that carry secrets and have no config-file key. */
    public static final String ENV_DB_PASSWORD = "FIELDLINK_DB_PASSWORD";

    public static final String ENV_TOTP_KEY = "FIELDLINK_TOTP_KEY";

    public static final String ENV_METRICS_TOKEN = "FIELDLINK_METRICS_TOKEN";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final long MAX_FILE_BYTES = 1 << 20;

    private SettingsLoader() {}

    /**
     * Loads settings: defaults, then the file (if {@code file} is not null), then the environment.
     *
     * @param file the YAML file, or null for none
     * @param env the environment, usually {@code System.getenv()}
     * @throws SettingsException naming the file, key and problem
     */
    public static RelaySettings load(Path file, Map<String, String> env) {
        RelaySettings.Builder b = RelaySettings.builder();
        if (file != null) {
            Map<String, String> values = readYaml(file);
            values.forEach((k, v) -> apply(b, k, v, file.getFileName() + ", key " + k));
        }
        for (Map.Entry<String, Key> e : KEYS.entrySet()) {
            String value = env.get(e.getValue().env());
            if (value != null && !value.isBlank()) {
                apply(
                        b,
                        e.getKey(),
                        value,
                        "environment variable " + e.getValue().env());
            }
        }
        String dbPassword = env.get(ENV_DB_PASSWORD);
        if (dbPassword != null && !dbPassword.isEmpty()) {
            b.dbPassword(new Secret(dbPassword));
        }
        String totpKey = env.get(ENV_TOTP_KEY);
        if (totpKey != null && !totpKey.isBlank()) {
            b.totpKey(new Secret(totpKey.trim()));
        }
        String metricsToken = env.get(ENV_METRICS_TOKEN);
        if (metricsToken != null && !metricsToken.isBlank()) {
            b.metricsToken(new Secret(metricsToken.trim()));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new SettingsException((file == null ? "settings" : file.toString()) + ": " + e.getMessage(), e);
        }
    }

    /** The environment variable that overrides {@code key}: {@code db.url} is {@code FIELDLINK_DB_URL}. */
    public static String envName(String key) {
        StringBuilder sb = new StringBuilder("FIELDLINK_");
        for (char c : key.toCharArray()) {
            if (c == '.') {
                sb.append('_');
            } else if (Character.isUpperCase(c)) {
                sb.append('_').append(c);
            } else {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** Every config key in file order of docs/relay.md, with its environment variable. */
    public static Map<String, String> keysAndEnvironmentVariables() {
        Map<String, String> out = new LinkedHashMap<>();
        KEYS.forEach((k, v) -> out.put(k, v.env()));
        return out;
    }

    private static void apply(RelaySettings.Builder b, String key, String value, String where) {
        Key k = KEYS.get(key);
        if (k == null) {
            String instead = switch (key) {
                case "db.password" -> ENV_DB_PASSWORD + " or db.passwordFile";
                case "auth.totpKey" -> ENV_TOTP_KEY + " or auth.totpKeyFile";
                case "http.metricsToken" -> ENV_METRICS_TOKEN + " or http.metricsTokenFile";
                default -> null;
            };
            if (instead != null) {
                throw new SettingsException(where + ": secrets are not read from the config file; set " + instead);
            }
            throw new SettingsException(where + ": unknown setting; known: " + String.join(", ", KEYS.keySet()));
        }
        try {
            k.applier().accept(b, value.trim());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SettingsException(where + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readYaml(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SettingsException(file + ": larger than 1 MiB; this is not a relay config file");
            }
            JsonNode root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            if (root == null || root.isMissingNode() || root.isNull()) {
                return out;
            }
            if (!root.isObject()) {
                throw new SettingsException(file + ": the top level must be a mapping of settings");
            }
            flatten("", root, out, file);
            return out;
        } catch (IOException e) {
            throw new SettingsException(
                    file + ": cannot read: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            JsonNode v = f.getValue();
            if (v.isObject()) {
                flatten(key, v, out, file);
            } else if (v.isValueNode() && !v.isNull()) {
                out.put(key, v.asText());
            } else if (!v.isNull()) {
                throw new SettingsException(file.getFileName() + ", key " + key + ": expected a single value");
            }
        }
    }

    private static String readSecretFile(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(key + " names " + file + ", which does not exist");
        }
        PrivateFiles.requireOwnerOnly(file);
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int integer(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String v) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                known.append(known.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("'" + v + "' is not one of " + known);
        }
    }

    private static void key(String key, BiConsumer<RelaySettings.Builder, String> applier) {
        KEYS.put(key, new Key(envName(key), applier));
    }

    record Key(String env, BiConsumer<RelaySettings.Builder, String> applier) {}
}
