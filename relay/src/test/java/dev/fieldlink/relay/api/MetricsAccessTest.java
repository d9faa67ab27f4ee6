package dev.fieldlink.relay.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.relay.config.Secret;
import dev.fieldlink.relay.testing.ApiClient.Answer;
import dev.fieldlink.relay.testing.TestRelay;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} is served only to a scraper that presents the configured token (the negative cases: no
 * header, a wrong token, a user's access token; relays without a token answer 404, see {@code ApiTest}).
 */
class MetricsAccessTest {
    static final String TOKEN = "scrape-7c1e0f5a9b2d4e6f8a0c2e4f";
    static TestRelay t;

    @BeforeAll
    static void start() {
        t = TestRelay.start(b -> b.metricsToken(new Secret(TOKEN)));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static Answer metrics(String authorization) {
        Request.Builder request = new Request.Builder().url(t.api.base() + "/metrics");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return t.api.call(request, null);
    }

    @Test
    void theScrapeToken_getsThePrometheusText() {
        Answer ok = metrics("Bearer " + TOKEN);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).startsWith("text/plain");
        assertThat(ok.body())
                .contains("fieldlink_agents_connected")
                .contains("fieldlink_sessions_active")
                .contains("fieldlink_relayed_bytes_total{direction=\"to_machine\"}")
                .contains("fieldlink_logins_total{outcome=\"ok\"}")
                .contains("fieldlink_consent_total{outcome=\"declined\"}");
    }

    @Test
    void noToken_aWrongOne_orAUsersAccessToken_areRefused() {
        Answer none = metrics(null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.problemType()).isEqualTo("unauthenticated");
        assertThat(none.body()).doesNotContain("fieldlink_agents_connected");

        Answer wrong = metrics("Bearer " + TOKEN.substring(0, TOKEN.length() - 1) + "x");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("detail").asText()).isEqualTo("the metrics scrape token is wrong");

        Answer prefix = metrics("Bearer " + TOKEN.substring(0, 10));
        assertThat(prefix.status()).isEqualTo(401);

        Answer userToken = metrics("Bearer "
                + t.token(t.technician("tom.metrics", java.util.Set.of("DE"), java.util.Set.of("digital-cutter"))));
        assertThat(userToken.status()).isEqualTo(401);

        Answer basic = metrics("Basic " + TOKEN);
        assertThat(basic.status()).isEqualTo(401);
    }
}
