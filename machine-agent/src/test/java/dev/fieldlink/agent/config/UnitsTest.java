package dev.fieldlink.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durations_acceptShortAndIsoForms() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageContaining("not a duration");
    }

    @Test
    void sizes_areBinary_andRefuseNonsense() {
        assertThat(DataSize.parse("512").bytes()).isEqualTo(512);
        assertThat(DataSize.parse("64KiB").bytes()).isEqualTo(65536);
        assertThat(DataSize.parse("8 MB").bytes()).isEqualTo(8L << 20);
        assertThat(DataSize.parse("1gib").bytes()).isEqualTo(1L << 30);
        assertThat(DataSize.ofMebibytes(8).toString()).isEqualTo("8MiB");
        assertThatThrownBy(() -> DataSize.parse("lots")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> DataSize.parse("999999999999999GiB")).hasMessageContaining("too large");
    }
}
