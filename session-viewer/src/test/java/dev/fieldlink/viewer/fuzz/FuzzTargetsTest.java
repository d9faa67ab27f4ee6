package dev.fieldlink.viewer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.rfb.RfbException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deterministic mutation run over the seed corpus in every build: the seeds themselves must parse without error,
 * and thousands of mutants (flipped, cut, spliced bytes) may only end in our protocol error.
 */
class FuzzTargetsTest {
    static List<byte[]> seeds() throws IOException, URISyntaxException {
        Path dir = Path.of(FuzzTargetsTest.class
                .getResource("RfbFuzzTestInputs/fuzzBriefly")
                .toURI());
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.add(in.readAllBytes());
                }
            }
        }
        return out;
    }

    @Test
    void seeds_parseWithoutError() throws Exception {
        List<byte[]> seeds = seeds();
        assertThat(seeds).hasSizeGreaterThan(20);
        for (byte[] s : seeds) {
            FuzzTargets.run(s);
        }
    }

    @Test
    void mutants_failOnlyWithOurProtocolError() throws Exception {
        Random r = new Random(20261123);
        List<byte[]> seeds = seeds();
        int errors = 0;
        for (int i = 0; i < 6000; i++) {
            byte[] m = mutate(seeds.get(r.nextInt(seeds.size())), r);
            try {
                FuzzTargets.run(m);
            } catch (RfbException e) {
                assertThat(e.getMessage()).isNotBlank();
                errors++;
            }
        }
        assertThat(errors).as("some mutants are malformed").isPositive();
    }

    static byte[] mutate(byte[] seed, Random r) {
        byte[] m = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && m.length > 2; e++) {
            int at = 2 + r.nextInt(m.length - 2);
            switch (r.nextInt(4)) {
                case 0:
                    m[at] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 1:
                    m[at] = (byte) (r.nextBoolean() ? 0xFF : r.nextInt(256));
                    break;
                case 2:
                    m = java.util.Arrays.copyOf(m, at);
                    break;
                default:
                    int len = Math.min(8, m.length - at);
                    byte[] longer = new byte[m.length + len];
                    System.arraycopy(m, 0, longer, 0, at);
                    System.arraycopy(m, at, longer, at, len);
                    System.arraycopy(m, at, longer, at + len, m.length - at);
                    m = longer;
            }
        }
        return m;
    }
}
