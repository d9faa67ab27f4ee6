package dev.fieldlink.relay.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.auth.jwt.SigningKeys;
import dev.fieldlink.auth.jwt.TokenIssuer;
import dev.fieldlink.auth.jwt.TokenVerifier;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.account.SignIn;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.audit.AuditVerifier;
import dev.fieldlink.relay.history.HistoryService;
import dev.fieldlink.relay.machine.Enrolment;
import dev.fieldlink.relay.machine.MachineDirectory;
import dev.fieldlink.relay.machine.RelayEndpoints;
import dev.fieldlink.relay.metrics.RelayMetrics;
import dev.fieldlink.relay.recording.RecordingStore;
import dev.fieldlink.relay.session.SessionBroker;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Everything the API routes use.
 *
 * @param endpoints the SSH address and host-key fingerprint, known once the SSH endpoint listens
 * @param databaseHealthy whether the database answers now
 * @param connectedAgents agents online now
 */
public record ApiContext(
        SignIn signIn,
        TokenVerifier verifier,
        TokenIssuer issuer,
        SigningKeys signingKeys,
        AccountRepository accounts,
        MachineDirectory machines,
        SessionBroker broker,
        HistoryService history,
        RecordingStore recordings,
        AuditVerifier auditVerifier,
        Enrolment enrolment,
        RelayMetrics metrics,
        AuditLog audit,
        Supplier<RelayEndpoints> endpoints,
        BooleanSupplier databaseHealthy,
        IntSupplier connectedAgents,
        ObjectMapper mapper,
        Clock clock,
        String version) {}
