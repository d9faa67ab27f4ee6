package dev.fieldlink.policy.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.policy.ProductLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    private static final String GOOD = """
            undertakingValidity: P6M
            timeZone: Europe/Berlin
            regions:
              - id: EMEA
                name: Europe
                children:
                  - id: DACH
                    children:
                      - { id: DE, name: Germany }
              - id: US
            productLines:
              - { id: digital-cutter, name: Digital cutters }
              - id: printing-press
            """;

    @Test
    void aGoodFile_givesTheTree_theLines_theValidity_andTheZone() throws Exception {
        EntitlementPolicy policy = PolicyFile.parse("policy.yaml", GOOD);

        assertThat(policy.regions().path("DE")).isEqualTo("EMEA > DACH > DE");
        assertThat(policy.regions().covers("EMEA", "DE")).isTrue();
        assertThat(policy.regions().contains("US")).isTrue();
        assertThat(policy.productLines())
                .containsExactly(
                        new ProductLine("digital-cutter", "Digital cutters"),
                        new ProductLine("printing-press", "printing-press"));
        assertThat(policy.undertakingValidity()).isEqualTo(Period.ofMonths(6));
        assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void optionalSettings_default_toAYearInUtc() throws Exception {
        EntitlementPolicy policy = PolicyFile.parse("p", "regions: [{id: A}]\nproductLines: [{id: x}]\n");

        assertThat(policy.undertakingValidity()).isEqualTo(Period.ofYears(1));
        assertThat(policy.zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void theBundledDefault_loads() {
        EntitlementPolicy policy = PolicyFile.defaults();

        assertThat(policy.regions().path("DE")).isEqualTo("EMEA > DACH > DE");
        assertThat(policy.productLines())
                .extracting(ProductLine::id)
                .containsExactly("digital-cutter", "printing-press", "packaging-line");
    }

    @Test
    void load_readsAFile_andNamesAMissingOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, GOOD, StandardCharsets.UTF_8);

        assertThat(PolicyFile.load(file).regions().contains("DACH")).isTrue();
        assertError(() -> PolicyFile.load(dir.resolve("nope.yaml")), 0, "", "the file does not exist");
    }

    @Test
    void aHugeFile_isRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[PolicyFile.MAX_BYTES + 1]);

        assertError(() -> PolicyFile.load(file), 0, "", "the file is larger than 1048576 bytes");
    }

    @Test
    void anUnknownField_namesItsLine_path_andTheKnownFields() {
        String yaml = """
                regions:
                  - id: EMEA
                    childs: []
                productLines: [{id: x}]
                """;
        assertError(yaml, 3, "regions[0].childs", "unknown field 'childs'; known: [children, id, name]");
    }

    @Test
    void anInvalidRegionId_namesItsLine() {
        String yaml = """
                regions:
                  - id: EMEA
                    children:
                      - id: "D E"
                productLines: [{id: x}]
                """;
        assertError(yaml, 4, "regions[0].children[0].id", "'D E' is not a valid region id");
    }

    @Test
    void aRepeatedRegion_namesTheSecondLine_andTheFirstPlace() {
        String yaml = """
                regions:
                  - id: EMEA
                    children:
                      - id: DE
                  - id: AMERICAS
                    children:
                      - id: DE
                productLines: [{id: x}]
                """;
        assertError(yaml, 7, "regions[1].children[0].id", "region 'DE' is already defined at regions[0].children[0]");
    }

    @Test
    void aMissingId_isNamed() {
        String yaml = """
                regions:
                  - name: Europe
                productLines: [{id: x}]
                """;
        assertError(yaml, 2, "regions[0].id", "is required");
    }

    @Test
    void aWrongType_saysWhatWasExpected() {
        assertError("regions: EMEA\nproductLines: [{id: x}]\n", 1, "regions", "expected a list, found a single value");
        assertError(
                "regions:\n  - id: [A, B]\nproductLines: [{id: x}]\n",
                2,
                "regions[0].id",
                "expected text, found a list");
    }

    @Test
    void badProductLines_areNamed() {
        assertError(
                "regions: [{id: A}]\nproductLines:\n  - id: Digital Cutter\n",
                3,
                "productLines[0].id",
                "'Digital Cutter' is not a valid product-line id");
        assertError(
                "regions: [{id: A}]\nproductLines:\n  - id: a\n  - id: a\n",
                4,
                "productLines[1].id",
                "product line 'a' is already defined at productLines[0]");
        assertError("regions: [{id: A}]\n", 0, "productLines", "at least one product line is required");
    }

    @Test
    void badSettings_areNamed() {
        String lines = "regions: [{id: A}]\nproductLines: [{id: x}]\n";
        assertError(
                lines + "undertakingValidity: 1y\n",
                3,
                "undertakingValidity",
                "'1y' is not an ISO-8601 period such as P1Y, P6M or P365D");
        assertError(lines + "undertakingValidity: P0D\n", 3, "undertakingValidity", "must be longer than zero");
        assertError(lines + "timeZone: Mars/Olympus\n", 3, "timeZone", "'Mars/Olympus' is not a time zone id");
    }

    @Test
    void structuralProblems_areNamed() {
        assertError("", 0, "", "the file is empty");
        assertError("productLines: [{id: x}]\n", 0, "regions", "at least one region is required");
        assertError(
                "regions: [{id: A}]\nregions: [{id: B}]\nproductLines: [{id: x}]\n",
                2,
                "",
                "Duplicate field 'regions'");
        assertError(
                "regions: [{id: A}\nproductLines: [{id: x}]\n",
                1,
                "regions",
                "while parsing a flow sequence; expected ',' or ']', but got <scalar>");
    }

    private static void assertError(String yaml, int line, String field, String problemStart) {
        assertError(() -> PolicyFile.parse("policy.yaml", yaml), line, field, problemStart);
    }

    private static void assertError(ThrowingCallable call, int line, String field, String problemStart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PolicyFileException.class, e -> {
            assertThat(e.problem()).as(e.getMessage()).startsWith(problemStart);
            assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
            if (line > 0) {
                assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                assertThat(e.getMessage()).contains("line " + line);
            }
        });
    }
}
