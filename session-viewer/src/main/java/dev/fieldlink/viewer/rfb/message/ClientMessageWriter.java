package dev.fieldlink.viewer.rfb.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes client-to-server messages to their wire bytes. Stateless and thread-safe. */
public final class ClientMessageWriter {
    private ClientMessageWriter() {}

    public static byte[] encode(ClientMessage m) {
        if (m instanceof ClientMessage.SetPixelFormat s) {
            byte[] b = new byte[20];
            b[0] = 0;
            s.pixelFormat().write(b, 4);
            return b;
        }
        if (m instanceof ClientMessage.SetEncodings s) {
            List<Integer> e = s.encodings();
            byte[] b = new byte[4 + 4 * e.size()];
            b[0] = 2;
            u16(b, 2, e.size());
            for (int i = 0; i < e.size(); i++) {
                s32(b, 4 + 4 * i, e.get(i));
            }
            return b;
        }
        if (m instanceof ClientMessage.FramebufferUpdateRequest r) {
            byte[] b = new byte[10];
            b[0] = 3;
            b[1] = (byte) (r.incremental() ? 1 : 0);
            u16(b, 2, r.x());
            u16(b, 4, r.y());
            u16(b, 6, r.width());
            u16(b, 8, r.height());
            return b;
        }
        if (m instanceof ClientMessage.KeyEvent k) {
            byte[] b = new byte[8];
            b[0] = 4;
            b[1] = (byte) (k.down() ? 1 : 0);
            s32(b, 4, k.keysym());
            return b;
        }
        if (m instanceof ClientMessage.PointerEvent p) {
            byte[] b = new byte[6];
            b[0] = 5;
            b[1] = (byte) p.buttonMask();
            u16(b, 2, p.x());
            u16(b, 4, p.y());
            return b;
        }
        if (m instanceof ClientMessage.ClientCutText c) {
            byte[] t = latin1(c.text());
            byte[] b = new byte[8 + t.length];
            b[0] = 6;
            s32(b, 4, t.length);
            System.arraycopy(t, 0, b, 8, t.length);
            return b;
        }
        if (m instanceof ClientMessage.EnableContinuousUpdates e) {
            byte[] b = new byte[10];
            b[0] = (byte) 150;
            b[1] = (byte) (e.enable() ? 1 : 0);
            u16(b, 2, e.x());
            u16(b, 4, e.y());
            u16(b, 6, e.width());
            u16(b, 8, e.height());
            return b;
        }
        if (m instanceof ClientMessage.ClientFence f) {
            byte[] b = new byte[9 + f.payload().length];
            b[0] = (byte) 248;
            s32(b, 4, f.flags());
            b[8] = (byte) f.payload().length;
            System.arraycopy(f.payload(), 0, b, 9, f.payload().length);
            return b;
        }
        if (m instanceof ClientMessage.SetDesktopSize s) {
            byte[] b = new byte[8 + 16];
            b[0] = (byte) 251;
            u16(b, 2, s.width());
            u16(b, 4, s.height());
            b[6] = 1;
            u16(b, 8 + 8, s.width());
            u16(b, 8 + 10, s.height());
            return b;
        }
        if (m instanceof ClientMessage.QemuKeyEvent q) {
            byte[] b = new byte[12];
            b[0] = (byte) 255;
            b[1] = 0;
            u16(b, 2, q.down() ? 1 : 0);
            s32(b, 4, q.keysym());
            s32(b, 8, q.keycode());
            return b;
        }
        throw new IllegalArgumentException("cannot encode " + m);
    }

    /** Clipboard text as ISO 8859-1; characters outside it become '?'. */
    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static void u16(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 8);
        b[off + 1] = (byte) v;
    }

    static void s32(byte[] b, int off, int v) {
        b[off] = (byte) (v >> 24);
        b[off + 1] = (byte) (v >> 16);
        b[off + 2] = (byte) (v >> 8);
        b[off + 3] = (byte) v;
    }
}
