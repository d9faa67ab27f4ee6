package dev.fieldlink.protocol.control;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.session.EndCause;
import java.time.Instant;
import java.util.List;

/**
 * A message on the control channel. Each line is one message; {@code type} names it. Lines from an agent are at
 * most {@link #MAX_LINE_BYTES} long, lines from the relay at most {@link #MAX_RELAY_LINE_BYTES}; a longer, malformed
 * or unknown line is answered with {@link Error} and does not end the connection.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ControlMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ControlMessage.SessionRequested.class, name = "session.requested"),
    @JsonSubTypes.Type(value = ControlMessage.SessionConsent.class, name = "session.consent"),
    @JsonSubTypes.Type(value = ControlMessage.SessionEnded.class, name = "session.ended"),
    @JsonSubTypes.Type(value = ControlMessage.AuditBatch.class, name = "audit.batch"),
    @JsonSubTypes.Type(value = ControlMessage.AuditAck.class, name = "audit.ack"),
    @JsonSubTypes.Type(value = ControlMessage.Chat.class, name = "chat"),
    @JsonSubTypes.Type(value = ControlMessage.SwitchesChanged.class, name = "switches"),
    @JsonSubTypes.Type(value = ControlMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ControlMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ControlMessage.Error.class, name = "error"),
})
public sealed interface ControlMessage {
    /** The longest line the relay accepts from an agent, in bytes, including the newline. */
    int MAX_LINE_BYTES = 64 * 1024;

    /**
     * The longest line an agent accepts from the relay, in bytes, including the newline. Larger than
     * {@link #MAX_LINE_BYTES} because {@link SessionRequested} carries the technician's photo: a 256x256 PNG of a
     * real face is commonly 100-200 KiB and at most about 260 KiB, a third more in Base64.
     */
    int MAX_RELAY_LINE_BYTES = 512 * 1024;

    /** The SSH subsystem name of the control channel. */
    String SUBSYSTEM = dev.fieldlink.protocol.ssh.SshNames.CONTROL_SUBSYSTEM;

    /** Agent to relay, first message after the channel opened. */
    record Hello(
            String machineId,
            String agentVersion,
            CustomerSwitches switches,
            int screenWidth,
            int screenHeight,
            int maxSessionMinutes,
            long consentTimeoutSeconds)
            implements ControlMessage {}

    /**
     * Relay to agent: a technician asks for a session, or (with {@code extension}) for more time in an active one.
     * {@code photoPng} is the technician's photo as Base64 PNG, at most 256x256, or null.
     */
    record SessionRequested(
            String sessionId,
            String technicianId,
            String technicianName,
            String company,
            String photoPng,
            String reason,
            String caseNumber,
            int requestedMinutes,
            Instant consentDeadline,
            boolean extension)
            implements ControlMessage {}

    /** Agent to relay: the operator's answer. {@code grantedMinutes} is 0 when declined. */
    record SessionConsent(String sessionId, boolean allowed, int grantedMinutes, String operator)
            implements ControlMessage {}

    /** Either way: the session is over, or the request is withdrawn; {@code cause} says why. */
    record SessionEnded(String sessionId, EndCause cause, String detail) implements ControlMessage {}

    /** Agent to relay: events of the agent's own chain, in sequence order, not yet acknowledged. */
    record AuditBatch(List<AuditEvent> events) implements ControlMessage {
        public AuditBatch {
            events = List.copyOf(events);
        }
    }

    /** Relay to agent: every event of {@code stream} up to and including {@code sequence} is committed. */
    record AuditAck(String stream, long sequence) implements ControlMessage {}

    /** Either way: a chat line of a session; {@code from} is {@code technician} or {@code operator}. */
    record Chat(String sessionId, String from, String author, String text, Instant at) implements ControlMessage {}

    /** Agent to relay: the customer changed a switch at the machine. */
    record SwitchesChanged(CustomerSwitches switches) implements ControlMessage {}

    /** Either way: keep-alive; the other side answers with {@link Pong} carrying the same nonce. */
    record Ping(long nonce) implements ControlMessage {}

    /** The answer to {@link Ping}. */
    record Pong(long nonce) implements ControlMessage {}

    /** Either way: the previous line was not understood; {@code detail} says why. */
    record Error(String code, String detail) implements ControlMessage {}
}
