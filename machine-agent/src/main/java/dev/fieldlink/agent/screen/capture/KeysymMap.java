package dev.fieldlink.agent.screen.capture;

import java.awt.event.KeyEvent;

/** X11 keysyms (as RFB carries them) to AWT key codes for {@link java.awt.Robot}; US layout for printable keys. */
final class KeysymMap {
    private KeysymMap() {}

    /** The key code, or 0 when there is none. */
    static int keyCode(int keysym) {
        if (keysym >= 'a' && keysym <= 'z') {
            return KeyEvent.VK_A + (keysym - 'a');
        }
        if (keysym >= 'A' && keysym <= 'Z') {
            return KeyEvent.VK_A + (keysym - 'A');
        }
        if (keysym >= '0' && keysym <= '9') {
            return KeyEvent.VK_0 + (keysym - '0');
        }
        if (keysym >= 0xffbe && keysym <= 0xffc9) {
            return KeyEvent.VK_F1 + (keysym - 0xffbe);
        }
        return switch (keysym) {
            case ' ' -> KeyEvent.VK_SPACE;
            case '-' -> KeyEvent.VK_MINUS;
            case '=' -> KeyEvent.VK_EQUALS;
            case ',' -> KeyEvent.VK_COMMA;
            case '.' -> KeyEvent.VK_PERIOD;
            case '/' -> KeyEvent.VK_SLASH;
            case ';' -> KeyEvent.VK_SEMICOLON;
            case '\'' -> KeyEvent.VK_QUOTE;
            case '[' -> KeyEvent.VK_OPEN_BRACKET;
            case ']' -> KeyEvent.VK_CLOSE_BRACKET;
            case '\\' -> KeyEvent.VK_BACK_SLASH;
            case 0xff08 -> KeyEvent.VK_BACK_SPACE;
            case 0xff09 -> KeyEvent.VK_TAB;
            case 0xff0d -> KeyEvent.VK_ENTER;
            case 0xff1b -> KeyEvent.VK_ESCAPE;
            case 0xffff -> KeyEvent.VK_DELETE;
            case 0xff50 -> KeyEvent.VK_HOME;
            case 0xff57 -> KeyEvent.VK_END;
            case 0xff51 -> KeyEvent.VK_LEFT;
            case 0xff52 -> KeyEvent.VK_UP;
            case 0xff53 -> KeyEvent.VK_RIGHT;
            case 0xff54 -> KeyEvent.VK_DOWN;
            case 0xff55 -> KeyEvent.VK_PAGE_UP;
            case 0xff56 -> KeyEvent.VK_PAGE_DOWN;
            case 0xffe1, 0xffe2 -> KeyEvent.VK_SHIFT;
            case 0xffe3, 0xffe4 -> KeyEvent.VK_CONTROL;
            case 0xffe9, 0xffea -> KeyEvent.VK_ALT;
            case 0xffeb, 0xffec -> KeyEvent.VK_WINDOWS;
            default -> 0;
        };
    }
}
