package dev.fieldlink.viewer.bench;

import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
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

/** The floor under ZRLE decoding: only inflating the zlib data of one full 1920x1080 ZRLE frame, nothing else. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InflateBaselineBenchmark {
    @Param({"hmi", "photo"})
    public String content;

    private byte[] zlib;
    private final byte[] out = new byte[64 * 1024];

    @Setup
    public void setUp() throws IOException {
        BufferedImage img = content.equals("hmi") ? TestPictures.hmi(1920, 1080) : TestPictures.photo(1920, 1080, 7);
        zlib = ZlibStreams.zrleZlibData(img);
    }

    @Benchmark
    public long inflateOnly() throws DataFormatException {
        Inflater inf = new Inflater();
        inf.setInput(zlib);
        long total = 0;
        int n;
        while ((n = inf.inflate(out)) > 0) {
            total += n;
        }
        inf.end();
        return total;
    }
}
