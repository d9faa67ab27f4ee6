package dev.fieldlink.agent.screen.simulated;

import java.awt.Color;
import java.awt.Font;

/**
 * Colours and fonts of the simulated machine panel. The HMI is a picture of a machine's screen, not part of our
 * Swing UI, so it has its own fixed palette (industrial HMI style) rather than FlatLaf's.
 */
final class Palette {
    private Palette() {}

    static final Color HEADER = new Color(0x1f2a36);
    static final Color HEADER_TEXT = new Color(0xe8edf2);
    static final Color HEADER_MUTED = new Color(0x9fb0c2);
    static final Color NAV = new Color(0x2b3846);
    static final Color NAV_ACTIVE = new Color(0x3d7cc9);
    static final Color NAV_TEXT = new Color(0xdce4ec);
    static final Color CONTENT = new Color(0xe6eaee);
    static final Color CARD = Color.WHITE;
    static final Color CARD_BORDER = new Color(0xc9d1d9);
    static final Color TEXT = new Color(0x1c2530);
    static final Color MUTED = new Color(0x5d6b7a);
    static final Color RUNNING = new Color(0x2e9d4f);
    static final Color IDLE = new Color(0xd19a1c);
    static final Color FAULT = new Color(0xd13b30);
    static final Color ACCENT = new Color(0x3d7cc9);
    static final Color BUTTON = new Color(0xf3f5f7);
    static final Color ROW_ALT = new Color(0xf5f7f9);
    static final Color FOOTER = new Color(0x16202a);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font BODY_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font BIG = new Font(Font.SANS_SERIF, Font.BOLD, 40);
    static final Font VALUE = new Font(Font.MONOSPACED, Font.BOLD, 18);
    static final Font NAV_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
}
