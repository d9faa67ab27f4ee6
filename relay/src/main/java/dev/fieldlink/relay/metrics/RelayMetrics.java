package dev.fieldlink.relay.metrics;

import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.relay.screen.ScreenContext;
import dev.fieldlink.relay.screen.ScreenTap;
import dev.fieldlink.relay.screen.ScreenTapFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The relay's metrics in Prometheus text format: {@code fieldlink_agents_connected}, {@code
 * fieldlink_sessions_active}, {@code fieldlink_screen_channels_open}, {@code fieldlink_relayed_bytes_total{direction}},
 * {@code fieldlink_logins_total{outcome}}, {@code fieldlink_consent_total{outcome}}. Counts come from the audit log
 * (so what is counted is what is audited) and from a screen tap. Thread-safe.
 */
public final class RelayMetrics implements ScreenTapFactory, Consumer<AuditEvent> {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter toMachine;
    private final Counter toViewer;
    private final Counter loginsOk;
    private final Counter loginsFailed;
    private final Counter consentGiven;
    private final Counter consentDeclined;
    private final Counter consentTimeout;

    public RelayMetrics(IntSupplier connectedAgents, IntSupplier activeSessions, IntSupplier openScreens) {
        Gauge.builder("fieldlink.agents.connected", connectedAgents, s -> s.getAsInt())
                .description("agents with a live control channel")
                .register(registry);
        Gauge.builder("fieldlink.sessions.active", activeSessions, s -> s.getAsInt())
                .description("sessions in state ACTIVE")
                .register(registry);
        Gauge.builder("fieldlink.screen.channels.open", openScreens, s -> s.getAsInt())
                .description("screen channels spliced now")
                .register(registry);
        toMachine = bytes("to_machine");
        toViewer = bytes("to_viewer");
        loginsOk = counter("fieldlink.logins", "sign-in attempts", "outcome", "ok");
        loginsFailed = counter("fieldlink.logins", "sign-in attempts", "outcome", "failed");
        consentGiven = counter("fieldlink.consent", "operator answers to session requests", "outcome", "given");
        consentDeclined = counter("fieldlink.consent", "operator answers to session requests", "outcome", "declined");
        consentTimeout = counter("fieldlink.consent", "operator answers to session requests", "outcome", "timeout");
    }

    /** The Prometheus exposition text. */
    public String scrape() {
        return registry.scrape();
    }

    /** Counts audited logins and consent outcomes. */
    @Override
    public void accept(AuditEvent e) {
        switch (e.type()) {
            case AuditEventTypes.LOGIN_SUCCEEDED -> loginsOk.increment();
            case AuditEventTypes.LOGIN_FAILED -> loginsFailed.increment();
            case AuditEventTypes.CONSENT_GIVEN -> consentGiven.increment();
            case AuditEventTypes.CONSENT_DECLINED -> consentDeclined.increment();
            case AuditEventTypes.CONSENT_TIMEOUT -> consentTimeout.increment();
            default -> {}
        }
    }

    /** Counts relayed bytes per direction. */
    @Override
    public ScreenTap open(ScreenContext context) {
        return new ScreenTap() {
            @Override
            public void viewerToAgent(byte[] data, int offset, int length) {
                toMachine.increment(length);
            }

            @Override
            public void agentToViewer(byte[] data, int offset, int length) {
                toViewer.increment(length);
            }
        };
    }

    private Counter bytes(String direction) {
        return Counter.builder("fieldlink.relayed.bytes")
                .description("screen bytes relayed")
                .baseUnit("bytes")
                .tag("direction", direction)
                .register(registry);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
