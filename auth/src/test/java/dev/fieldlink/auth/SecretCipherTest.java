package dev.fieldlink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
            OTHER_KEY[i] = (byte) (100 + i);
        }
    }

    @TempDir
    Path dir;

    @Test
    void sealedSecret_opensWithSameKeyAndAssociatedData() {
        SecretCipher cipher = new SecretCipher(KEY);
        String sealed = cipher.encryptToBase64("JBSWY3DPEHPK3PXP", "user-42");
        assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(cipher.decryptFromBase64(sealed, "user-42")).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void sameSecretTwice_givesDifferentCiphertexts_becauseNoncesAreRandom() {
        SecretCipher cipher = new SecretCipher(KEY);
        byte[] a = cipher.encrypt(bytes("secret"), new byte[0]);
        byte[] b = cipher.encrypt(bytes("secret"), new byte[0]);
        assertThat(a).isNotEqualTo(b);
        assertThat(a).hasSize(1 + 12 + 6 + 16);
    }

    @Test
    void secretCopiedToAnotherRow_isRefused() {
        SecretCipher cipher = new SecretCipher(KEY);
        String sealed = cipher.encryptToBase64("JBSWY3DPEHPK3PXP", "user-42");
        assertThatThrownBy(() -> cipher.decryptFromBase64(sealed, "user-43"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void tamperedCiphertext_isRefused() {
        SecretCipher cipher = new SecretCipher(KEY);
        byte[] sealed = cipher.encrypt(bytes("secret"), bytes("ad"));
        sealed[sealed.length - 20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, bytes("ad"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretSealedWithAnotherKey_isRefused() {
        byte[] sealed = new SecretCipher(OTHER_KEY).encrypt(bytes("secret"), bytes("ad"));
        assertThatThrownBy(() -> new SecretCipher(KEY).decrypt(sealed, bytes("ad")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truncatedOrUnknownVersion_isRefusedWithClearMessage() {
        SecretCipher cipher = new SecretCipher(KEY);
        byte[] sealed = cipher.encrypt(bytes("secret"), bytes("ad"));
        sealed[0] = 9;
        assertThatThrownBy(() -> cipher.decrypt(sealed, bytes("ad"))).hasMessageContaining("not in a known format");
        assertThatThrownBy(() -> cipher.decrypt(new byte[5], bytes("ad"))).hasMessageContaining("known format");
    }

    @Test
    void keyOfWrongLength_isRefused() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes, not 16 bytes");
        assertThatThrownBy(() -> SecretCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("must decode to 32 bytes, not 31");
        assertThatThrownBy(() -> SecretCipher.fromBase64("not base64 !!")).hasMessageContaining("not valid Base64");
    }

    @Test
    void keyFromBase64_matchesKeyFromBytes() {
        String b64 = Base64.getEncoder().encodeToString(KEY);
        byte[] sealed = new SecretCipher(KEY).encrypt(bytes("x"), bytes("ad"));
        assertThat(SecretCipher.fromBase64(" " + b64 + "\n").decrypt(sealed, bytes("ad")))
                .isEqualTo(bytes("x"));
    }

    @Test
    void ownerOnlyKeyFile_isAccepted_asBase64TextOrRawBytes() throws Exception {
        byte[] sealed = new SecretCipher(KEY).encrypt(bytes("x"), bytes("ad"));
        Path text = dir.resolve("text.key");
        Files.writeString(text, Base64.getEncoder().encodeToString(KEY) + "\n");
        Files.setPosixFilePermissions(text, PosixFilePermissions.fromString("rw-------"));
        Path raw = dir.resolve("raw.key");
        Files.write(raw, KEY);
        Files.setPosixFilePermissions(raw, PosixFilePermissions.fromString("r--------"));

        assertThat(SecretCipher.fromKeyFile(text).decrypt(sealed, bytes("ad"))).isEqualTo(bytes("x"));
        assertThat(SecretCipher.fromKeyFile(raw).decrypt(sealed, bytes("ad"))).isEqualTo(bytes("x"));
    }

    @Test
    void keyFileReadableByGroupOrOthers_isRefused_namingFileAndFix() throws Exception {
        Path file = dir.resolve("secret.key");
        Files.writeString(file, SecretCipher.newKeyBase64(new SecureRandom()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SecretCipher.fromKeyFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> SecretCipher.fromKeyFile(file)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingKeyFile_isRefusedNamingTheFile() {
        Path missing = dir.resolve("nope.key");
        assertThatThrownBy(() -> SecretCipher.fromKeyFile(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void toString_doesNotRevealTheKey() {
        assertThat(new SecretCipher(KEY).toString())
                .doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
