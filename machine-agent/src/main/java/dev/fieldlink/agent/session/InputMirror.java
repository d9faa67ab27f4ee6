package dev.fieldlink.agent.session;

import dev.fieldlink.agent.screen.AgentScreen;
import dev.fieldlink.viewer.action.InputAction;
import dev.fieldlink.viewer.action.InputActionAggregator;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import java.time.Clock;
import java.time.Duration;

/**
 * Shows the operator what the technician does: the technician's input (as the RFB server or the vnc-proxy tap
 * receives it) goes through the session-viewer's {@link InputActionAggregator} (clicks, drags, scrolling, typed text
 * until a pause, key combinations, clipboard), and each action becomes an {@link ActionEntry} for the feed and the
 * audit log. Clicks are named by the control under the pointer where the screen knows it ({@code Diagnostics >
 * Sensors} on the simulated HMI). Pointer moves are passed on to draw the pointer; they are not entries.
 *
 * <p>Feed input here before the screen acts on it, so that a click is named by the control it hit, not by the page it
 * opened. Thread-safe.
 */
public final class InputMirror {
    /** Typed text is shown as one entry once typing pauses this long. */
    public static final Duration TYPING_PAUSE = InputActionAggregator.DEFAULT_TYPING_PAUSE;

    private final AgentScreen screen;
    private final SessionController sessions;
    private final InputActionAggregator aggregator;

    /**
     * @param screen names controls under the pointer; null when the source cannot (vnc-proxy)
     */
    public InputMirror(AgentScreen screen, SessionController sessions, Clock clock) {
        this.screen = screen;
        this.sessions = sessions;
        this.aggregator = new InputActionAggregator(clock, TYPING_PAUSE, this::show);
    }

    public void pointer(int x, int y, int buttonMask) {
        sessions.pointerMoved(x, y);
        aggregator.accept(new ClientMessage.PointerEvent(buttonMask, x, y));
    }

    public void key(int keysym, boolean down) {
        aggregator.accept(new ClientMessage.KeyEvent(down, keysym));
    }

    public void cutText(String text) {
        aggregator.accept(new ClientMessage.ClientCutText(text, -1));
    }

    /** A parsed client message (vnc-proxy tap); only input messages matter. */
    public void accept(ClientMessage message) {
        if (message instanceof ClientMessage.PointerEvent p) {
            sessions.pointerMoved(p.x(), p.y());
        }
        aggregator.accept(message);
    }

    /** Shows typed text once typing has paused; call with the controller's tick. */
    public void tick() {
        aggregator.tick();
    }

    /** Shows what is pending (at the end of a screen connection). */
    public void flush() {
        aggregator.flush();
    }

    /** The entry's text is the audit log's wording (English); the panel words the feed line from the action. */
    private void show(InputAction action) {
        ActionEntry entry;
        if (action instanceof InputAction.Click c) {
            String control = control(c.x(), c.y());
            String button = c.button() == 1 ? "" : c.button() == 3 ? " (right button)" : " (middle button)";
            String text = "(" + c.x() + ", " + c.y() + ")" + (control == null ? "" : " " + control) + button
                    + (c.count() >= 2 ? " (double)" : "");
            entry = new ActionEntry(c.at(), ActionEntry.Kind.CLICK, text, c.x(), c.y(), control, c);
        } else if (action instanceof InputAction.Drag d) {
            entry = new ActionEntry(
                    d.at(),
                    ActionEntry.Kind.CLICK,
                    "drag (" + d.fromX() + ", " + d.fromY() + ") to (" + d.toX() + ", " + d.toY() + ")",
                    d.toX(),
                    d.toY(),
                    control(d.fromX(), d.fromY()),
                    d);
        } else if (action instanceof InputAction.Scroll s) {
            entry = new ActionEntry(
                    s.at(), ActionEntry.Kind.CLICK, s.describe(), s.x(), s.y(), control(s.x(), s.y()), s);
        } else if (action instanceof InputAction.TypedText t) {
            entry = new ActionEntry(t.at(), ActionEntry.Kind.TEXT, t.text(), -1, -1, null, t);
        } else if (action instanceof InputAction.KeyCombo k) {
            entry = new ActionEntry(k.at(), ActionEntry.Kind.KEY_COMBO, k.combo(), -1, -1, null, k);
        } else if (action instanceof InputAction.ClipboardTransfer c) {
            entry = new ActionEntry(
                    c.at(), ActionEntry.Kind.CLIPBOARD, c.length() + " characters: " + c.preview(), -1, -1, null, c);
        } else {
            entry = new ActionEntry(action.at(), ActionEntry.Kind.CLICK, action.describe(), -1, -1, null, action);
        }
        sessions.action(entry);
    }

    private String control(int x, int y) {
        return screen == null ? null : screen.controlAt(x, y).orElse(null);
    }
}
