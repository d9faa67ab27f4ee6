package dev.fieldlink.viewer.rfb;

/** RFB security type numbers. */
public final class SecurityTypes {
    public static final int INVALID = 0;
    public static final int NONE = 1;
    public static final int VNC_AUTH = 2;

    private SecurityTypes() {}

    public static String name(int type) {
        switch (type) {
            case NONE:
                return "None";
            case VNC_AUTH:
                return "VNC Authentication";
            case 5:
                return "RA2";
            case 6:
                return "RA2ne";
            case 16:
                return "Tight";
            case 17:
                return "Ultra";
            case 18:
                return "TLS";
            case 19:
                return "VeNCrypt";
            case 30:
                return "Apple Remote Desktop";
            default:
                return "type " + type;
        }
    }
}
