package dev.fieldlink.relay.api;

import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.EnrollRequest;
import dev.fieldlink.protocol.api.HealthResponse;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.audit.AgentAuditIngest;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.config.Secret;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code /health}, {@code /metrics}, {@code /.well-known/jwks.json}, {@code audit/verify}, {@code agents/enroll}.
 * Metrics are served only with a configured scrape token, and only to a caller that presents it (deny by default).
 */
final class SystemRoutes {
    private final ApiContext api;
    private final JsonBodies bodies;
    private final byte[] metricsToken;

    /**
     * @param metricsToken the bearer token {@code GET /metrics} requires, or null when metrics are off
     */
    SystemRoutes(ApiContext api, JsonBodies bodies, Secret metricsToken) {
        this.api = api;
        this.bodies = bodies;
        this.metricsToken = metricsToken == null ? null : metricsToken.reveal().getBytes(StandardCharsets.UTF_8);
    }

    void register(RoutesConfig r) {
        r.get("/health", this::health);
        r.get("/metrics", this::metrics);
        r.get("/.well-known/jwks.json", this::jwks);
        r.get(ApiServer.BASE + "/audit/verify", this::verify);
        r.post(ApiServer.BASE + "/agents/enroll", this::enroll);
    }

    private void health(Context ctx) {
        boolean db = api.databaseHealthy().getAsBoolean();
        ctx.status(db ? 200 : 503)
                .json(new HealthResponse(
                        db ? "ok" : "database unavailable",
                        api.version(),
                        api.connectedAgents().getAsInt(),
                        api.broker().activeCount()));
    }

    private void metrics(Context ctx) {
        if (metricsToken == null) {
            throw new FieldlinkException(
                    ProblemType.NOT_FOUND,
                    "metrics are off on this relay; set FIELDLINK_METRICS_TOKEN or http.metricsTokenFile to serve"
                            + " them to a scraper that presents that token");
        }
        String header = ctx.header("Authorization");
        byte[] presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(presented, metricsToken)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"fieldlink-metrics\"");
            throw new FieldlinkException(
                    ProblemType.UNAUTHENTICATED,
                    header == null
                            ? "metrics need the scrape token as a bearer token (Authorization: Bearer ...)"
                            : "the metrics scrape token is wrong");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(api.metrics().scrape());
    }

    private void jwks(Context ctx) {
        ctx.contentType("application/jwk-set+json").result(api.signingKeys().jwksJson());
    }

    private void verify(Context ctx) {
        Account a = BearerAuth.caller(ctx).account();
        if (!a.roles().contains(Role.ADMIN) && !a.roles().contains(Role.TEAM_LEAD)) {
            throw new FieldlinkException(
                    ProblemType.FORBIDDEN, "audit verification is for administrators and team leads");
        }
        if (a.roles().contains(Role.ADMIN)) {
            ctx.json(api.auditVerifier().verifyAll());
            return;
        }
        // A team lead sees the relay's stream and the machines of their regions, as in the history.
        Set<String> regions = api.broker().policy().coveredRegions(a.toTechnician());
        String agentPrefix = AgentAuditIngest.streamOf("");
        ctx.json(api.auditVerifier()
                .verifyAll(stream -> stream.equals(AuditLog.STREAM)
                        || (stream.startsWith(agentPrefix)
                                && api.machines().inRegions(stream.substring(agentPrefix.length()), regions))));
    }

    private void enroll(Context ctx) {
        EnrollRequest req = bodies.read(ctx, EnrollRequest.class, true);
        ctx.json(api.enrolment().enroll(req, ctx.ip()));
    }
}
