package dev.fieldlink.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.connection.ConnectionStatus;
import dev.fieldlink.auth.PrivateFiles;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a running agent last reported about itself, in {@code <dataDirectory>/status.json}, so that {@code
 * fieldlink-agent status} (another process) can show connection state and the quota alarm.
 *
 * @param pid the agent's process id
 * @param updated when this was written
 * @param connection the connection state
 * @param connectionDetail why, or null
 * @param switches the switches now
 * @param quota audit disk use and alarm
 * @param session the active session's id, or null
 */
public record AgentStatusFile(
        long pid,
        Instant updated,
        ConnectionStatus.State connection,
        String connectionDetail,
        CustomerSwitches switches,
        AuditLog.QuotaState quota,
        String session) {
    static final String FILE = "status.json";
    private static final ObjectMapper JSON = Json.mapper();

    void write(Path dataDirectory) {
        try {
            PrivateFiles.writeAtomically(dataDirectory.resolve(FILE), JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.channels.ClosedByInterruptException) {
                return; // the agent is stopping and interrupted its status writer; the next start writes it again
            }
            org.slf4j.LoggerFactory.getLogger(AgentStatusFile.class).warn("Cannot write {}: {}", FILE, e.getMessage());
        }
    }

    /** The last status written in {@code dataDirectory}, if any and readable. */
    public static Optional<AgentStatusFile> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), AgentStatusFile.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
