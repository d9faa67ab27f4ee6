package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.session.ActionEntry;
import dev.fieldlink.viewer.action.InputAction;
import java.util.Locale;

/**
 * Words a line of the action feed in the panel's language from the technician's input action ({@code feed.*} texts).
 * Coordinates are passed as text so that they never get a thousands separator. Thread-safe.
 */
final class FeedWording {
    private final Messages text;

    FeedWording(Messages text) {
        this.text = text;
    }

    String line(ActionEntry e) {
        InputAction action = e.action();
        if (action instanceof InputAction.Click c) {
            String key = c.button() == 3 ? "feed.click.right" : c.button() == 2 ? "feed.click.middle" : "feed.click";
            return text.get(key, where(c.x(), c.y(), e.control()), c.count());
        }
        if (action instanceof InputAction.Drag d) {
            return text.get("feed.drag", where(d.fromX(), d.fromY(), e.control()), where(d.toX(), d.toY(), null));
        }
        if (action instanceof InputAction.Scroll s) {
            return text.get(
                    "feed.scroll." + s.direction().name().toLowerCase(Locale.ROOT),
                    s.steps(),
                    where(s.x(), s.y(), e.control()));
        }
        if (action instanceof InputAction.ClipboardTransfer c) {
            return text.get("feed.clipboard", c.length(), c.preview());
        }
        return text.get("feed." + e.kind().name(), e.text());
    }

    private static String where(int x, int y, String control) {
        return "(" + x + ", " + y + ")" + (control == null ? "" : " " + control);
    }
}
