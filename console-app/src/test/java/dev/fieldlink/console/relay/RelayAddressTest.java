package dev.fieldlink.console.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RelayAddressTest {
    @Test
    void bareHostName_getsHttpsTheDefaultPortAndTheApiPath() {
        RelayAddress address = RelayAddress.parse("  relay.example.com ");
        assertThat(address.apiBase()).hasToString("https://relay.example.com:8443/api/v1/");
        assertThat(address.display()).isEqualTo("relay.example.com");
    }

    @Test
    void explicitPortAndPath_keepThePort_andUseTheApiPath() {
        RelayAddress address = RelayAddress.parse("https://relay.example.com:9443/anything?x=1");
        assertThat(address.apiBase()).hasToString("https://relay.example.com:9443/api/v1/");
        assertThat(address.display()).isEqualTo("relay.example.com:9443");
    }

    @Test
    void ipv6Literal_isAccepted_andDisplayedInBrackets() {
        RelayAddress address = RelayAddress.parse("[::1]:7443");
        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.port()).isEqualTo(7443);
        assertThat(address.display()).isEqualTo("[::1]:7443");
    }

    @Test
    void plainHttp_isRefused_namingTheScheme() {
        assertThatThrownBy(() -> RelayAddress.parse("http://relay.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must use https, not http");
    }

    @Test
    void emptyOrHostless_isRefused_withAClearMessage() {
        assertThatThrownBy(() -> RelayAddress.parse(" ")).hasMessage("The relay address is empty");
        assertThatThrownBy(() -> RelayAddress.parse("https://")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayAddress.parse("relay example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relay example");
    }

    @Test
    void userInfo_isRefused() {
        assertThatThrownBy(() -> RelayAddress.parse("https://alice:pw@relay.example.com"))
                .hasMessageContaining("must not contain a user name");
    }
}
