package dev.fieldlink.relay.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.api.EnrollRequest;
import dev.fieldlink.protocol.api.EnrollResponse;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.testing.Poll;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer that publishes the SSH endpoint as {@code relay.example.com:22}, agents (enrolment) and
 * viewers (tickets) are told that address, not the port the relay listens on.
 */
class AdvertisedEndpointTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void enrolmentAndTickets_nameTheAdvertisedHostAndPort() throws Exception {
        try (TestRelay t = TestRelay.start(
                        b -> b.sshAdvertisedHost("relay.example.com").sshAdvertisedPort(22));
                TestAgent agent = new TestAgent("m-lb").autoConsent(30)) {
            assertThat(t.relay.sshPort()).as("the relay listens elsewhere").isNotEqualTo(22);
            t.machine("m-lb", "DE", "digital-cutter");
            String code = t.relay.admin().provisionMachine("m-lb").code();
            EnrollResponse enrolled = t.api.post(
                            "/api/v1/agents/enroll", new EnrollRequest(code, "m-lb", agent.publicKey()), null)
                    .as(EnrollResponse.class);
            assertThat(enrolled.sshHost()).isEqualTo("relay.example.com");
            assertThat(enrolled.sshPort()).isEqualTo(22);

            agent.connect(t.relay.sshPort(), enrolled.hostKeyFingerprint());
            Poll.until(WAIT, "online", () -> t.relay.agents().isOnline("m-lb"));
            String token = t.token(t.technician("lb-tech", Set.of("DE"), Set.of("digital-cutter")));
            TicketResponse ticket =
                    t.ticket(t.activeSession("m-lb", "check", 30, token).id(), token);
            assertThat(ticket.sshHost()).isEqualTo("relay.example.com");
            assertThat(ticket.sshPort()).isEqualTo(22);
        }
    }
}
