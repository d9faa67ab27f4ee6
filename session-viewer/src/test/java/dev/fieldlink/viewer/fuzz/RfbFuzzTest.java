package dev.fieldlink.viewer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fieldlink.viewer.rfb.RfbException;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Jazzer fuzz test of the client decoder, the ClientMessageReader and the tap (see {@link FuzzTargets}). Plain test
 * runs replay the seed corpus in {@code src/test/resources/.../RfbFuzzTestInputs}; the build's {@code fuzz}
 * execution sets {@code JAZZER_FUZZ=1} and fuzzes for 20 s. {@code -Dfieldlink.fuzz.long=true} switches this class
 * off and {@link RfbLongFuzzTest} on (10 minutes; see docs/session-viewer.md).
 */
@DisabledIfSystemProperty(named = "fieldlink.fuzz.long", matches = "true")
class RfbFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void fuzzBriefly(byte[] data) {
        accept(data);
    }

    static void accept(byte[] data) {
        try {
            FuzzTargets.run(data);
        } catch (RfbException expected) {
            // Our protocol error is the one allowed outcome of bad input.
        }
    }
}
