package dev.fieldlink.viewer.rfb;

import java.util.Map;

/** X11 keysyms as RFB KeyEvents carry them: constants, names, and mapping to and from Unicode text. */
public final class Keysyms {
    public static final int BACKSPACE = 0xFF08;
    public static final int TAB = 0xFF09;
    public static final int RETURN = 0xFF0D;
    public static final int PAUSE = 0xFF13;
    public static final int SCROLL_LOCK = 0xFF14;
    public static final int SYS_REQ = 0xFF15;
    public static final int ESCAPE = 0xFF1B;
    public static final int HOME = 0xFF50;
    public static final int LEFT = 0xFF51;
    public static final int UP = 0xFF52;
    public static final int RIGHT = 0xFF53;
    public static final int DOWN = 0xFF54;
    public static final int PAGE_UP = 0xFF55;
    public static final int PAGE_DOWN = 0xFF56;
    public static final int END = 0xFF57;
    public static final int PRINT = 0xFF61;
    public static final int INSERT = 0xFF63;
    public static final int MENU = 0xFF67;
    public static final int MODE_SWITCH = 0xFF7E;
    public static final int NUM_LOCK = 0xFF7F;
    public static final int KP_ENTER = 0xFF8D;
    public static final int F1 = 0xFFBE;
    public static final int SHIFT_L = 0xFFE1;
    public static final int SHIFT_R = 0xFFE2;
    public static final int CONTROL_L = 0xFFE3;
    public static final int CONTROL_R = 0xFFE4;
    public static final int CAPS_LOCK = 0xFFE5;
    public static final int META_L = 0xFFE7;
    public static final int META_R = 0xFFE8;
    public static final int ALT_L = 0xFFE9;
    public static final int ALT_R = 0xFFEA;
    public static final int SUPER_L = 0xFFEB;
    public static final int SUPER_R = 0xFFEC;
    public static final int DELETE = 0xFFFF;
    public static final int ISO_LEVEL3_SHIFT = 0xFE03;
    public static final int EURO_SIGN = 0x20AC;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(BACKSPACE, "BackSpace"),
            Map.entry(TAB, "Tab"),
            Map.entry(RETURN, "Enter"),
            Map.entry(PAUSE, "Pause"),
            Map.entry(SCROLL_LOCK, "ScrollLock"),
            Map.entry(SYS_REQ, "SysRq"),
            Map.entry(ESCAPE, "Esc"),
            Map.entry(HOME, "Home"),
            Map.entry(LEFT, "Left"),
            Map.entry(UP, "Up"),
            Map.entry(RIGHT, "Right"),
            Map.entry(DOWN, "Down"),
            Map.entry(PAGE_UP, "PageUp"),
            Map.entry(PAGE_DOWN, "PageDown"),
            Map.entry(END, "End"),
            Map.entry(PRINT, "Print"),
            Map.entry(INSERT, "Insert"),
            Map.entry(MENU, "Menu"),
            Map.entry(NUM_LOCK, "NumLock"),
            Map.entry(KP_ENTER, "Enter"),
            Map.entry(CAPS_LOCK, "CapsLock"),
            Map.entry(DELETE, "Delete"),
            Map.entry(0xFF9F, "Delete"),
            Map.entry(0x20, "Space"));

    private Keysyms() {}

    /** The keysym of function key F{@code n} (1-35). */
    public static int function(int n) {
        return F1 + n - 1;
    }

    /** Shift, Control, Alt, Meta, Super, AltGr, Caps/Num Lock. */
    public static boolean isModifier(int keysym) {
        return (keysym >= SHIFT_L && keysym <= SUPER_R + 2)
                || keysym == ISO_LEVEL3_SHIFT
                || keysym == MODE_SWITCH
                || keysym == NUM_LOCK;
    }

    /**
     * The Unicode code point a keysym types, or -1 for keys that do not type text (functions, navigation,
     * modifiers, Return, Tab).
     */
    public static int toCodePoint(int keysym) {
        if ((keysym >= 0x20 && keysym <= 0x7E) || (keysym >= 0xA0 && keysym <= 0xFF)) {
            return keysym;
        }
        if ((keysym & 0xFF000000) == 0x01000000) {
            int cp = keysym & 0x00FFFFFF;
            return cp >= 0x20 && cp <= 0x10FFFF && !Character.isISOControl(cp) ? cp : -1;
        }
        if (keysym == EURO_SIGN) {
            return 0x20AC;
        }
        if (keysym >= 0xFFB0 && keysym <= 0xFFB9) {
            return '0' + keysym - 0xFFB0;
        }
        switch (keysym) {
            case 0xFF80:
                return ' ';
            case 0xFFAA:
                return '*';
            case 0xFFAB:
                return '+';
            case 0xFFAC:
                return ',';
            case 0xFFAD:
                return '-';
            case 0xFFAE:
                return '.';
            case 0xFFAF:
                return '/';
            case 0xFFBD:
                return '=';
            default:
                return -1;
        }
    }

    /** The keysym for typing a code point: Latin-1 directly, everything else as a Unicode keysym. */
    public static int fromCodePoint(int cp) {
        if ((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xFF)) {
            return cp;
        }
        return 0x01000000 | cp;
    }

    /** A short readable name: "Enter", "F5", "a", "U+20AC" style fallbacks for unknown keysyms. */
    public static String name(int keysym) {
        String n = NAMES.get(keysym);
        if (n != null) {
            return n;
        }
        if (keysym >= F1 && keysym < F1 + 35) {
            return "F" + (keysym - F1 + 1);
        }
        String mod = modifierName(keysym);
        if (mod != null) {
            return mod;
        }
        int cp = toCodePoint(keysym);
        if (cp >= 0) {
            return new String(Character.toChars(Character.toUpperCase(cp)));
        }
        return String.format("0x%04x", keysym);
    }

    /** "Shift", "Ctrl", "Alt", "Super", "AltGr" for modifier keysyms, else null. */
    public static String modifierName(int keysym) {
        switch (keysym) {
            case SHIFT_L:
            case SHIFT_R:
                return "Shift";
            case CONTROL_L:
            case CONTROL_R:
                return "Ctrl";
            case ALT_L:
            case ALT_R:
            case META_L:
            case META_R:
                return "Alt";
            case SUPER_L:
            case SUPER_R:
                return "Super";
            case ISO_LEVEL3_SHIFT:
            case MODE_SWITCH:
                return "AltGr";
            case CAPS_LOCK:
                return "CapsLock";
            case NUM_LOCK:
                return "NumLock";
            default:
                return null;
        }
    }
}
