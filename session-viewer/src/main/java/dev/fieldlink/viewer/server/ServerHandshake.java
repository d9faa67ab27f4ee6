package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.SecurityTypes;
import dev.fieldlink.viewer.rfb.StreamInput;
import dev.fieldlink.viewer.rfb.VncAuth;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;

/** The server side of the RFB handshake. */
final class ServerHandshake {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerHandshake() {}

    record Result(ProtocolVersion version, boolean shared) {}

    static Result run(
            StreamInput in,
            OutputStream out,
            ProtocolVersion announced,
            Supplier<char[]> password,
            int width,
            int height,
            PixelFormat format,
            String name)
            throws IOException {
        out.write(announced.wire());
        out.flush();
        byte[] v = new byte[12];
        in.readFully(v, 0, 12);
        int[] mm = ProtocolVersion.parse(v);
        ProtocolVersion version = ProtocolVersion.fromClient(mm[0], mm[1]);
        if (version.minor() > announced.minor()) {
            version = announced;
        }
        int type = password == null ? SecurityTypes.NONE : SecurityTypes.VNC_AUTH;
        if (version == ProtocolVersion.V3_3) {
            out.write(ByteBuffer.allocate(4).putInt(type).array());
        } else {
            out.write(new byte[] {1, (byte) type});
            out.flush();
            int chosen = in.readU8();
            if (chosen != type) {
                fail(out, version, "security type " + chosen + " was not offered");
                throw RfbException.protocol("client chose security type " + chosen + ", offered " + type);
            }
        }
        if (type == SecurityTypes.VNC_AUTH) {
            byte[] challenge = new byte[16];
            RANDOM.nextBytes(challenge);
            out.write(challenge);
            out.flush();
            byte[] response = new byte[16];
            in.readFully(response, 0, 16);
            char[] pw = password.get();
            byte[] expected;
            try {
                expected = VncAuth.response(challenge, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            if (!MessageDigest.isEqual(expected, response)) {
                fail(out, version, "authentication failed");
                throw new RfbException(RfbException.Kind.AUTHENTICATION, "client failed VNC Authentication");
            }
            out.write(new byte[4]);
        } else if (version == ProtocolVersion.V3_8) {
            out.write(new byte[4]);
        }
        out.flush();
        boolean shared = in.readU8() != 0;
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer init = ByteBuffer.allocate(24 + nameBytes.length);
        init.putShort((short) width).putShort((short) height);
        init.put(format.toBytes());
        init.putInt(nameBytes.length).put(nameBytes);
        out.write(init.array());
        out.flush();
        return new Result(version, shared);
    }

    private static void fail(OutputStream out, ProtocolVersion version, String reason) throws IOException {
        out.write(new byte[] {0, 0, 0, 1});
        if (version == ProtocolVersion.V3_8) {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            out.write(ByteBuffer.allocate(4).putInt(r.length).array());
            out.write(r);
        }
        out.flush();
    }
}
