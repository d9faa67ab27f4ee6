package dev.fieldlink.relay.api;

import dev.fieldlink.protocol.problem.Problem;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.relay.session.SessionListener;
import dev.fieldlink.relay.tls.TlsMaterial;
import dev.fieldlink.relay.tls.TlsPolicy;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS API on Javalin/Jetty with our own TLS settings ({@link TlsPolicy}). Every error is a problem document;
 * every route under {@value #BASE} except sign-in, refresh and enrolment needs a bearer access token. Thread-safe.
 */
public final class ApiServer implements AutoCloseable {
    /** The API's base path. */
    public static final String BASE = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Set<String> PUBLIC =
            Set.of(BASE + "/auth/login", BASE + "/auth/refresh", BASE + "/agents/enroll");

    private final Javalin app;
    private final SessionEvents events;
    private final TlsMaterial tls;

    public ApiServer(RelaySettings.Http settings, TlsMaterial tls, ApiContext api) {
        this.tls = tls;
        JsonBodies bodies = new JsonBodies(api.mapper(), settings.maxBodySize().bytes());
        Problems problems = new Problems(api.mapper());
        BearerAuth bearer = new BearerAuth(api.verifier(), api.accounts());
        this.events = new SessionEvents(api.mapper(), api.clock());
        AuthRoutes auth = new AuthRoutes(api, bodies);
        MachineRoutes machines = new MachineRoutes(api);
        SessionRoutes sessions = new SessionRoutes(api, bodies, events);
        HistoryRoutes history = new HistoryRoutes(api);
        SystemRoutes system = new SystemRoutes(api, bodies, settings.metricsToken());
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(api.mapper(), false));
            cfg.http.maxRequestSize = settings.maxBodySize().bytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.modifyHttpConfiguration(h -> {
                h.setSendServerVersion(false);
                h.setSendXPoweredBy(false);
            });
            cfg.jetty.addConnector((server, httpConfig) -> {
                HttpConfiguration https = new HttpConfiguration(httpConfig);
                https.setSendServerVersion(false);
                SecureRequestCustomizer secure = new SecureRequestCustomizer();
                secure.setSniHostCheck(false);
                https.addCustomizer(secure);
                ServerConnector c = new ServerConnector(
                        server,
                        new SslConnectionFactory(TlsPolicy.serverContext(tls), "http/1.1"),
                        new HttpConnectionFactory(https));
                c.setHost(settings.host());
                c.setPort(settings.port());
                return c;
            });
            cfg.routes.before(BASE + "/*", ctx -> {
                if (!PUBLIC.contains(ctx.path())) {
                    bearer.authenticate(ctx);
                }
            });
            cfg.routes.after(ctx -> ctx.header("Cache-Control", "no-store"));
            auth.register(cfg.routes);
            machines.register(cfg.routes);
            sessions.register(cfg.routes);
            history.register(cfg.routes);
            system.register(cfg.routes);
            cfg.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> problems.write(
                            ctx,
                            statusType(e.getStatus()),
                            e.getMessage() == null ? "request refused" : e.getMessage()));
            cfg.routes.exception(Exception.class, problems::handle);
            cfg.routes.error(404, ctx -> {
                if (!isProblem(ctx)) {
                    problems.write(ctx, ProblemType.NOT_FOUND, "no resource " + ctx.method() + " " + ctx.path());
                }
            });
            cfg.routes.error(405, ctx -> {
                if (!isProblem(ctx)) {
                    problems.write(
                            ctx, ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
                }
            });
        });
    }

    /** Starts listening. */
    public void start() {
        app.start();
        LOG.info("HTTPS API on port {}, certificate {}", port(), tls.fingerprint());
    }

    /** The bound port. */
    public int port() {
        return app.port();
    }

    public String tlsFingerprint() {
        return tls.fingerprint();
    }

    /**
     * Every HTTP route as {@code METHOD path}, path parameters as registered ({@code GET /api/v1/sessions/{id}}), in
     * registration order; the API documentation test compares them with {@code docs/openapi.yaml}.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .toList();
    }

    /** The event streams, which listen to the broker. */
    public SessionListener sessionEvents() {
        return events;
    }

    /** Sends the remaining time to event streams (called every {@code sessions.remainingInterval}). */
    public void tickRemaining() {
        events.tickRemaining();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static boolean isProblem(Context ctx) {
        String ct = ctx.res().getContentType();
        return ct != null && ct.startsWith(Problem.MEDIA_TYPE);
    }

    private static ProblemType statusType(int status) {
        for (ProblemType t : ProblemType.values()) {
            if (t.status() == status) {
                return t;
            }
        }
        return status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
    }
}
