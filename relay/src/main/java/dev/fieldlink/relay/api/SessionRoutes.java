package dev.fieldlink.relay.api;

import static dev.fieldlink.protocol.audit.AuditEventTypes.TICKET_ISSUED;

import dev.fieldlink.auth.jwt.IssuedToken;
import dev.fieldlink.protocol.api.ChatRequest;
import dev.fieldlink.protocol.api.EndRequest;
import dev.fieldlink.protocol.api.ExtendRequest;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.ssh.SshNames;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.machine.RelayEndpoints;
import dev.fieldlink.relay.session.SessionRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.Map;

/** The technician's session routes: request, read, events, ticket, end, extend, chat. */
final class SessionRoutes {
    private final ApiContext api;
    private final JsonBodies bodies;
    private final SessionEvents events;

    SessionRoutes(ApiContext api, JsonBodies bodies, SessionEvents events) {
        this.api = api;
        this.bodies = bodies;
        this.events = events;
    }

    void register(RoutesConfig r) {
        r.post(ApiServer.BASE + "/sessions", this::create);
        r.get(ApiServer.BASE + "/sessions/{id}", this::get);
        r.get(ApiServer.BASE + "/sessions/{id}/events", this::events);
        r.post(ApiServer.BASE + "/sessions/{id}/ticket", this::ticket);
        r.post(ApiServer.BASE + "/sessions/{id}/end", this::end);
        r.post(ApiServer.BASE + "/sessions/{id}/extend", this::extend);
        r.post(ApiServer.BASE + "/sessions/{id}/messages", this::chat);
    }

    private void create(Context ctx) {
        SessionRequest req = bodies.read(ctx, SessionRequest.class, true);
        SessionRecord s = api.broker().request(BearerAuth.caller(ctx).account(), req);
        ctx.status(201)
                .header("Location", ApiServer.BASE + "/sessions/" + s.id())
                .json(s.toView());
    }

    private void get(Context ctx) {
        ctx.json(api.broker()
                .get(BearerAuth.caller(ctx).account(), ctx.pathParam("id"))
                .toView());
    }

    private void events(Context ctx) throws Exception {
        SessionRecord s = api.broker().get(BearerAuth.caller(ctx).account(), ctx.pathParam("id"));
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new dev.fieldlink.protocol.problem.FieldlinkException(
                    dev.fieldlink.protocol.problem.ProblemType.BAD_REQUEST,
                    "this is a server-sent event stream: send Accept: text/event-stream");
        }
        new SseHandler(0, client -> events.stream(client, s)).handle(ctx);
    }

    private void ticket(Context ctx) {
        Account caller = BearerAuth.caller(ctx).account();
        SessionRecord s = api.broker().activeForTicket(caller, ctx.pathParam("id"));
        IssuedToken t = api.issuer().issueTicket(s.id(), s.machineId(), caller.id(), s.expiresAt());
        RelayEndpoints e = api.endpoints().get();
        api.audit()
                .record(
                        TICKET_ISSUED,
                        caller.actor(),
                        s.subject(),
                        Map.of("jti", t.jti(), "expiresAt", t.expiresAt().toString(), "address", ctx.ip()));
        ctx.json(new TicketResponse(
                t.token(),
                e.sshHost(),
                e.sshPort(),
                e.hostKeyFingerprint(),
                caller.id(),
                SshNames.viewerTarget(s.id()),
                SshNames.VIEWER_TARGET_PORT,
                t.expiresAt()));
    }

    private void end(Context ctx) {
        EndRequest req = bodies.read(ctx, EndRequest.class, false);
        SessionRecord s = api.broker()
                .end(BearerAuth.caller(ctx).account(), ctx.pathParam("id"), req == null ? null : req.comment());
        ctx.json(s.toView());
    }

    private void extend(Context ctx) {
        ExtendRequest req = bodies.read(ctx, ExtendRequest.class, true);
        SessionRecord s =
                api.broker().extend(BearerAuth.caller(ctx).account(), ctx.pathParam("id"), req.additionalMinutes());
        ctx.status(202).json(s.toView());
    }

    private void chat(Context ctx) {
        ChatRequest req = bodies.read(ctx, ChatRequest.class, true);
        ctx.status(201)
                .json(api.broker()
                        .chatFromTechnician(BearerAuth.caller(ctx).account(), ctx.pathParam("id"), req.text()));
    }
}
