package dev.fieldlink.agent.session;

import dev.fieldlink.viewer.action.InputAction;
import java.time.Instant;

/**
 * One line of the operator's action feed: what the technician did, when.
 *
 * @param kind what sort of action
 * @param text a short description without the kind, e.g. {@code (412, 388) Diagnostics > Sensors} or the typed text
 * @param x pointer x for clicks, else -1
 * @param y pointer y for clicks, else -1
 * @param control the clicked control's name if the screen knows it, else null
 * @param action the technician's input this line stands for, so that the panel can word it in its own language;
 *     null for lines that are not input (viewing, chat)
 */
public record ActionEntry(Instant at, Kind kind, String text, int x, int y, String control, InputAction action) {
    /** A line that stands for no input action. */
    public ActionEntry(Instant at, Kind kind, String text, int x, int y, String control) {
        this(at, kind, text, x, y, control, null);
    }

    /** Kinds of feed lines. */
    public enum Kind {
        CLICK,
        TEXT,
        KEY_COMBO,
        CLIPBOARD,
        /** The technician's viewer connected: "the technician sees this screen". */
        VIEWING,
        CHAT
    }
}
