package dev.fieldlink.viewer.swing;

import dev.fieldlink.viewer.rfb.Keysyms;
import java.awt.event.KeyEvent;

/**
 * Maps AWT key events to X11 keysyms: named keys by key code (left/right modifiers by location, numpad keys),
 * everything that types a character by that character (so AltGr combinations and non-ASCII letters arrive as the
 * character they produce), Ctrl+letter by the letter. Stateless and thread-safe.
 */
public final class KeyMapper {
    private KeyMapper() {}

    /** The keysym for a KEY_PRESSED or KEY_RELEASED event, or 0 when the key types nothing we can name. */
    public static int keysym(KeyEvent e) {
        int code = e.getKeyCode();
        boolean right = e.getKeyLocation() == KeyEvent.KEY_LOCATION_RIGHT;
        boolean numpad = e.getKeyLocation() == KeyEvent.KEY_LOCATION_NUMPAD;
        switch (code) {
            case KeyEvent.VK_BACK_SPACE:
                return Keysyms.BACKSPACE;
            case KeyEvent.VK_TAB:
                return Keysyms.TAB;
            case KeyEvent.VK_ENTER:
                return numpad ? Keysyms.KP_ENTER : Keysyms.RETURN;
            case KeyEvent.VK_ESCAPE:
                return Keysyms.ESCAPE;
            case KeyEvent.VK_DELETE:
                return Keysyms.DELETE;
            case KeyEvent.VK_HOME:
                return Keysyms.HOME;
            case KeyEvent.VK_END:
                return Keysyms.END;
            case KeyEvent.VK_PAGE_UP:
                return Keysyms.PAGE_UP;
            case KeyEvent.VK_PAGE_DOWN:
                return Keysyms.PAGE_DOWN;
            case KeyEvent.VK_LEFT:
            case KeyEvent.VK_KP_LEFT:
                return Keysyms.LEFT;
            case KeyEvent.VK_RIGHT:
            case KeyEvent.VK_KP_RIGHT:
                return Keysyms.RIGHT;
            case KeyEvent.VK_UP:
            case KeyEvent.VK_KP_UP:
                return Keysyms.UP;
            case KeyEvent.VK_DOWN:
            case KeyEvent.VK_KP_DOWN:
                return Keysyms.DOWN;
            case KeyEvent.VK_INSERT:
                return Keysyms.INSERT;
            case KeyEvent.VK_SHIFT:
                return right ? Keysyms.SHIFT_R : Keysyms.SHIFT_L;
            case KeyEvent.VK_CONTROL:
                return right ? Keysyms.CONTROL_R : Keysyms.CONTROL_L;
            case KeyEvent.VK_ALT:
                return right ? Keysyms.ALT_R : Keysyms.ALT_L;
            case KeyEvent.VK_ALT_GRAPH:
                return Keysyms.ISO_LEVEL3_SHIFT;
            case KeyEvent.VK_META:
                return right ? Keysyms.META_R : Keysyms.META_L;
            case KeyEvent.VK_WINDOWS:
                return right ? Keysyms.SUPER_R : Keysyms.SUPER_L;
            case KeyEvent.VK_CAPS_LOCK:
                return Keysyms.CAPS_LOCK;
            case KeyEvent.VK_NUM_LOCK:
                return Keysyms.NUM_LOCK;
            case KeyEvent.VK_SCROLL_LOCK:
                return Keysyms.SCROLL_LOCK;
            case KeyEvent.VK_PAUSE:
                return Keysyms.PAUSE;
            case KeyEvent.VK_PRINTSCREEN:
                return Keysyms.PRINT;
            case KeyEvent.VK_CONTEXT_MENU:
                return Keysyms.MENU;
            default:
                break;
        }
        if (code >= KeyEvent.VK_F1 && code <= KeyEvent.VK_F12) {
            return Keysyms.function(code - KeyEvent.VK_F1 + 1);
        }
        if (code >= KeyEvent.VK_F13 && code <= KeyEvent.VK_F24) {
            return Keysyms.function(code - KeyEvent.VK_F13 + 13);
        }
        if (numpad && code >= KeyEvent.VK_NUMPAD0 && code <= KeyEvent.VK_NUMPAD9) {
            return 0xFFB0 + code - KeyEvent.VK_NUMPAD0;
        }
        char c = e.getKeyChar();
        if (c != KeyEvent.CHAR_UNDEFINED && (c >= 0x20 && c != 0x7F)) {
            return Keysyms.fromCodePoint(c);
        }
        // Ctrl+letter delivers a control character; Alt+letter may deliver none: name the key itself.
        if (code >= KeyEvent.VK_A && code <= KeyEvent.VK_Z) {
            return (e.isShiftDown() ? 'A' : 'a') + code - KeyEvent.VK_A;
        }
        if (code >= KeyEvent.VK_0 && code <= KeyEvent.VK_9) {
            return '0' + code - KeyEvent.VK_0;
        }
        if (code == KeyEvent.VK_SPACE) {
            return ' ';
        }
        return 0;
    }
}
