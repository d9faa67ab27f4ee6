package dev.fieldlink.relay.api;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.machine.MachineQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;

/** {@code GET machines} (filters {@code q, productLine, region, online, sort, offset, limit}) and {@code GET machines/{id}}. */
final class MachineRoutes {
    private final ApiContext api;

    MachineRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RoutesConfig r) {
        r.get(ApiServer.BASE + "/machines", this::list);
        r.get(ApiServer.BASE + "/machines/{id}", this::get);
    }

    private void list(Context ctx) {
        MachineQuery q = new MachineQuery(
                ctx.queryParam("q"),
                ctx.queryParam("productLine"),
                ctx.queryParam("region"),
                bool(ctx.queryParam("online"), "online"),
                ctx.queryParam("sort"),
                integer(ctx.queryParam("offset"), "offset", 0),
                integer(ctx.queryParam("limit"), "limit", MachineQuery.DEFAULT_LIMIT));
        ctx.json(api.machines().list(BearerAuth.caller(ctx).account(), q));
    }

    private void get(Context ctx) {
        ctx.json(api.machines().get(BearerAuth.caller(ctx).account(), ctx.pathParam("id")));
    }

    static Boolean bool(String v, String name) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new FieldlinkException(ProblemType.VALIDATION, name + " must be true or false, not " + v);
        };
    }

    static int integer(String v, String name, int fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new FieldlinkException(ProblemType.VALIDATION, name + " must be a whole number, not " + v);
        }
    }
}
