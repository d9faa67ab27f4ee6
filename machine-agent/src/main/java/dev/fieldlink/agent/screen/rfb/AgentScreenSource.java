package dev.fieldlink.agent.screen.rfb;

import dev.fieldlink.agent.screen.AgentScreen;
import dev.fieldlink.agent.session.MirroredInput;
import dev.fieldlink.viewer.server.ScreenListener;
import dev.fieldlink.viewer.server.ScreenSource;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link AgentScreen} as the RFB server's {@link ScreenSource}: pixels and damage pass through; input goes through
 * the operator's mirror to the screen. Thread-safe.
 */
public final class AgentScreenSource implements ScreenSource {
    private final AgentScreen screen;
    private final MirroredInput input;
    private final Map<ScreenListener, AgentScreen.DamageListener> listeners = new ConcurrentHashMap<>();

    public AgentScreenSource(AgentScreen screen, MirroredInput input) {
        this.screen = screen;
        this.input = input;
    }

    @Override
    public int width() {
        return screen.width();
    }

    @Override
    public int height() {
        return screen.height();
    }

    @Override
    public void readPixels(int x, int y, int w, int h, int[] dst, int dstOffset, int dstStride) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(screen.width(), x + w);
        int y1 = Math.min(screen.height(), y + h);
        if (x0 != x || y0 != y || x1 != x + w || y1 != y + h) {
            for (int row = 0; row < h; row++) {
                Arrays.fill(dst, dstOffset + row * dstStride, dstOffset + row * dstStride + w, 0xff000000);
            }
        }
        if (x1 > x0 && y1 > y0) {
            screen.copyPixels(x0, y0, x1 - x0, y1 - y0, dst, dstOffset + (y0 - y) * dstStride + (x0 - x), dstStride);
            for (int row = 0; row < y1 - y0; row++) {
                int start = dstOffset + (y0 - y + row) * dstStride + (x0 - x);
                for (int i = start; i < start + (x1 - x0); i++) {
                    dst[i] |= 0xff000000;
                }
            }
        }
    }

    @Override
    public void addListener(ScreenListener listener) {
        AgentScreen.DamageListener damage = r -> listener.damaged(r.x, r.y, r.width, r.height);
        listeners.put(listener, damage);
        screen.addDamageListener(damage);
    }

    @Override
    public void removeListener(ScreenListener listener) {
        AgentScreen.DamageListener damage = listeners.remove(listener);
        if (damage != null) {
            screen.removeDamageListener(damage);
        }
    }

    @Override
    public void pointer(int buttonMask, int x, int y) {
        input.pointer(x, y, buttonMask);
    }

    @Override
    public void key(boolean down, int keysym) {
        input.key(keysym, down);
    }

    @Override
    public void cutText(String text) {
        input.cutText(text);
    }
}
