package dev.fieldlink.viewer.tool;

import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbSnapshot;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.RfbException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code java -jar fieldlink-viewer.jar snapshot|view ...}: connects directly to any VNC server. Exit codes: 0 ok, 1
 * failure, 2 usage.
 */
public final class ViewerTool {
    static final String USAGE = String.join(
            "\n",
            "Usage: fieldlink-viewer snapshot --host H --port P [--password-file F] [--encoding E] [--jpeg-quality Q]",
            "                                 [--timeout SECONDS] --out frame.png",
            "       fieldlink-viewer view --host H --port P [--password-file F] [--encoding E] [--view-only]",
            "",
            "  --host H            VNC server host",
            "  --port P            VNC server port (5900 + display number)",
            "  --password-file F   file whose first line is the VNC password",
            "  --encoding E        raw, copyrect, rre, hextile, zrle or tight (default: all, best first)",
            "  --jpeg-quality Q    0-9: allow Tight JPEG at this quality (default: lossless only)",
            "  --timeout SECONDS   give up after this long (default 30)",
            "  --out FILE          PNG file to write (snapshot)",
            "  --view-only         do not send keyboard or mouse input (view)",
            "  --help              show this help");

    private ViewerTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0
                || List.of(args).contains("--help")
                || List.of(args).contains("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("fieldlink-viewer: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            if (o.command.equals("snapshot")) {
                return snapshot(o, out);
            }
            return ViewerWindow.open(o.host, o.port, o.config(), o.viewOnly);
        } catch (RfbException e) {
            err.println("fieldlink-viewer: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("fieldlink-viewer: " + o.host + ":" + o.port + ": " + e.getMessage());
            return 1;
        }
    }

    private static int snapshot(Options o, PrintStream out) throws IOException {
        BufferedImage img = RfbSnapshot.capture(o.host, o.port, o.config(), o.timeout);
        Path file = Path.of(o.out);
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("cannot write PNG " + file);
        }
        out.println("wrote " + file + " (" + img.getWidth() + "x" + img.getHeight() + ")");
        return 0;
    }

    /** Parsed command line. */
    static final class Options {
        String command;
        String host;
        int port;
        Path passwordFile;
        Integer encoding;
        int jpegQuality = -1;
        Duration timeout = Duration.ofSeconds(30);
        String out;
        boolean viewOnly;

        static Options parse(String[] args) {
            Options o = new Options();
            o.command = args[0];
            if (!o.command.equals("snapshot") && !o.command.equals("view")) {
                throw new IllegalArgumentException("unknown command '" + o.command + "' (snapshot, view)");
            }
            Map<String, String> values = new HashMap<>();
            List<String> flags = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--view-only")) {
                    flags.add(a);
                } else if (List.of(
                                "--host",
                                "--port",
                                "--password-file",
                                "--encoding",
                                "--jpeg-quality",
                                "--timeout",
                                "--out")
                        .contains(a)) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    values.put(a, args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            o.host = require(values, "--host");
            o.port = number(require(values, "--port"), "--port", 1, 65535);
            if (values.containsKey("--password-file")) {
                o.passwordFile = Path.of(values.get("--password-file"));
            }
            if (values.containsKey("--encoding")) {
                o.encoding = Encodings.parse(values.get("--encoding"));
            }
            if (values.containsKey("--jpeg-quality")) {
                o.jpegQuality = number(values.get("--jpeg-quality"), "--jpeg-quality", 0, 9);
            }
            if (values.containsKey("--timeout")) {
                o.timeout = Duration.ofSeconds(number(values.get("--timeout"), "--timeout", 1, 3600));
            }
            o.viewOnly = flags.contains("--view-only");
            if (o.command.equals("snapshot")) {
                o.out = require(values, "--out");
            }
            return o;
        }

        private static String require(Map<String, String> values, String name) {
            String v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return v;
        }

        private static int number(String v, String name, int min, int max) {
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + v + "'");
            }
        }

        RfbClientConfig config() throws IOException {
            RfbClientConfig c = RfbClientConfig.defaults().withJpegQuality(jpegQuality);
            if (encoding != null) {
                c = c.withEncodings(List.of(encoding));
            }
            if (passwordFile != null) {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                if (lines.isEmpty()) {
                    throw new IOException("password file " + passwordFile + " is empty");
                }
                char[] pw = lines.get(0).toCharArray();
                c = c.withPassword(pw::clone);
            }
            return c;
        }
    }
}
