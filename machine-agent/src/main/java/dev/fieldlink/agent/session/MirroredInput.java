package dev.fieldlink.agent.session;

import dev.fieldlink.agent.screen.AgentScreen;

/**
 * The technician's input as the RFB server delivers it: first shown to the operator (the mirror sees which control
 * a click hits before the click changes the screen), then applied to the screen.
 */
public final class MirroredInput {
    private final InputMirror mirror;
    private final AgentScreen screen;

    public MirroredInput(InputMirror mirror, AgentScreen screen) {
        this.mirror = mirror;
        this.screen = screen;
    }

    public void pointer(int x, int y, int buttonMask) {
        mirror.pointer(x, y, buttonMask);
        screen.pointer(x, y, buttonMask);
    }

    public void key(int keysym, boolean down) {
        mirror.key(keysym, down);
        screen.key(keysym, down);
    }

    public void cutText(String text) {
        mirror.cutText(text);
        screen.cutText(text);
    }
}
