package dev.fieldlink.viewer.action;

import java.time.Instant;

/** A human-level input action. {@code at} is when it started. */
public sealed interface InputAction {
    Instant at();

    /** Readable one-line description, English, for logs and audit details. */
    String describe();

    /** A button press and release without moving. Button 1 left, 2 middle, 3 right; {@code count} 2 = double-click. */
    record Click(Instant at, int button, int x, int y, int count) implements InputAction {
        @Override
        public String describe() {
            String b = button == 1 ? "left" : button == 2 ? "middle" : "right";
            return (count >= 2 ? "double-click " : "click ") + b + " at " + x + "," + y;
        }
    }

    /** A button pressed at one place and released at another. */
    record Drag(Instant at, int button, int fromX, int fromY, int toX, int toY) implements InputAction {
        @Override
        public String describe() {
            return "drag from " + fromX + "," + fromY + " to " + toX + "," + toY;
        }
    }

    /** Wheel steps in one direction. */
    record Scroll(Instant at, Direction direction, int steps, int x, int y) implements InputAction {
        @Override
        public String describe() {
            return "scroll " + direction.name().toLowerCase(java.util.Locale.ROOT) + " x" + steps + " at " + x + ","
                    + y;
        }
    }

    /** Printable characters typed in a row. */
    record TypedText(Instant at, String text) implements InputAction {
        @Override
        public String describe() {
            return "typed \"" + text + "\"";
        }
    }

    /** A non-text key, possibly with modifiers: "Enter", "F5", "Ctrl+C", "Ctrl+Alt+Delete". */
    record KeyCombo(Instant at, String combo) implements InputAction {
        @Override
        public String describe() {
            return "key " + combo;
        }
    }

    /** Clipboard text sent to the machine: its length in characters and a short preview. */
    record ClipboardTransfer(Instant at, int length, String preview) implements InputAction {
        @Override
        public String describe() {
            return "clipboard " + length + " chars \"" + preview + "\"";
        }
    }

    /** Scroll direction. */
    enum Direction {
        UP,
        DOWN,
        LEFT,
        RIGHT
    }
}
