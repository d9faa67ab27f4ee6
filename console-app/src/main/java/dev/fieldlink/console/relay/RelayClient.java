package dev.fieldlink.console.relay;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.auth.client.AuthInterceptor;
import dev.fieldlink.auth.client.RefreshingAuthenticator;
import dev.fieldlink.auth.client.StoredTokens;
import dev.fieldlink.auth.client.TokenStore;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.api.ChatRequest;
import dev.fieldlink.protocol.api.EndRequest;
import dev.fieldlink.protocol.api.ExtendRequest;
import dev.fieldlink.protocol.api.HealthResponse;
import dev.fieldlink.protocol.api.HistoryDetail;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.MeResponse;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.api.RefreshRequest;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.api.TokenResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's REST API, typed. Every method blocks, so call it off the EDT; each either returns the answer or
 * throws {@link RelayException}. Tokens live in the given {@link TokenStore}: {@link #login} fills it, every call
 * sends the access token, a 401 refreshes it once ({@link RefreshingAuthenticator}), {@link #logout} empties it.
 *
 * <p>Thread-safe. Calls of a view made by {@link #cancellable} stop with {@link RelayException.Failure#CANCELLED}
 * when its token is cancelled. Nothing here logs a body, a header, a password, a code or a token.
 */
public final class RelayClient {
    private static final Logger LOG = LoggerFactory.getLogger(RelayClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** The relay's largest page of machines (docs/openapi.yaml: limit, maximum 200). */
    private static final int PAGE_SIZE = 200;

    private static final int MAX_PAGES = 200;

    /** Typed settings with their defaults. */
    public record Settings(
            Duration connectTimeout, Duration readTimeout, Duration eventIdleTimeout, long maxJsonBytes) {
        public static final Settings DEFAULTS =
                new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), 16L << 20);
    }

    private final RelayAddress address;
    private final TokenStore tokens;
    private final OkHttpClient http;
    private final Settings settings;
    private final ObjectMapper json;
    private final CancelToken cancel;

    public RelayClient(RelayAddress address, RelayTls tls, TokenStore tokens) {
        this(address, tls, tokens, Settings.DEFAULTS);
    }

    public RelayClient(RelayAddress address, RelayTls tls, TokenStore tokens, Settings settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.json = Json.mapper();
        this.cancel = null;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .sslSocketFactory(tls.socketFactory(), tls.trustManager())
                .connectionSpecs(List.of(ConnectionSpec.RESTRICTED_TLS))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .followRedirects(false)
                .addInterceptor(new AuthInterceptor(tokens, address.origin()))
                .authenticator(new RefreshingAuthenticator(tokens, this::refresh));
        tls.hostnameVerifier().ifPresent(builder::hostnameVerifier);
        this.http = builder.build();
    }

    private RelayClient(RelayClient base, CancelToken cancel) {
        this.address = base.address;
        this.tokens = base.tokens;
        this.settings = base.settings;
        this.json = base.json;
        this.http = base.http;
        this.cancel = cancel;
    }

    /** A view of this client whose calls stop when {@code token} is cancelled. */
    public RelayClient cancellable(CancelToken token) {
        return new RelayClient(this, Objects.requireNonNull(token, "token"));
    }

    public RelayAddress address() {
        return address;
    }

    /** True while the store holds tokens (they may still be refused by the relay). */
    public boolean hasTokens() {
        return tokens.load().isPresent();
    }

    // --- identity ---

    /** {@code POST auth/login}; on success the tokens are stored. */
    public TokenResponse login(String username, char[] password, String totp) {
        LoginRequest body = new LoginRequest(username, new String(password), totp);
        TokenResponse answer = call(post(url("auth/login"), body), TokenResponse.class);
        if (answer.accessToken() == null || answer.refreshToken() == null) {
            throw Failures.badResponse("The relay's login answer has no tokens");
        }
        tokens.save(StoredTokens.from(answer));
        return answer;
    }

    /**
     * {@code POST auth/logout}: revokes the refresh token at the relay, then forgets the tokens. The local tokens
     * are forgotten even when the relay cannot be reached (the exception then says so).
     */
    public void logout() {
        Optional<StoredTokens> stored = tokens.load();
        try {
            if (stored.isPresent()) {
                callNoContent(
                        post(url("auth/logout"), new RefreshRequest(stored.get().refreshToken())));
            }
        } finally {
            tokens.clear();
        }
    }

    /** {@code GET me}. */
    public MeResponse me() {
        return call(get(url("me")), MeResponse.class);
    }

    // --- machines ---

    /** {@code GET machines}, all pages. */
    public List<MachineView> machines(MachineQuery query) {
        List<MachineView> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<MachineView> one = machinesPage(query, all.size(), PAGE_SIZE);
            all.addAll(one.items());
            if (one.items().isEmpty() || all.size() >= one.total()) {
                return all;
            }
        }
        throw Failures.badResponse("The relay's machine list has more than " + MAX_PAGES + " pages");
    }

    /** One page of {@code GET machines}. */
    public Page<MachineView> machinesPage(MachineQuery query, int offset, int limit) {
        HttpUrl.Builder url = url("machines").newBuilder();
        param(url, "q", query.text());
        param(url, "region", query.region());
        param(url, "productLine", query.productLine());
        param(url, "online", query.online() == null ? null : query.online().toString());
        url.addQueryParameter("offset", Integer.toString(offset));
        url.addQueryParameter("limit", Integer.toString(limit));
        return callPage(get(url.build()), MachineView.class);
    }

    /** {@code GET machines/{id}}; a machine outside the entitlement answers {@code not-found}. */
    public MachineView machine(String id) {
        return call(get(url("machines", id)), MachineView.class);
    }

    // --- sessions ---

    /** {@code POST sessions}: asks the machine's operator; the answer is in state {@code PENDING_CONSENT}. */
    public SessionView requestSession(SessionRequest request) {
        return call(post(url("sessions"), request), SessionView.class);
    }

    /** {@code GET sessions/{id}}. */
    public SessionView session(String id) {
        return call(get(url("sessions", id)), SessionView.class);
    }

    /** {@code POST sessions/{id}/ticket}: the SSH password and target for the screen. */
    public TicketResponse ticket(String id) {
        return call(post(url("sessions", id, "ticket"), null), TicketResponse.class);
    }

    /** {@code POST sessions/{id}/end}: ends an active session or withdraws a pending request. */
    public void endSession(String id, String comment) {
        callNoContent(post(url("sessions", id, "end"), new EndRequest(comment)));
    }

    /** {@code POST sessions/{id}/extend}: asks the operator for more time; the answer arrives as an event. */
    public void extendSession(String id, int additionalMinutes) {
        callNoContent(post(url("sessions", id, "extend"), new ExtendRequest(additionalMinutes)));
    }

    /** {@code POST sessions/{id}/messages}: a chat line to the operator. */
    public void sendMessage(String id, String text) {
        callNoContent(post(url("sessions", id, "messages"), new ChatRequest(text)));
    }

    /**
     * {@code GET sessions/{id}/events}: follows the session's server-sent events, reconnecting after drops, until
     * closed or the session reaches a final state.
     */
    public SessionEventStream sessionEvents(String id, SessionEventStream.Listener listener) {
        OkHttpClient streaming =
                http.newBuilder().readTimeout(settings.eventIdleTimeout()).build();
        return SessionEventStream.open(
                streaming,
                url("sessions", id, "events"),
                json,
                listener,
                SessionEventStream.Backoff.DEFAULT,
                e -> Failures.transport(address, e, false));
    }

    // --- history ---

    /** {@code GET history/sessions}: one page, newest first. */
    public Page<HistoryEntry> history(HistoryQuery query, int offset, int limit) {
        HttpUrl.Builder url = url("history/sessions").newBuilder();
        param(url, "technician", query.technician());
        param(url, "machine", query.machine());
        param(url, "customer", query.customer());
        param(url, "from", query.from() == null ? null : query.from().toString());
        param(url, "to", query.to() == null ? null : query.to().toString());
        param(url, "outcome", query.outcome() == null ? null : query.outcome().name());
        url.addQueryParameter("offset", Integer.toString(offset));
        url.addQueryParameter("limit", Integer.toString(limit));
        return callPage(get(url.build()), HistoryEntry.class);
    }

    /** {@code GET history/sessions/{id}}: the session with its audit timeline. */
    public HistoryDetail historyDetail(String id) {
        return call(get(url("history/sessions", id)), HistoryDetail.class);
    }

    /**
     * {@code GET history/sessions/{id}/recording}, written to {@code target} (replaced only once complete).
     *
     * @param progress told the bytes written so far, on the calling thread
     * @return the number of bytes written
     */
    public long downloadRecording(String id, Path target, LongConsumer progress) {
        Request request = get(url("history/sessions", id, "recording"));
        return execute(request, response -> {
            ResponseBody body = response.body();
            // A file of its own per download: two downloads of one recording must not write into the same file.
            Path partial =
                    Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".part");
            long written = 0;
            try (InputStream in = body.byteStream();
                    OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    out.write(buffer, 0, n);
                    written += n;
                    progress.accept(written);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        });
    }

    /** {@code GET /health}: answers without signing in. */
    public HealthResponse health() {
        return call(get(address.origin().resolve("/health")), HealthResponse.class);
    }

    // --- plumbing ---

    private Optional<StoredTokens> refresh(String refreshToken) throws IOException {
        Request request = post(url("auth/refresh"), new RefreshRequest(refreshToken));
        try (Response response = http.newCall(request).execute()) {
            if (response.isSuccessful()) {
                byte[] body = readBounded(response.body().source(), 64 * 1024);
                return Optional.of(StoredTokens.from(json.readValue(body, TokenResponse.class)));
            }
            if (response.code() >= 400 && response.code() < 500) {
                LOG.info("The relay refused the refresh token (HTTP {}); sign-in needed", response.code());
                return Optional.empty();
            }
            throw new IOException("The relay could not refresh the sign-in (HTTP " + response.code() + ")");
        }
    }

    private HttpUrl url(String path, String... ids) {
        HttpUrl.Builder builder = address.apiBase().newBuilder().addPathSegments(path);
        for (int i = 0; i < ids.length; i++) {
            if (i == 0) {
                builder.addPathSegment(requireId(ids[0]));
            } else {
                builder.addPathSegments(ids[i]);
            }
        }
        return builder.build();
    }

    /**
     * @throws IllegalArgumentException if {@code id} could not be a relay id (so no path tricks reach the relay)
     */
    static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a valid id: " + (id == null ? "(none)" : id));
        }
        return id;
    }

    private static void param(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value.strip());
        }
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .build();
    }

    private Request post(HttpUrl url, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + body.getClass().getSimpleName(), e);
        }
        return new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(bytes, JSON))
                .build();
    }

    private <T> T call(Request request, Class<T> type) {
        return execute(
                request, response -> parse(response, json.getTypeFactory().constructType(type)));
    }

    private void callNoContent(Request request) {
        execute(request, response -> null);
    }

    /** One {@code Page} of {@code itemType}, as every list of the relay answers (docs/openapi.yaml). */
    private <T> Page<T> callPage(Request request, Class<T> itemType) {
        return execute(request, response -> {
            JsonNode tree = json.readTree(readBounded(response.body().source(), settings.maxJsonBytes()));
            try {
                if (tree == null || !tree.isObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                JavaType pageType = json.getTypeFactory().constructParametricType(Page.class, itemType);
                return json.convertValue(tree, pageType);
            } catch (IllegalArgumentException e) {
                throw Failures.badResponse(
                        "The relay's answer to " + describe(request) + " is not a page of " + itemType.getSimpleName());
            }
        });
    }

    private <T> T parse(Response response, JavaType type) throws IOException {
        byte[] body = readBounded(response.body().source(), settings.maxJsonBytes());
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw Failures.badResponse("The relay's answer to " + describe(response.request()) + " is not a "
                    + type.getRawClass().getSimpleName());
        }
    }

    private byte[] readBounded(BufferedSource source, long limit) throws IOException {
        if (source.request(limit + 1)) {
            throw Failures.badResponse("The relay's answer is larger than " + limit + " bytes");
        }
        return source.getBuffer().readByteArray();
    }

    @FunctionalInterface
    private interface Handler<T> {
        T handle(Response response) throws IOException;
    }

    private <T> T execute(Request request, Handler<T> handler) {
        Call call = http.newCall(request);
        CancelToken.Registration registration = cancel == null ? () -> {} : cancel.onCancel(call::cancel);
        try (Response response = call.execute()) {
            LOG.debug("{} -> HTTP {}", describe(request), response.code());
            if (!response.isSuccessful()) {
                throw Failures.problem(
                        response, Failures.readAtMost(response.body().source(), 64 * 1024), json);
            }
            return handler.handle(response);
        } catch (IOException e) {
            boolean cancelled = call.isCanceled() || (cancel != null && cancel.isCancelled());
            LOG.debug("{} failed: {}", describe(request), e.toString());
            throw Failures.transport(address, e, cancelled);
        } finally {
            registration.close();
        }
    }

    private static String describe(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }

    @Override
    public String toString() {
        return "RelayClient[" + address.display() + "]";
    }
}
