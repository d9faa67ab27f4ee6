package dev.fieldlink.viewer.client;

import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbInput;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.SecurityTypes;
import dev.fieldlink.viewer.rfb.ServerInit;
import dev.fieldlink.viewer.rfb.VncAuth;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The client side of the RFB handshake: version, security (None, VNC Authentication), ClientInit/ServerInit. */
final class ClientHandshake {
    private ClientHandshake() {}

    record Result(ProtocolVersion version, int securityType, ServerInit serverInit) {}

    static Result run(RfbInput in, OutputStream out, Supplier<char[]> password, boolean shared, RfbLimits limits)
            throws IOException {
        byte[] v = new byte[12];
        in.readFully(v, 0, 12);
        int[] mm = ProtocolVersion.parse(v);
        ProtocolVersion version = ProtocolVersion.forServer(mm[0], mm[1]);
        out.write(version.wire());
        out.flush();

        int type;
        if (version == ProtocolVersion.V3_3) {
            type = in.readS32();
            if (type == SecurityTypes.INVALID) {
                throw new RfbException(
                        RfbException.Kind.AUTHENTICATION, "server refused the connection: " + reason(in, limits));
            }
            if (type != SecurityTypes.NONE && type != SecurityTypes.VNC_AUTH) {
                throw RfbException.unsupported("server requires security " + SecurityTypes.name(type)
                        + "; we speak None and VNC Authentication");
            }
        } else {
            int n = in.readU8();
            if (n == 0) {
                throw new RfbException(
                        RfbException.Kind.AUTHENTICATION, "server refused the connection: " + reason(in, limits));
            }
            byte[] types = new byte[n];
            in.readFully(types, 0, n);
            type = choose(types, password != null);
            out.write(type);
            out.flush();
        }
        if (type == SecurityTypes.VNC_AUTH) {
            byte[] challenge = new byte[16];
            in.readFully(challenge, 0, 16);
            if (password == null) {
                throw new RfbException(RfbException.Kind.AUTHENTICATION, "server asks for a VNC password; none given");
            }
            char[] pw = password.get();
            try {
                out.write(VncAuth.response(challenge, pw));
            } finally {
                Arrays.fill(pw, '\0');
            }
            out.flush();
        }
        boolean resultSent = type == SecurityTypes.VNC_AUTH || version == ProtocolVersion.V3_8;
        if (resultSent) {
            int result = in.readS32();
            if (result != 0) {
                String why = version == ProtocolVersion.V3_8 ? ": " + reason(in, limits) : "";
                throw new RfbException(RfbException.Kind.AUTHENTICATION, "authentication failed" + why);
            }
        }
        out.write(shared ? 1 : 0);
        out.flush();

        int w = in.readU16();
        int h = in.readU16();
        byte[] pfb = new byte[16];
        in.readFully(pfb, 0, 16);
        PixelFormat pf = PixelFormat.read(pfb, 0);
        int nameLen = in.readS32();
        if (nameLen < 0 || nameLen > limits.maxNameBytes()) {
            throw RfbException.limit("ServerInit: name length " + (nameLen & 0xFFFFFFFFL) + " exceeds the limit of "
                    + limits.maxNameBytes());
        }
        byte[] name = new byte[nameLen];
        in.readFully(name, 0, nameLen);
        limits.checkDesktopSize("ServerInit", w, h);
        return new Result(version, type, new ServerInit(w, h, pf, new String(name, StandardCharsets.UTF_8)));
    }

    private static int choose(byte[] types, boolean havePassword) throws RfbException {
        List<String> offered = new ArrayList<>();
        boolean none = false;
        boolean vnc = false;
        for (byte t : types) {
            int type = t & 0xFF;
            offered.add(SecurityTypes.name(type));
            none |= type == SecurityTypes.NONE;
            vnc |= type == SecurityTypes.VNC_AUTH;
        }
        if (none) {
            return SecurityTypes.NONE;
        }
        if (vnc) {
            return SecurityTypes.VNC_AUTH;
        }
        throw RfbException.unsupported(
                "server offers security types " + offered + "; we speak None and VNC Authentication");
    }

    private static String reason(RfbInput in, RfbLimits limits) throws IOException {
        int len = in.readS32();
        if (len < 0 || len > 4096) {
            return "(reason of " + (len & 0xFFFFFFFFL) + " bytes not shown)";
        }
        byte[] b = new byte[len];
        in.readFully(b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }
}
