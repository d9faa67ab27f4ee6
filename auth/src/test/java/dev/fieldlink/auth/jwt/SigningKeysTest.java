package dev.fieldlink.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void firstUse_generatesOneKey_andSavesIt() {
        InMemoryKeyStorage storage = new InMemoryKeyStorage();
        SigningKeys keys = SigningKeys.loadOrCreate(storage, clock);
        assertThat(storage.load()).isPresent();
        assertThat(keys.previousKid()).isEmpty();
        assertThat(keys.currentCreatedAt()).isEqualTo(clock.instant());
        assertThat(keys.currentKid()).isNotBlank();
    }

    @Test
    void keysLoadedAgain_verifyTokensOfTheFirstInstance() {
        InMemoryKeyStorage storage = new InMemoryKeyStorage();
        SigningKeys first = SigningKeys.loadOrCreate(storage, clock);
        String token = new TokenIssuer(first, "iss", clock, Duration.ofMinutes(10))
                .issueAccessToken("u", Set.of(Role.ADMIN))
                .token();

        SigningKeys second = SigningKeys.loadOrCreate(storage, clock);
        assertThat(second.currentKid()).isEqualTo(first.currentKid());
        TokenVerifier verifier =
                new TokenVerifier(second, "iss", clock, Duration.ofSeconds(30), new RevokedTokens(clock));
        assertThat(verifier.verifyAccessToken(token).roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void rotate_keepsPreviousKey_andDropsTheOneBefore() {
        SigningKeys keys = SigningKeys.loadOrCreate(new InMemoryKeyStorage(), clock);
        String first = keys.currentKid();
        clock.advance(Duration.ofDays(30));
        keys.rotate();
        String second = keys.currentKid();
        assertThat(second).isNotEqualTo(first);
        assertThat(keys.previousKid()).contains(first);
        assertThat(keys.currentCreatedAt()).isEqualTo(clock.instant());

        keys.rotate();
        assertThat(keys.previousKid()).contains(second);
        assertThat(keys.byKid(first)).isEmpty();
        assertThat(keys.byKid(second)).isPresent();
    }

    @Test
    void jwks_publishesCurrentAndPreviousPublicKeys_neverPrivateParts() throws Exception {
        SigningKeys keys = SigningKeys.loadOrCreate(new InMemoryKeyStorage(), clock);
        keys.rotate();
        String json = keys.jwksJson();
        assertThat(json).doesNotContain("\"d\"");
        JWKSet set = JWKSet.parse(json);
        assertThat(set.getKeys())
                .extracting(JWK::getKeyID)
                .containsExactly(keys.currentKid(), keys.previousKid().get());
        for (JWK key : set.getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key).isInstanceOf(ECKey.class);
            assertThat(key.getAlgorithm().getName()).isEqualTo("ES256");
            assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
        }
    }

    @Test
    void reload_seesARotationMadeByAnotherInstance() {
        InMemoryKeyStorage storage = new InMemoryKeyStorage();
        SigningKeys serving = SigningKeys.loadOrCreate(storage, clock);
        SigningKeys admin = SigningKeys.loadOrCreate(storage, clock);
        admin.rotate();
        assertThat(serving.currentKid()).isNotEqualTo(admin.currentKid());
        serving.reload();
        assertThat(serving.currentKid()).isEqualTo(admin.currentKid());
    }

    @Test
    void damagedStorage_isRefusedWithClearMessage() {
        InMemoryKeyStorage garbage = new InMemoryKeyStorage();
        garbage.save("{not json");
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(garbage, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a JWK set");

        InMemoryKeyStorage publicOnly = new InMemoryKeyStorage();
        publicOnly.save(
                SigningKeys.loadOrCreate(new InMemoryKeyStorage(), clock).jwksJson());
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(publicOnly, clock))
                .hasMessageContaining("with private parts");

        InMemoryKeyStorage empty = new InMemoryKeyStorage();
        empty.save("{\"keys\":[]}");
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(empty, clock)).hasMessageContaining("one or two keys");
    }

    @Test
    void fileStorage_writesOwnerOnlyFile_andReadsItBack() throws Exception {
        Path file = dir.resolve("data/signing-keys.json");
        SigningKeys keys = SigningKeys.loadOrCreate(new FileKeyStorage(file), clock);
        keys.rotate();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        SigningKeys again = SigningKeys.loadOrCreate(new FileKeyStorage(file), clock);
        assertThat(again.currentKid()).isEqualTo(keys.currentKid());
        assertThat(again.previousKid()).isEqualTo(keys.previousKid());
    }

    @Test
    void fileStorage_refusesAKeyFileOthersCanRead() throws Exception {
        Path file = dir.resolve("signing-keys.json");
        SigningKeys.loadOrCreate(new FileKeyStorage(file), clock);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(new FileKeyStorage(file), clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void toString_showsKidsOnly() {
        SigningKeys keys = SigningKeys.loadOrCreate(new InMemoryKeyStorage(), clock);
        assertThat(keys.toString()).contains(keys.currentKid()).doesNotContain("\"d\"");
    }
}
