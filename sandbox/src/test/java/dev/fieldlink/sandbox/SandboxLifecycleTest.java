package dev.fieldlink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLifecycleTest {
    @TempDir
    Path tmp;

    @Test
    void close_releasesThePorts_deletesTheTemporaryDirectory_andMayBeRepeated() throws IOException {
        RunningSandbox sandbox = Sandbox.start(SandboxOptions.defaults().withConsentDelay(Duration.ZERO));
        int https = sandbox.httpsPort();
        int ssh = sandbox.sshPort();
        Path dir = sandbox.dataDir();
        assertThat(dir).isDirectory();

        sandbox.close();
        sandbox.close();

        assertThat(dir).doesNotExist();
        for (int port : new int[] {https, ssh}) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void givenDataDirectory_isUsed_andKeptAfterClose() {
        Path dir = tmp.resolve("training");
        try (RunningSandbox sandbox = Sandbox.start(SandboxOptions.defaults().withDataDir(dir))) {
            assertThat(sandbox.dataDir()).isEqualTo(dir);
        }
        assertThat(dir.resolve("relay")).isDirectory();
        assertThat(dir.resolve("agents")).isDirectory();
    }

    @Test
    void aDataDirectoryInUse_isRefused_namingIt() throws IOException {
        Files.writeString(tmp.resolve("something.txt"), "x");

        assertThatThrownBy(() -> Sandbox.start(SandboxOptions.defaults().withDataDir(tmp)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tmp.toString());
    }

    @Test
    void options_defaultsAndWithers() {
        SandboxOptions d = SandboxOptions.defaults();
        assertThat(d.consentDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.consentTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.dataDir()).isNull();
        assertThat(d.withConsentTimeout(Duration.ofSeconds(5)).consentTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> d.withConsentTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
