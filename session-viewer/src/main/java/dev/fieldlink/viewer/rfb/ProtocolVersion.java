package dev.fieldlink.viewer.rfb;

import java.nio.charset.StandardCharsets;

/** The RFB protocol versions we speak. */
public enum ProtocolVersion {
    V3_3(3),
    V3_7(7),
    V3_8(8);

    private final int minor;

    ProtocolVersion(int minor) {
        this.minor = minor;
    }

    public int minor() {
        return minor;
    }

    /** The 12-byte ProtocolVersion message. */
    public byte[] wire() {
        return String.format("RFB 003.%03d\n", minor).getBytes(StandardCharsets.US_ASCII);
    }

    /** Parsed "RFB xxx.yyy\n" as {major, minor}; fails naming the bytes if malformed. */
    public static int[] parse(byte[] b) throws RfbException {
        String s = new String(b, 0, 12, StandardCharsets.ISO_8859_1);
        if (!s.matches("RFB \\d{3}\\.\\d{3}\n")) {
            throw RfbException.protocol("ProtocolVersion: '" + printable(s) + "' is not 'RFB xxx.yyy\\n'");
        }
        return new int[] {Integer.parseInt(s.substring(4, 7)), Integer.parseInt(s.substring(8, 11))};
    }

    /** The version a client uses against a server announcing {@code major.minor} (RFC 6143 section 7.1.1). */
    public static ProtocolVersion forServer(int major, int minor) throws RfbException {
        if (major != 3) {
            if (major > 3) {
                return V3_8;
            }
            throw RfbException.unsupported("ProtocolVersion: server speaks RFB " + major + "." + minor);
        }
        if (minor >= 8) {
            return V3_8;
        }
        return minor == 7 ? V3_7 : V3_3;
    }

    /** The version a server uses for a client's reply {@code major.minor}. */
    public static ProtocolVersion fromClient(int major, int minor) throws RfbException {
        if (major != 3 || minor < 3) {
            throw RfbException.unsupported("ProtocolVersion: client asked for RFB " + major + "." + minor);
        }
        if (minor >= 8) {
            return V3_8;
        }
        return minor == 7 ? V3_7 : V3_3;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
