package dev.fieldlink.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.auth.LogCapture;
import dev.fieldlink.protocol.api.TokenResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest {
    private static final StoredTokens TOKENS = new StoredTokens(
            "access.jwt.value",
            Instant.parse("2026-11-22T10:10:00Z"),
            "refresh-token-value",
            Instant.parse("2026-11-22T22:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void savedTokens_loadBack_fromAnOwnerOnlyFile() throws Exception {
        FileTokenStore store = new FileTokenStore(dir.resolve("profile"));
        assertThat(store.load()).isEmpty();
        store.save(TOKENS);

        assertThat(new FileTokenStore(dir.resolve("profile")).load()).contains(TOKENS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(store.file())).contains("\"accessTokenExpiresAt\":\"2026-11-22T10:10:00Z\"");
    }

    @Test
    void clear_forgetsTheTokens() {
        FileTokenStore store = new FileTokenStore(dir);
        store.save(TOKENS);
        store.clear();
        assertThat(store.load()).isEmpty();
        assertThat(Files.exists(store.file())).isFalse();
        store.clear();
    }

    @Test
    void fileOthersCanRead_isRefused() throws Exception {
        FileTokenStore store = new FileTokenStore(dir);
        store.save(TOKENS);
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(store::load)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void damagedFile_countsAsSignedOut() throws Exception {
        FileTokenStore store = new FileTokenStore(dir);
        store.save(TOKENS);
        Files.writeString(store.file(), "{\"accessToken\": \"secret-access-value");
        try (LogCapture logs = new LogCapture()) {
            assertThat(store.load()).isEmpty();
            assertThat(logs.messages())
                    .singleElement()
                    .satisfies(m ->
                            assertThat(m).contains("not a valid token file").doesNotContain("secret-access-value"));
        }
    }

    @Test
    void storedTokens_fromTokenResponse_andToStringHidesTokens() {
        TokenResponse response = new TokenResponse(
                "access.jwt.value", "Bearer", TOKENS.accessTokenExpiresAt(), "refresh-token-value", null);
        StoredTokens stored = StoredTokens.from(response);
        assertThat(stored.accessToken()).isEqualTo("access.jwt.value");
        assertThat(stored.refreshToken()).isEqualTo("refresh-token-value");
        assertThat(stored.toString()).doesNotContain("access.jwt.value").doesNotContain("refresh-token-value");
    }
}
