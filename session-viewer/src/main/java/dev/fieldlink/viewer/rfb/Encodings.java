package dev.fieldlink.viewer.rfb;

/** RFB encoding and pseudo-encoding numbers (RFC 6143 and the community registry). */
public final class Encodings {
    public static final int RAW = 0;
    public static final int COPY_RECT = 1;
    public static final int RRE = 2;
    public static final int HEXTILE = 5;
    public static final int TIGHT = 7;
    public static final int ZRLE = 16;

    public static final int DESKTOP_SIZE = -223;
    public static final int LAST_RECT = -224;
    public static final int CURSOR = -239;
    public static final int DESKTOP_NAME = -307;
    public static final int EXTENDED_DESKTOP_SIZE = -308;
    public static final int FENCE = -312;
    public static final int CONTINUOUS_UPDATES = -313;
    /** Compress level 0 is -256, level 9 is -247. */
    public static final int COMPRESS_LEVEL_0 = -256;
    /** JPEG quality level 0 is -32, level 9 is -23. */
    public static final int QUALITY_LEVEL_0 = -32;

    private Encodings() {}

    public static int compressLevel(int level) {
        return COMPRESS_LEVEL_0 + level;
    }

    public static int qualityLevel(int level) {
        return QUALITY_LEVEL_0 + level;
    }

    /** A readable name for logs and errors. */
    public static String name(int encoding) {
        switch (encoding) {
            case RAW:
                return "Raw";
            case COPY_RECT:
                return "CopyRect";
            case RRE:
                return "RRE";
            case HEXTILE:
                return "Hextile";
            case TIGHT:
                return "Tight";
            case ZRLE:
                return "ZRLE";
            case DESKTOP_SIZE:
                return "DesktopSize";
            case LAST_RECT:
                return "LastRect";
            case CURSOR:
                return "Cursor";
            case DESKTOP_NAME:
                return "DesktopName";
            case EXTENDED_DESKTOP_SIZE:
                return "ExtendedDesktopSize";
            case FENCE:
                return "Fence";
            case CONTINUOUS_UPDATES:
                return "ContinuousUpdates";
            default:
                if (encoding >= COMPRESS_LEVEL_0 && encoding <= COMPRESS_LEVEL_0 + 9) {
                    return "CompressLevel" + (encoding - COMPRESS_LEVEL_0);
                }
                if (encoding >= QUALITY_LEVEL_0 && encoding <= QUALITY_LEVEL_0 + 9) {
                    return "QualityLevel" + (encoding - QUALITY_LEVEL_0);
                }
                return "encoding " + encoding;
        }
    }

    /** Parses a user-facing encoding name (raw, copyrect, rre, hextile, tight, zrle). */
    public static int parse(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "raw":
                return RAW;
            case "copyrect":
                return COPY_RECT;
            case "rre":
                return RRE;
            case "hextile":
                return HEXTILE;
            case "tight":
                return TIGHT;
            case "zrle":
                return ZRLE;
            default:
                throw new IllegalArgumentException(
                        "unknown encoding '" + name + "' (raw, copyrect, rre, hextile, tight, zrle)");
        }
    }
}
