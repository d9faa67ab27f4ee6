package dev.fieldlink.relay.api;

import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.MeResponse;
import dev.fieldlink.protocol.api.RefreshRequest;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.account.Account;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code auth/login}, {@code auth/refresh}, {@code auth/logout}, {@code me}, {@code me/photo}. */
final class AuthRoutes {
    private final ApiContext api;
    private final JsonBodies bodies;

    AuthRoutes(ApiContext api, JsonBodies bodies) {
        this.api = api;
        this.bodies = bodies;
    }

    void register(RoutesConfig r) {
        r.post(ApiServer.BASE + "/auth/login", this::login);
        r.post(ApiServer.BASE + "/auth/refresh", this::refresh);
        r.post(ApiServer.BASE + "/auth/logout", this::logout);
        r.get(ApiServer.BASE + "/me", this::me);
        r.get(ApiServer.BASE + "/me/photo", this::photo);
    }

    private void login(Context ctx) {
        LoginRequest req = bodies.read(ctx, LoginRequest.class, true);
        ctx.json(api.signIn().login(req, ctx.ip()));
    }

    private void refresh(Context ctx) {
        RefreshRequest req = bodies.read(ctx, RefreshRequest.class, true);
        ctx.json(api.signIn().refresh(req.refreshToken(), ctx.ip()));
    }

    private void logout(Context ctx) {
        Caller caller = BearerAuth.caller(ctx);
        RefreshRequest req = bodies.read(ctx, RefreshRequest.class, false);
        api.signIn().logout(req == null ? null : req.refreshToken(), caller.claims());
        ctx.status(204);
    }

    private void me(Context ctx) {
        Account a = BearerAuth.caller(ctx).account();
        List<dev.fieldlink.protocol.api.Certification> certs = new ArrayList<>();
        for (Map.Entry<String, java.time.LocalDate> e : new TreeMap<>(a.certifications()).entrySet()) {
            certs.add(new dev.fieldlink.protocol.api.Certification(e.getKey(), e.getValue()));
        }
        ctx.json(new MeResponse(
                a.id(),
                a.username(),
                a.displayName(),
                a.company(),
                a.roles(),
                a.regions().stream().sorted().toList(),
                certs,
                a.undertakingSignedOn(),
                api.broker().policy().undertakingValidUntil(a.toTechnician()).orElse(null)));
    }

    private void photo(Context ctx) {
        Account a = BearerAuth.caller(ctx).account();
        byte[] png = api.accounts()
                .photo(a.id())
                .orElseThrow(() -> new FieldlinkException(ProblemType.NOT_FOUND, "no photo is on record"));
        ctx.contentType("image/png").result(png);
    }
}
