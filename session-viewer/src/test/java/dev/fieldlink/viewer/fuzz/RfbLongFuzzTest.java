package dev.fieldlink.viewer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The long fuzzing run (10 minutes), only with {@code -Dfieldlink.fuzz.long=true}; same targets as {@link RfbFuzzTest}. */
@EnabledIfSystemProperty(named = "fieldlink.fuzz.long", matches = "true")
class RfbLongFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void fuzzLong(byte[] data) {
        RfbFuzzTest.accept(data);
    }
}
