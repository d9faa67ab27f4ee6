package dev.fieldlink.viewer.rfb.message;

import dev.fieldlink.viewer.rfb.PixelFormat;
import java.util.List;

/** A client-to-server RFB message. */
public sealed interface ClientMessage {

    /** Type 0. */
    record SetPixelFormat(PixelFormat pixelFormat) implements ClientMessage {}

    /** Type 2: encodings in the client's order of preference. */
    record SetEncodings(List<Integer> encodings) implements ClientMessage {
        public SetEncodings {
            encodings = List.copyOf(encodings);
        }
    }

    /** Type 3. */
    record FramebufferUpdateRequest(boolean incremental, int x, int y, int width, int height)
            implements ClientMessage {}

    /** Type 4: an X11 keysym pressed or released. */
    record KeyEvent(boolean down, int keysym) implements ClientMessage {}

    /** Type 5: button mask bit 0 = left, 1 = middle, 2 = right, 3/4 = wheel up/down, 5/6 = wheel left/right. */
    record PointerEvent(int buttonMask, int x, int y) implements ClientMessage {}

    /**
     * Type 6: clipboard text (ISO 8859-1). For the extended clipboard form (negative length) {@code text} is empty
     * and {@code extendedLength} is the payload size.
     */
    record ClientCutText(String text, int extendedLength) implements ClientMessage {
        public ClientCutText(String text) {
            this(text, -1);
        }

        public boolean isExtended() {
            return extendedLength >= 0;
        }
    }

    /** Type 150 (ContinuousUpdates extension). */
    record EnableContinuousUpdates(boolean enable, int x, int y, int width, int height) implements ClientMessage {}

    /** Type 248 (Fence extension). */
    record ClientFence(int flags, byte[] payload) implements ClientMessage {}

    /** Type 251 (ExtendedDesktopSize): the client asks for a new size. */
    record SetDesktopSize(int width, int height, int screens) implements ClientMessage {}

    /** Type 255 subtype 0 (QEMU extended key event): keysym plus XT keycode. */
    record QemuKeyEvent(boolean down, int keysym, int keycode) implements ClientMessage {}
}
