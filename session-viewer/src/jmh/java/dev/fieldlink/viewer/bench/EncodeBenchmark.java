package dev.fieldlink.viewer.bench;

import dev.fieldlink.viewer.server.EncodedFrames;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent's server pays: encoding one full 1920x1080 frame from ARGB pixels to 32 bpp wire data (fresh
 * encoder state, zlib level 6).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EncodeBenchmark {
    @Param({"hextile", "zrle", "tight"})
    public String encoding;

    @Param({"hmi", "photo"})
    public String content;

    private BufferedImage img;
    private int[] px;

    @Setup
    public void setUp() {
        img = content.equals("hmi") ? TestPictures.hmi(1920, 1080) : TestPictures.photo(1920, 1080, 7);
        px = img.getRGB(0, 0, 1920, 1080, null, 0, 1920);
    }

    @Benchmark
    public byte[] encodeFullFrame() throws IOException {
        return EncodedFrames.update(img, px, encoding);
    }
}
