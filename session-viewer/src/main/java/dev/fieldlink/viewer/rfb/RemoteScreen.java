package dev.fieldlink.viewer.rfb;

/** A framebuffer that changes over time: a live connection or a replay. Implementations are thread-safe. */
public interface RemoteScreen {
    Framebuffer framebuffer();

    /** The current pointer shape ({@link CursorShape#EMPTY} if none or unknown). */
    CursorShape cursor();

    void addScreenListener(RemoteScreenListener l);

    void removeScreenListener(RemoteScreenListener l);
}
