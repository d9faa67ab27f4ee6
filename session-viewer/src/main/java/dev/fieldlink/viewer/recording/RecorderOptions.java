package dev.fieldlink.viewer.recording;

import dev.fieldlink.viewer.rfb.RfbLimits;
import java.time.Duration;

/**
 * Recorder settings.
 *
 * @param keyframeInterval at least this much stream time between keyframes
 * @param limits caps applied while decoding the server stream for keyframes
 */
public record RecorderOptions(Duration keyframeInterval, RfbLimits limits) {
    public static RecorderOptions defaults() {
        return new RecorderOptions(Duration.ofSeconds(10), RfbLimits.DEFAULT);
    }

    public RecorderOptions withKeyframeInterval(Duration d) {
        return new RecorderOptions(d, limits);
    }
}
