package dev.fieldlink.agent.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackoffAndKeyTest {
    @TempDir
    Path dir;

    @Test
    void backoff_doublesFromOneSecond_capsAtSixtySeconds_withJitterInTheUpperHalf() {
        Backoff top = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999);
        Backoff bottom = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);

        assertThat(top.delay(0)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(top.delay(1)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
        assertThat(top.delay(5)).isBetween(Duration.ofMillis(31999), Duration.ofSeconds(32));
        assertThat(top.delay(6)).as("64 s capped").isBetween(Duration.ofMillis(59_900), Duration.ofSeconds(60));
        assertThat(top.delay(1000)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(bottom.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(bottom.delay(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void machineKey_isEd25519_ownerOnly_andReadsBack() throws Exception {
        Path file = dir.resolve("keys").resolve("machine_ed25519");
        KeyPair pair = MachineKey.generate(file, "test");

        assertThat(MachineKey.publicKeyLine(pair)).startsWith("ssh-ed25519 ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(MachineKey.fingerprint(MachineKey.load(file))).isEqualTo(MachineKey.fingerprint(pair));
        assertThatThrownBy(() -> MachineKey.generate(file, "again")).hasMessageContaining("already exists");
    }

    @Test
    void machineKey_readableByOthers_isRefused() throws Exception {
        Path file = dir.resolve("machine_ed25519");
        MachineKey.generate(file, "test");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MachineKey.load(file)).hasMessageContaining("chmod 600");
    }

    @Test
    void missingMachineKey_saysToEnrol() {
        assertThatThrownBy(() -> MachineKey.load(dir.resolve("nope"))).hasMessageContaining("fieldlink-agent enroll");
    }
}
