package dev.fieldlink.relay.api;

import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.EnrollRequest;
import dev.fieldlink.protocol.api.HealthResponse;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.account.Account;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /health}, {@code /metrics}, {@code /.well-known/jwks.json}, {@code audit/verify}, {@code agents/enroll}. */
final class SystemRoutes {
    private final ApiContext api;
    private final JsonBodies bodies;

    SystemRoutes(ApiContext api, JsonBodies bodies) {
        this.api = api;
        this.bodies = bodies;
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
        ctx.json(api.auditVerifier().verifyAll());
    }

    private void enroll(Context ctx) {
        EnrollRequest req = bodies.read(ctx, EnrollRequest.class, true);
        ctx.json(api.enrolment().enroll(req, ctx.ip()));
    }
}
