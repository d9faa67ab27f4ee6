package dev.fieldlink.viewer.action;

import dev.fieldlink.viewer.rfb.Keysyms;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Aggregates raw client input into {@link InputAction}s. Pointer moves produce nothing; a press and release make a
 * click (or double-click, or drag); wheel steps in one direction are summed; printable keys are collected into typed
 * text until a pause, a non-text key, a click, a scroll or clipboard; non-text keys with the held modifiers become key
 * combinations.
 *
 * <p>Time comes from the injected clock. Call {@link #tick()} now and then (e.g. once a second) to flush typed text
 * after an idle pause, and {@link #flush()} at session end. Thread-safe (synchronized); the sink is called under the
 * lock, so it must not call back.
 */
public final class InputActionAggregator {
    /** Typed text is flushed after this long without a key. */
    public static final Duration DEFAULT_TYPING_PAUSE = Duration.ofMillis(1500);

    static final int DRAG_THRESHOLD = 6;
    static final int DOUBLE_CLICK_DISTANCE = 4;
    static final Duration DOUBLE_CLICK_TIME = Duration.ofMillis(500);
    static final int MAX_TEXT = 200;
    static final int PREVIEW = 40;

    private final Clock clock;
    private final Duration pause;
    private final Consumer<InputAction> sink;

    private int mask;
    private int px;
    private int py;
    private final int[] pressX = new int[3];
    private final int[] pressY = new int[3];
    private final Instant[] pressAt = new Instant[3];
    private InputAction.Click lastClick;

    private InputAction.Direction scrollDir;
    private int scrollSteps;
    private Instant scrollAt;
    private Instant scrollLast;
    private int scrollX;
    private int scrollY;

    private final StringBuilder text = new StringBuilder();
    private Instant textAt;
    private Instant lastKeyAt;
    private boolean ctrl;
    private boolean alt;
    private boolean shift;
    private boolean superKey;
    private boolean altGr;

    public InputActionAggregator(Clock clock, Duration typingPause, Consumer<InputAction> sink) {
        this.clock = clock;
        this.pause = typingPause;
        this.sink = sink;
    }

    /** Takes one client message; messages other than input are ignored. */
    public synchronized void accept(ClientMessage m) {
        Instant now = clock.instant();
        tick(now);
        if (m instanceof ClientMessage.PointerEvent p) {
            pointer(now, p.buttonMask(), p.x(), p.y());
        } else if (m instanceof ClientMessage.KeyEvent k) {
            key(now, k.down(), k.keysym());
        } else if (m instanceof ClientMessage.QemuKeyEvent q) {
            key(now, q.down(), q.keysym());
        } else if (m instanceof ClientMessage.ClientCutText c) {
            flushText();
            flushScroll();
            if (c.isExtended()) {
                sink.accept(new InputAction.ClipboardTransfer(now, c.extendedLength(), ""));
            } else {
                sink.accept(new InputAction.ClipboardTransfer(now, c.text().length(), preview(c.text())));
            }
        }
    }

    /** Flushes typed text and scrolling idle for the typing pause, judged by the clock. */
    public synchronized void tick() {
        tick(clock.instant());
    }

    private void tick(Instant now) {
        if (text.length() > 0 && !now.isBefore(lastKeyAt.plus(pause))) {
            flushText();
        }
        if (scrollSteps > 0 && !now.isBefore(scrollLast.plus(pause))) {
            flushScroll();
        }
    }

    /** Emits whatever is pending (typed text, scroll steps). */
    public synchronized void flush() {
        flushText();
        flushScroll();
    }

    private void pointer(Instant now, int newMask, int x, int y) {
        int pressed = newMask & ~mask;
        int released = mask & ~newMask;
        mask = newMask;
        px = x;
        py = y;
        for (int bit = 3; bit <= 6; bit++) {
            if ((pressed & (1 << bit)) != 0) {
                scroll(
                        now,
                        bit == 3
                                ? InputAction.Direction.UP
                                : bit == 4
                                        ? InputAction.Direction.DOWN
                                        : bit == 5 ? InputAction.Direction.LEFT : InputAction.Direction.RIGHT,
                        x,
                        y);
            }
        }
        for (int b = 0; b < 3; b++) {
            if ((pressed & (1 << b)) != 0) {
                flushText();
                flushScroll();
                pressX[b] = x;
                pressY[b] = y;
                pressAt[b] = now;
            }
            if ((released & (1 << b)) != 0 && pressAt[b] != null) {
                release(b, x, y);
            }
        }
    }

    private void release(int b, int x, int y) {
        int button = b + 1;
        Instant at = pressAt[b];
        pressAt[b] = null;
        if (Math.abs(x - pressX[b]) > DRAG_THRESHOLD || Math.abs(y - pressY[b]) > DRAG_THRESHOLD) {
            lastClick = null;
            sink.accept(new InputAction.Drag(at, button, pressX[b], pressY[b], x, y));
            return;
        }
        int count = 1;
        if (lastClick != null
                && lastClick.button() == button
                && !at.isAfter(lastClick.at().plus(DOUBLE_CLICK_TIME))
                && Math.abs(lastClick.x() - pressX[b]) <= DOUBLE_CLICK_DISTANCE
                && Math.abs(lastClick.y() - pressY[b]) <= DOUBLE_CLICK_DISTANCE) {
            count = lastClick.count() + 1;
        }
        InputAction.Click click = new InputAction.Click(at, button, pressX[b], pressY[b], count);
        lastClick = click;
        sink.accept(click);
    }

    private void scroll(Instant now, InputAction.Direction dir, int x, int y) {
        flushText();
        if (scrollSteps > 0 && scrollDir != dir) {
            flushScroll();
        }
        if (scrollSteps == 0) {
            scrollDir = dir;
            scrollAt = now;
            scrollX = x;
            scrollY = y;
        }
        scrollSteps++;
        scrollLast = now;
    }

    private void key(Instant now, boolean down, int keysym) {
        String mod = Keysyms.modifierName(keysym);
        if (mod != null) {
            boolean held = down;
            switch (mod) {
                case "Ctrl":
                    ctrl = held;
                    break;
                case "Alt":
                    alt = held;
                    break;
                case "Shift":
                    shift = held;
                    break;
                case "Super":
                    superKey = held;
                    break;
                case "AltGr":
                    altGr = held;
                    break;
                default:
                    break;
            }
            return;
        }
        if (!down) {
            return;
        }
        flushScroll();
        int cp = Keysyms.toCodePoint(keysym);
        if (cp >= 0 && !ctrl && !alt && !superKey) {
            if (text.length() == 0) {
                textAt = now;
            }
            text.appendCodePoint(cp);
            lastKeyAt = now;
            if (text.length() >= MAX_TEXT) {
                flushText();
            }
            return;
        }
        flushText();
        StringBuilder combo = new StringBuilder();
        if (ctrl) {
            combo.append("Ctrl+");
        }
        if (alt) {
            combo.append("Alt+");
        }
        if (altGr) {
            combo.append("AltGr+");
        }
        if (shift) {
            combo.append("Shift+");
        }
        if (superKey) {
            combo.append("Super+");
        }
        combo.append(Keysyms.name(keysym));
        sink.accept(new InputAction.KeyCombo(now, combo.toString()));
    }

    private void flushText() {
        if (text.length() > 0) {
            sink.accept(new InputAction.TypedText(textAt, text.toString()));
            text.setLength(0);
        }
    }

    private void flushScroll() {
        if (scrollSteps > 0) {
            sink.accept(new InputAction.Scroll(scrollAt, scrollDir, scrollSteps, scrollX, scrollY));
            scrollSteps = 0;
        }
    }

    static String preview(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < PREVIEW; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        if (s.length() > PREVIEW) {
            b.append('…');
        }
        return b.toString();
    }

    /** Last known pointer position (for drawing the technician's pointer). */
    public synchronized int[] pointerPosition() {
        return new int[] {px, py};
    }
}
