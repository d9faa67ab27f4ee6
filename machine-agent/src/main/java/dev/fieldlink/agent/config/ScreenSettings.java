package dev.fieldlink.agent.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Which screen a session shows, and that source's settings.
 *
 * @param source {@code simulated}, {@code capture} or {@code vnc-proxy}
 * @param simulated the simulated HMI's settings (used when {@code source} is {@code simulated})
 * @param capture the desktop capture's settings
 * @param vncProxy the existing VNC server's address
 */
public record ScreenSettings(
        Source source,
        Simulated simulated,
        Capture capture,
        @JsonProperty("vncProxy") VncProxy vncProxy) {
    public ScreenSettings {
        source = source == null ? Source.SIMULATED : source;
        simulated = simulated == null ? new Simulated(null, null, null, null) : simulated;
        capture = capture == null ? new Capture(null) : capture;
        vncProxy = vncProxy == null ? new VncProxy(null, null, null) : vncProxy;
    }

    public static ScreenSettings defaults() {
        return new ScreenSettings(null, null, null, null);
    }

    /** The kinds of screen source. */
    public enum Source {
        @JsonProperty("simulated")
        SIMULATED,
        @JsonProperty("capture")
        CAPTURE,
        @JsonProperty("vnc-proxy")
        VNC_PROXY
    }

    /** The simulated machine model. */
    public enum Model {
        @JsonProperty("cutter")
        CUTTER,
        @JsonProperty("press")
        PRESS,
        @JsonProperty("packaging")
        PACKAGING;

        /** The name shown in the HMI's title bar when the configuration names none. */
        String defaultMachineName() {
            return switch (this) {
                case CUTTER -> "Digital Cutter DC-3200";
                case PRESS -> "Sheetfed Press SP-74";
                case PACKAGING -> "Packaging Line PL-600";
            };
        }
    }

    /**
     * @param model digital cutter, printing press or packaging line
     * @param machineName the name shown in the HMI's title bar
     * @param width screen width in pixels
     * @param height screen height in pixels
     */
    public record Simulated(Model model, String machineName, Integer width, Integer height) {
        public Simulated {
            model = model == null ? Model.CUTTER : model;
            machineName = machineName == null ? model.defaultMachineName() : machineName;
            width = width == null ? AgentDefaults.SCREEN_WIDTH : width;
            height = height == null ? AgentDefaults.SCREEN_HEIGHT : height;
            if (width < 800 || width > 4096) {
                throw new InvalidSettingException("width", "must be between 800 and 4096 pixels (found " + width + ")");
            }
            if (height < 600 || height > 4096) {
                throw new InvalidSettingException(
                        "height", "must be between 600 and 4096 pixels (found " + height + ")");
            }
        }
    }

    /** @param interval how often the desktop is compared for changed tiles */
    public record Capture(Duration interval) {
        public Capture {
            interval = interval == null ? AgentDefaults.CAPTURE_INTERVAL : interval;
            if (interval.toMillis() < 20 || interval.toMillis() > 5000) {
                throw new InvalidSettingException(
                        "interval", "must be between 20ms and 5s (found " + Durations.format(interval) + ")");
            }
        }
    }

    /**
     * @param host the VNC server on the HMI; must be a loopback or local-network address the agent reaches
     * @param port its port
     * @param passwordFile a file holding the VNC password (owner-only), or null for none
     */
    public record VncProxy(String host, Integer port, Path passwordFile) {
        public VncProxy {
            host = host == null ? AgentDefaults.VNC_HOST : host;
            port = port == null ? AgentDefaults.VNC_PORT : port;
            if (port < 1 || port > 65535) {
                throw new InvalidSettingException("port", "must be between 1 and 65535 (found " + port + ")");
            }
        }
    }
}
