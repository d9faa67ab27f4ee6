package dev.fieldlink.console.screen;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.relay.RelayException;
import dev.fieldlink.console.relay.ScreenTunnel;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbClientListener;
import dev.fieldlink.viewer.client.RfbSnapshot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens the screen of an active session: asks the relay for a ticket, opens the SSH tunnel the ticket names, and
 * speaks RFB over it. Every step blocks, so call it from a worker thread, never the EDT. The RFB handshake has a
 * deadline: when it passes, the tunnel is closed and the call fails. Stateless and thread-safe.
 */
public final class ScreenConnector {
    private final RelayClient relay;
    private final ScreenTunnel tunnel;
    private final RfbClientConfig config;
    private final Duration timeout;

    /**
     * @param timeout for each step: the SSH steps (see {@link ScreenTunnel}) and the RFB handshake
     */
    public ScreenConnector(RelayClient relay, RfbClientConfig config, Duration timeout) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.config = Objects.requireNonNull(config, "config");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tunnel = new ScreenTunnel(timeout);
    }

    /** A live screen: the RFB client and the tunnel under it. Closing closes both; it may wait up to a second. */
    public record Connection(ScreenTunnel.Screen tunnel, RfbClient client) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                tunnel.close();
            }
        }
    }

    /**
     * Connects to the screen of {@code sessionId}; {@code listener} hears the client's events on its reader thread.
     *
     * @throws RelayException from the ticket request or the tunnel
     * @throws ScreenException when the machine's RFB server did not complete the handshake in time, failed, or
     *     {@code cancel} fired during it
     */
    @SuppressWarnings("try") // the registration only scopes the cancel hook
    public Connection connect(String sessionId, RfbClientListener listener, CancelToken cancel) {
        ScreenTunnel.Screen screen = open(sessionId, cancel);
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        closeAfterDeadline(screen, done, timedOut);
        try (CancelToken.Registration r = cancel.onCancel(screen::close)) {
            RfbClient client = RfbClient.connect(screen.in(), screen.out(), config, listener);
            done.set(true);
            return new Connection(screen, client);
        } catch (IOException | RuntimeException e) {
            done.set(true);
            screen.close();
            throw failure(e, timedOut.get(), cancel, "The machine's screen did not answer");
        }
    }

    /**
     * Connects, waits for the first complete picture of the screen and disconnects. The whole wait after the tunnel
     * is open (handshake and first full update) is bounded by {@code frameTimeout}.
     *
     * @throws RelayException from the ticket request or the tunnel
     * @throws ScreenException when no complete picture arrived in time or the RFB stream failed
     */
    @SuppressWarnings("try") // the registration only scopes the cancel hook
    public BufferedImage snapshot(String sessionId, Duration frameTimeout, CancelToken cancel) {
        ScreenTunnel.Screen screen = open(sessionId, cancel);
        // RfbSnapshot bounds the handshake and the wait for the frame by the same deadline.
        try (screen;
                CancelToken.Registration r = cancel.onCancel(screen::close)) {
            return RfbSnapshot.capture(screen.in(), screen.out(), config, frameTimeout);
        } catch (IOException | RuntimeException e) {
            boolean late = e instanceof SocketTimeoutException;
            throw failure(
                    e,
                    late,
                    cancel,
                    late
                            ? "No complete picture of the machine's screen within " + frameTimeout.toSeconds() + " s"
                            : "The machine's screen connection failed");
        }
    }

    private ScreenTunnel.Screen open(String sessionId, CancelToken cancel) {
        TicketResponse ticket = relay.cancellable(cancel).ticket(sessionId);
        return tunnel.open(ticket, relay.address().host(), cancel);
    }

    private void closeAfterDeadline(ScreenTunnel.Screen screen, AtomicBoolean done, AtomicBoolean timedOut) {
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (!done.get()) {
                        timedOut.set(true);
                        screen.close();
                    }
                });
    }

    private static RuntimeException failure(Exception e, boolean late, CancelToken cancel, String what) {
        if (e instanceof RelayException relayException) {
            return relayException;
        }
        if (cancel.isCancelled()) {
            return new ScreenException(ScreenException.Reason.CANCELLED, "Cancelled", e);
        }
        if (late) {
            return new ScreenException(ScreenException.Reason.TIMEOUT, what, e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ScreenException(ScreenException.Reason.FAILED, what + ": " + detail, e);
    }
}
