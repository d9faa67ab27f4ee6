package dev.fieldlink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void writtenFile_isOwnerOnly_andLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("sub/keys.json");
        PrivateFiles.writeAtomically(file, "one".getBytes(StandardCharsets.UTF_8));
        PrivateFiles.writeAtomically(file, "two".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rewrite_tightensAFileThatWasOpenBefore() throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        PrivateFiles.writeAtomically(file, "new".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void requireOwnerOnly_acceptsOwnerOnly_refusesOthers() throws Exception {
        Path file = dir.resolve("k");
        Files.writeString(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatCode(() -> PrivateFiles.requireOwnerOnly(file)).doesNotThrowAnyException();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-----w-"));
        assertThatThrownBy(() -> PrivateFiles.requireOwnerOnly(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accessible by group or others");
    }
}
