package dev.fieldlink.console.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.protocol.api.SessionEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code GET sessions/{id}/events}. After a drop it reconnects with growing pauses (sending
 * {@code Last-Event-ID} when the relay numbers its events), until {@link #close()} or a {@code state} event with a
 * final state. A problem answer other than a temporary one (for example {@code not-found}) stops it for good.
 *
 * <p>The listener is called on an HTTP reader thread, one call at a time; a Swing listener hands over to the EDT.
 * Thread-safe.
 */
public final class SessionEventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionEventStream.class);

    /** What the stream tells. */
    public interface Listener {
        /** One event, in the relay's order. */
        void onEvent(SessionEvent event);

        /** The stream is connected ({@code cause} null) or dropped and will retry ({@code cause} says why). */
        default void onConnection(boolean connected, RelayException cause) {}

        /** The stream ended for good: {@code cause} is null after a final state or {@link #close()}. */
        default void onStopped(RelayException cause) {}
    }

    /** Pauses between reconnection attempts; the last one repeats. */
    public record Backoff(List<Duration> delays) {
        public static final Backoff DEFAULT = new Backoff(List.of(
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10)));

        public Backoff {
            delays = List.copyOf(delays);
            if (delays.isEmpty()) {
                throw new IllegalArgumentException("Backoff needs at least one delay");
            }
        }

        Duration after(int failures) {
            return delays.get(Math.min(failures, delays.size()) - 1);
        }
    }

    private final EventSource.Factory factory;
    private final HttpUrl url;
    private final ObjectMapper json;
    private final Listener listener;
    private final Backoff backoff;
    private final Function<IOException, RelayException> transportFailure;
    private final ScheduledExecutorService timer;

    private EventSource current;
    private String lastEventId;
    private int failures;
    private boolean stopped;

    private SessionEventStream(
            OkHttpClient http,
            HttpUrl url,
            ObjectMapper json,
            Listener listener,
            Backoff backoff,
            Function<IOException, RelayException> transportFailure) {
        this.factory = EventSources.createFactory(http);
        this.url = url;
        this.json = json;
        this.listener = listener;
        this.backoff = backoff;
        this.transportFailure = transportFailure;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "session-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    static SessionEventStream open(
            OkHttpClient http,
            HttpUrl url,
            ObjectMapper json,
            Listener listener,
            Backoff backoff,
            Function<IOException, RelayException> transportFailure) {
        SessionEventStream stream = new SessionEventStream(http, url, json, listener, backoff, transportFailure);
        stream.connect();
        return stream;
    }

    private synchronized void connect() {
        if (stopped) {
            return;
        }
        Request.Builder request = new Request.Builder().url(url);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        LOG.debug("Following {}", url.encodedPath());
        current = factory.newEventSource(request.build(), new Handler());
    }

    /** Stops following; no listener call follows except {@link Listener#onStopped} with {@code null}. */
    @Override
    public void close() {
        stop(null);
    }

    /** True once the stream ended for good. */
    public synchronized boolean isStopped() {
        return stopped;
    }

    private void stop(RelayException cause) {
        EventSource source;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            source = current;
        }
        if (source != null) {
            source.cancel();
        }
        timer.shutdownNow();
        listener.onStopped(cause);
    }

    private void retry(RelayException cause) {
        Duration delay;
        synchronized (this) {
            if (stopped) {
                return;
            }
            failures++;
            delay = backoff.after(failures);
        }
        listener.onConnection(false, cause);
        try {
            timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private synchronized boolean isCurrent(EventSource source) {
        return !stopped && source == current;
    }

    private final class Handler extends EventSourceListener {
        @Override
        public void onOpen(EventSource source, Response response) {
            if (!isCurrent(source)) {
                return;
            }
            synchronized (SessionEventStream.this) {
                failures = 0;
            }
            listener.onConnection(true, null);
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (!isCurrent(source)) {
                return;
            }
            if (id != null) {
                synchronized (SessionEventStream.this) {
                    lastEventId = id;
                }
            }
            SessionEvent event;
            try {
                event = json.readValue(data, SessionEvent.class);
            } catch (IOException e) {
                LOG.warn("Ignoring a session event of type {} that is not valid JSON", type);
                return;
            }
            LOG.debug("Session event {} ({})", type, event.state());
            listener.onEvent(event);
            if (SessionEvent.STATE.equals(event.kind())
                    && event.state() != null
                    && event.state().isFinal()) {
                stop(null);
            }
        }

        @Override
        public void onClosed(EventSource source) {
            if (isCurrent(source)) {
                retry(null);
            }
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            if (!isCurrent(source)) {
                return;
            }
            LOG.debug(
                    "Session events of {} failed: {} {}",
                    url.encodedPath(),
                    response == null ? "" : response.code(),
                    String.valueOf(t));
            if (response != null && !response.isSuccessful()) {
                RelayException problem = problemOf(response);
                if (problem.type().status() >= 500 || problem.httpStatus() == 429) {
                    retry(problem);
                } else {
                    stop(problem);
                }
                return;
            }
            if (t instanceof IOException io) {
                retry(transportFailure.apply(io));
            } else {
                stop(Failures.badResponse("The relay's session events are not an event stream"));
            }
        }

        private RelayException problemOf(Response response) {
            byte[] body;
            try {
                body = Failures.readAtMost(response.body().source(), 64 * 1024);
            } catch (IOException | RuntimeException e) {
                body = new byte[0];
            }
            return Failures.problem(response, body, json);
        }
    }
}
