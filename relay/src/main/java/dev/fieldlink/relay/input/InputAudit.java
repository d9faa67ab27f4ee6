package dev.fieldlink.relay.input;

import static dev.fieldlink.protocol.audit.AuditEventTypes.INPUT_CLICK;
import static dev.fieldlink.protocol.audit.AuditEventTypes.INPUT_CLIPBOARD;
import static dev.fieldlink.protocol.audit.AuditEventTypes.INPUT_KEYS;

import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.screen.ScreenContext;
import dev.fieldlink.relay.screen.ScreenTap;
import dev.fieldlink.relay.screen.ScreenTapFactory;
import dev.fieldlink.relay.screen.ScreenTapRefusal;
import dev.fieldlink.viewer.action.InputAction;
import dev.fieldlink.viewer.action.InputActionAggregator;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.tap.RfbStreamTap;
import dev.fieldlink.viewer.tap.TapListener;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a technician does on a machine's screen into audit events: {@code INPUT_CLICK} (clicks, double-clicks,
 * drags, scrolling), {@code INPUT_KEYS} (typed text, key combinations), {@code INPUT_CLIPBOARD}. Pointer moves make no
 * event. The RFB stream is followed through the handshake by a passive tap; the tap never changes or delays a byte.
 * Events are written on {@code writer} (one thread keeps their order) so that no database work runs on a network
 * thread.
 *
 * <p>Deny by default: input that cannot be audited is not relayed. When either direction of the stream cannot be
 * parsed (the client stream's messages, or the handshake the tap must follow to read them), the tap refuses the chunk
 * ({@link ScreenTapRefusal}), so the splice closes the channel before those bytes reach the machine; {@value #FAILED}
 * is audited with the parser's reason, and then {@code sessions} ends the session. Thread-safe.
 */
public final class InputAudit implements ScreenTapFactory {
    /** Audited when a channel's input can no longer be parsed. */
    public static final String FAILED = "INPUT_AUDIT_FAILED";

    private static final Logger LOG = LoggerFactory.getLogger(InputAudit.class);

    /** Channel close cause (and the prefix of the session's end detail) when input cannot be audited. */
    public static final String CLOSE_CAUSE = "input could not be audited";

    /** Ends a session whose input could not be audited. */
    @FunctionalInterface
    public interface SessionEnder {
        /**
         * Ends the session now (with {@code EndCause.UNAUDITABLE_INPUT}); does nothing if it is no longer live. Called
         * on the writer thread, never on a network thread.
         *
         * @param problem what could not be parsed (no secrets: RFB parser messages name fields and values only)
         */
        void end(String sessionId, String problem);
    }

    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService writer;
    private final SessionEnder sessions;
    private final Set<InputActionAggregator> open = ConcurrentHashMap.newKeySet();

    public InputAudit(AuditLog audit, Clock clock, ExecutorService writer, SessionEnder sessions) {
        this.audit = audit;
        this.clock = clock;
        this.writer = writer;
        this.sessions = sessions;
    }

    @Override
    public ScreenTap open(ScreenContext context) {
        String actor = "technician:" + context.technicianId();
        String subject = "session:" + context.sessionId();
        InputActionAggregator aggregator = new InputActionAggregator(
                clock, InputActionAggregator.DEFAULT_TYPING_PAUSE, action -> write(actor, subject, action));
        RfbStreamTap tap = RfbStreamTap.clientOnly(RfbLimits.DEFAULT, new TapListener() {
            @Override
            public void clientMessage(ClientMessage message) {
                aggregator.accept(message);
            }
        });
        open.add(aggregator);
        return new ScreenTap() {
            private String failed;

            @Override
            public synchronized void viewerToAgent(byte[] data, int offset, int length) {
                refuseIfFailed();
                try {
                    tap.clientToServer(data, offset, length);
                } catch (RfbException e) {
                    fail(e);
                }
            }

            @Override
            public synchronized void agentToViewer(byte[] data, int offset, int length) {
                refuseIfFailed();
                try {
                    tap.serverToClient(data, offset, length);
                } catch (RfbException e) {
                    fail(e);
                }
            }

            @Override
            public void closed(String cause) {
                aggregator.flush();
                open.remove(aggregator);
            }

            private void refuseIfFailed() {
                if (failed != null) {
                    throw new ScreenTapRefusal(failed);
                }
            }

            private void fail(RfbException e) {
                String problem = String.valueOf(e.getMessage());
                failed = CLOSE_CAUSE + ": " + problem;
                aggregator.flush();
                open.remove(aggregator);
                LOG.warn("input of {} cannot be audited, ending it: {}", subject, problem);
                submit(() -> audit.record(FAILED, "relay", subject, Map.of("problem", problem)));
                submit(() -> sessions.end(context.sessionId(), problem));
                throw new ScreenTapRefusal(failed);
            }
        };
    }

    /** Flushes typed text after a pause; the relay calls this about once a second. */
    public void tick() {
        for (InputActionAggregator a : open) {
            a.tick();
        }
    }

    private void write(String actor, String subject, InputAction action) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", action.describe());
        String type;
        if (action instanceof InputAction.Click c) {
            type = INPUT_CLICK;
            details.put("kind", c.count() >= 2 ? "double-click" : "click");
            details.put("button", Integer.toString(c.button()));
            details.put("x", Integer.toString(c.x()));
            details.put("y", Integer.toString(c.y()));
        } else if (action instanceof InputAction.Drag d) {
            type = INPUT_CLICK;
            details.put("kind", "drag");
            details.put("from", d.fromX() + "," + d.fromY());
            details.put("to", d.toX() + "," + d.toY());
        } else if (action instanceof InputAction.Scroll s) {
            type = INPUT_CLICK;
            details.put("kind", "scroll");
            details.put("steps", Integer.toString(s.steps()));
        } else if (action instanceof InputAction.TypedText t) {
            type = INPUT_KEYS;
            details.put("kind", "text");
            details.put("text", t.text());
        } else if (action instanceof InputAction.KeyCombo k) {
            type = INPUT_KEYS;
            details.put("kind", "combo");
            details.put("combo", k.combo());
        } else if (action instanceof InputAction.ClipboardTransfer c) {
            type = INPUT_CLIPBOARD;
            details.put("length", Integer.toString(c.length()));
            details.put("preview", c.preview());
        } else {
            type = INPUT_KEYS;
        }
        details.put("at", action.at().toString());
        submit(() -> audit.record(type, actor, subject, details));
    }

    private void submit(Runnable r) {
        try {
            writer.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.error("input audit event could not be stored: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("input audit event dropped: the relay is stopping");
        }
    }
}
