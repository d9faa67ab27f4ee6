package dev.fieldlink.agent.enroll;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.config.RelaySettings;
import dev.fieldlink.agent.connection.MachineKey;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.api.EnrollRequest;
import dev.fieldlink.protocol.api.EnrollResponse;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.Problem;
import dev.fieldlink.protocol.problem.ProblemType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code fieldlink-agent enroll}: makes the machine key (if there is none yet), registers its public key with the
 * relay's one-time code over HTTPS, and writes the relay's SSH address and host-key fingerprint into {@code
 * agent.yaml}. The private key never leaves the machine.
 */
public final class Enroller {
    /** The enrolment endpoint under the relay's base URL. */
    public static final String PATH = "/api/v1/agents/enroll";

    private static final MediaType JSON = MediaType.get("application/json");

    private final ObjectMapper json = Json.mapper();
    private final ConfigLoader loader = new ConfigLoader();

    /** What enrolment did. */
    public record Result(EnrollResponse relay, String publicKeyFingerprint, boolean keyGenerated) {}

    /**
     * Enrols.
     *
     * @param relay the relay's base URL; {@code https}, or {@code http} on loopback only (tests, sandbox)
     * @param tlsFingerprint the relay certificate's pin, or null to trust the system's CAs
     * @throws FieldlinkException with the relay's problem detail, or naming the local failure
     */
    public Result enroll(Path configFile, URI relay, String code, String machineId, String tlsFingerprint) {
        if (machineId == null || !AgentConfig.MACHINE_ID.matcher(machineId).matches()) {
            throw new FieldlinkException(
                    ProblemType.VALIDATION, "--machine-id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (code == null || code.isBlank()) {
            throw new FieldlinkException(ProblemType.VALIDATION, "--code is empty");
        }
        requireSafeScheme(relay);
        AgentConfig config = Files.exists(configFile)
                ? loader.load(configFile)
                : loader.parse(configFile.toString(), "")
                        .withDataDirectory(
                                configFile.toAbsolutePath().getParent().resolve("agent-data"));
        Path keyFile = Files.exists(configFile) ? config.keyFile() : config.keyFile();
        boolean generated = !Files.exists(keyFile);
        KeyPair key =
                generated ? MachineKey.generate(keyFile, "fieldlink-agent " + machineId) : MachineKey.load(keyFile);

        EnrollResponse answer =
                post(client(tlsFingerprint), relay, new EnrollRequest(code, machineId, MachineKey.publicKeyLine(key)));
        if (answer.sshHost() == null
                || answer.hostKeyFingerprint() == null
                || !RelaySettings.FINGERPRINT
                        .matcher(answer.hostKeyFingerprint())
                        .matches()) {
            throw new FieldlinkException(
                    ProblemType.INTERNAL, "The relay's answer lacks a usable SSH address or host-key fingerprint");
        }
        loader.update(configFile, root -> {
            root.put("machineId", machineId);
            var r = root.putObject("relay");
            r.put("host", answer.sshHost());
            r.put("port", answer.sshPort());
            r.put("hostKeyFingerprint", answer.hostKeyFingerprint());
            r.put("apiUrl", relay.toString());
            if (!root.has("keyFile")) {
                root.put("keyFile", keyFile.toAbsolutePath().toString());
            }
        });
        return new Result(answer, MachineKey.fingerprint(key), generated);
    }

    private static void requireSafeScheme(URI relay) {
        String scheme = relay.getScheme();
        if ("https".equals(scheme)) {
            return;
        }
        if ("http".equals(scheme)) {
            try {
                if (relay.getHost() != null
                        && InetAddress.getByName(relay.getHost()).isLoopbackAddress()) {
                    return;
                }
            } catch (IOException e) {
                // not resolvable: refused below
            }
        }
        throw new FieldlinkException(
                ProblemType.VALIDATION, "--relay must be an https:// URL (plain http only to a loopback address)");
    }

    private static OkHttpClient client(String tlsFingerprint) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(30))
                .followRedirects(false);
        if (tlsFingerprint != null) {
            CertificatePin pin;
            try {
                pin = new CertificatePin(tlsFingerprint);
            } catch (IllegalArgumentException e) {
                throw new FieldlinkException(ProblemType.VALIDATION, e.getMessage());
            }
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {pin}, null);
                // The pin names the exact certificate, which is stronger than a host-name check.
                b.sslSocketFactory(tls.getSocketFactory(), pin).hostnameVerifier((host, session) -> true);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.build();
    }

    private EnrollResponse post(OkHttpClient client, URI relay, EnrollRequest body) {
        String base = relay.toString().replaceAll("/+$", "");
        Request request;
        try {
            request = new Request.Builder()
                    .url(base + PATH)
                    .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Response response = client.newCall(request).execute()) {
            byte[] bytes = response.body().bytes();
            if (response.isSuccessful()) {
                return json.readValue(bytes, EnrollResponse.class);
            }
            String detail;
            try {
                Problem p = json.readerFor(Problem.class)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(bytes);
                detail = p.detail() != null ? p.detail() : p.title();
            } catch (IOException e) {
                detail = "HTTP " + response.code();
            }
            throw new FieldlinkException(ProblemType.BAD_REQUEST, "The relay refused the enrolment: " + detail);
        } catch (javax.net.ssl.SSLException e) {
            throw new FieldlinkException(
                    ProblemType.UNAVAILABLE,
                    "TLS with the relay failed: " + e.getMessage()
                            + (e.getMessage() != null && e.getMessage().contains("PKIX")
                                    ? " (a self-signed relay certificate needs --tls-fingerprint)"
                                    : ""),
                    e);
        } catch (IOException e) {
            throw new FieldlinkException(
                    ProblemType.UNAVAILABLE, "Cannot reach the relay at " + base + ": " + e.getMessage(), e);
        }
    }
}
