package dev.fieldlink.policy.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegionTreeTest {
    private final RegionTree tree = new RegionTree(List.of(
            new Region("EMEA", "Europe", null),
            new Region("DACH", null, "EMEA"),
            new Region("DE", "Germany", "DACH"),
            new Region("AT", "Austria", "DACH"),
            new Region("AMERICAS", null, null)));

    @Test
    void aRegionCoversItselfAndItsDescendants_only() {
        assertThat(tree.covers("EMEA", "DE")).isTrue();
        assertThat(tree.covers("DACH", "DACH")).isTrue();
        assertThat(tree.covers("DE", "DACH")).isFalse();
        assertThat(tree.covers("AT", "DE")).isFalse();
        assertThat(tree.covers("AMERICAS", "DE")).isFalse();
        assertThat(tree.covers("NOWHERE", "DE")).isFalse();
        assertThat(tree.covers("EMEA", "NOWHERE")).isFalse();
    }

    @Test
    void path_namesTheChainFromTheRoot() {
        assertThat(tree.path("DE")).isEqualTo("EMEA > DACH > DE");
        assertThat(tree.path("AMERICAS")).isEqualTo("AMERICAS");
        assertThat(tree.path("XX")).isEqualTo("XX");
    }

    @Test
    void covered_expandsSubtrees_andIgnoresUnknownIds() {
        assertThat(tree.covered(Set.of("DACH", "XX"))).containsExactlyInAnyOrder("DACH", "DE", "AT");
        assertThat(tree.covered(Set.of("EMEA", "DE"))).containsExactlyInAnyOrder("EMEA", "DACH", "DE", "AT");
    }

    @Test
    void coveringRegion_picksAHeldRegion() {
        assertThat(tree.coveringRegion(Set.of("AMERICAS", "DACH"), "AT")).contains("DACH");
        assertThat(tree.coveringRegion(Set.of("AMERICAS"), "AT")).isEmpty();
    }

    @Test
    void aNameDefaultsToTheId() {
        assertThat(tree.region("DACH")).map(Region::name).contains("DACH");
    }

    @Test
    void malformedTrees_areRefused_namingTheRegion() {
        assertThatThrownBy(() -> new RegionTree(List.of(new Region("A", null, null), new Region("A", null, null))))
                .hasMessage("region 'A' is defined twice");
        assertThatThrownBy(() -> new RegionTree(List.of(new Region("B", null, "A"))))
                .hasMessage("region 'B' names parent 'A', which is not defined");
        assertThatThrownBy(() -> new RegionTree(List.of(new Region("a b", null, null))))
                .hasMessageStartingWith("region id 'a b' is not valid");
    }
}
