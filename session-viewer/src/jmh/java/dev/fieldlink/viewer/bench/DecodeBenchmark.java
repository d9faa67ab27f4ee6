package dev.fieldlink.viewer.bench;

import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.StreamInput;
import dev.fieldlink.viewer.rfb.decode.ServerEventSink;
import dev.fieldlink.viewer.rfb.decode.ServerStreamDecoder;
import dev.fieldlink.viewer.server.EncodedFrames;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
 * Decoding one full 1920x1080 FramebufferUpdate per encoding, for an HMI-like screen and for photographic content,
 * on one thread, exactly as the live client does (blocking input over the bytes, fresh zlib state per frame).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    @Param({"raw", "rre", "hextile", "zrle", "tight", "tightjpeg"})
    public String encoding;

    @Param({"hmi", "photo"})
    public String content;

    private byte[] frame;
    private Framebuffer fb;

    @Setup
    public void setUp() throws IOException {
        BufferedImage img = content.equals("hmi") ? TestPictures.hmi(1920, 1080) : TestPictures.photo(1920, 1080, 7);
        frame = EncodedFrames.update(img, encoding);
        fb = new Framebuffer(1920, 1080);
    }

    @Benchmark
    public Framebuffer decodeFullFrame() throws IOException {
        boolean[] done = {false};
        ServerStreamDecoder d = new ServerStreamDecoder(
                fb,
                PixelFormat.RGB888_LE,
                RfbLimits.DEFAULT,
                new ServerEventSink() {
                    @Override
                    public void updateEnd() {
                        done[0] = true;
                    }
                },
                false);
        StreamInput in = new StreamInput(new ByteArrayInputStream(frame), 256 * 1024);
        while (!done[0]) {
            d.step(in);
        }
        return fb;
    }

    /** Encoded size of the frame, printed once per trial for BENCHMARKS.md. */
    @org.openjdk.jmh.annotations.TearDown
    public void size() {
        System.out.println("encoded bytes " + encoding + "/" + content + ": " + frame.length);
    }
}
