package dev.fieldlink.agent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.audit.AuditVerifier;
import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.config.SessionSettings;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.testing.MutableClock;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionControllerTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
    private final List<ControlMessage> sent = new CopyOnWriteArrayList<>();
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private AuditLog audit;
    private SimulatedOperator operator;
    private SessionController sessions;

    @BeforeEach
    void setUp() {
        audit = AuditLog.open(dir, "agent:m1", AuditSettings.defaults(), clock);
        operator = new SimulatedOperator("Olga Operator", SimulatedOperator.neverAnswer());
        sessions = new SessionController(
                "m1", new SessionSettings(Duration.ofMinutes(30), Duration.ofMinutes(2)), clock, audit, operator, true);
        sessions.setRelayLink(m -> sent.add(m));
        sessions.addListener(new SessionListener() {
            @Override
            public void sessionEnded(String sessionId, EndCause cause, String detail) {
                ended.add(sessionId + ":" + cause);
            }
        });
    }

    @AfterEach
    void tearDown() {
        audit.close();
        assertThat(new AuditVerifier().verify(dir).ok()).isTrue();
    }

    private static ControlMessage.SessionRequested request(String id, int minutes) {
        return new ControlMessage.SessionRequested(
                id, "t7", "Tom Technician", "PressCo Service", null, "Vacuum alarm", "CASE-99", minutes, null, false);
    }

    private List<String> types() {
        List<String> types = new ArrayList<>();
        var reader = audit.reader(0);
        List<AuditEvent> batch;
        while (!(batch = reader.next(100, 1 << 20)).isEmpty()) {
            batch.forEach(e -> types.add(e.type()));
        }
        return types;
    }

    @Test
    void allow_isCappedByRequestAndMaximum_startsTheSession_andTellsTheRelay() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 45));

        assertThat(operator.requests().get(0).maxMinutes()).isEqualTo(30);
        assertThat(sessions.active())
                .get()
                .extracting(ActiveSession::expiresAt)
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(sent).containsExactly(new ControlMessage.SessionConsent("s1", true, 30, "Olga Operator"));
        assertThat(types()).containsExactly(AuditEventTypes.SESSION_REQUESTED, AuditEventTypes.CONSENT_GIVEN);
    }

    @Test
    void grantAboveTheMaximum_isRefused_nothingIsAllowedWithoutAValidAnswer() {
        sessions.onRequested(request("s1", 10));

        assertThatThrownBy(() -> sessions.decide("s1", ConsentDecision.allow(11, "x")))
                .hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> sessions.decide("s1", ConsentDecision.allow(0, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sessions.active()).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void decline_answersTheRelay_andIsAudited() {
        operator.setBehaviour(SimulatedOperator.decline());
        sessions.onRequested(request("s1", 10));

        assertThat(sessions.active()).isEmpty();
        assertThat(sent).containsExactly(new ControlMessage.SessionConsent("s1", false, 0, "Olga Operator"));
        assertThat(ended).containsExactly("s1:DECLINED");
        assertThat(types()).endsWith(AuditEventTypes.CONSENT_DECLINED);
    }

    @Test
    void noAnswer_lapsesAtTheConsentTimeout_onTheAgentClock_andALateAnswerIsIgnored() {
        sessions.onRequested(request("s1", 10));
        clock.advance(Duration.ofSeconds(119));
        sessions.tick();
        assertThat(sessions.pending()).isPresent();

        clock.advance(Duration.ofSeconds(1));
        sessions.tick();

        assertThat(sessions.pending()).isEmpty();
        assertThat(operator.withdrawn()).containsExactly("s1");
        assertThat(ended).containsExactly("s1:CONSENT_TIMEOUT");
        assertThat(sessions.decide("s1", ConsentDecision.allow(5, "late"))).isFalse();
        assertThat(sessions.active()).isEmpty();
        assertThat(types()).endsWith(AuditEventTypes.CONSENT_TIMEOUT);
    }

    @Test
    void relayDeadline_earlierThanOurTimeout_wins() {
        sessions.onRequested(new ControlMessage.SessionRequested(
                "s1", "t7", "Tom", "Co", null, "r", "c", 10, clock.instant().plusSeconds(30), false));
        assertThat(sessions.pending())
                .get()
                .extracting(ConsentRequest::deadline)
                .isEqualTo(clock.instant().plusSeconds(30));
    }

    @Test
    void expiry_onTheAgentClock_closesTheScreenChannel_andEndsTheSession() {
        operator.setBehaviour(SimulatedOperator.approveAtMost(5));
        sessions.onRequested(request("s1", 10));
        assertThat(sessions.openScreen("s1")).isPresent();
        boolean[] closed = {false};
        Closeable channel = () -> closed[0] = true;
        assertThat(sessions.attachScreen("s1", channel)).isTrue();

        clock.advance(Duration.ofMinutes(5));
        sessions.tick();

        assertThat(closed[0]).isTrue();
        assertThat(sessions.active()).isEmpty();
        assertThat(sent).contains(new ControlMessage.SessionEnded("s1", EndCause.EXPIRED, "the granted time is over"));
        assertThat(ended).containsExactly("s1:EXPIRED");
        assertThat(sessions.openScreen("s1")).as("no screen after the end").isEmpty();
        assertThat(types())
                .contains(
                        AuditEventTypes.CHANNEL_OPENED, AuditEventTypes.SESSION_ENDED, AuditEventTypes.CHANNEL_REFUSED);
    }

    @Test
    void screenForAnotherSession_isRefused_andAudited() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 10));

        assertThat(sessions.openScreen("s2")).isEmpty();
        assertThat(types()).endsWith(AuditEventTypes.CHANNEL_REFUSED);
    }

    @Test
    void operatorEnd_switchOff_relayEnd_andLostConnection_eachEndWithTheirCause() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 10));
        sessions.endByOperator();
        sessions.onRequested(request("s2", 10));
        sessions.remoteServiceChanged(false);
        sessions.remoteServiceChanged(true);
        sessions.onRequested(request("s3", 10));
        sessions.onEnded(new ControlMessage.SessionEnded("s3", EndCause.TECHNICIAN, "done"));
        sessions.onRequested(request("s4", 10));
        sessions.connectionLost();

        assertThat(ended).containsExactly("s1:OPERATOR", "s2:SWITCH_OFF", "s3:TECHNICIAN", "s4:AGENT_DISCONNECTED");
        assertThat(sessions.lastEnded())
                .get()
                .extracting(SessionController.Ended::cause)
                .isEqualTo(EndCause.AGENT_DISCONNECTED);
    }

    @Test
    void requestWhileRemoteServiceIsOff_isDeclinedWithoutAskingTheOperator() {
        sessions.remoteServiceChanged(false);
        sessions.onRequested(request("s1", 10));

        assertThat(operator.requests()).isEmpty();
        assertThat(sent).containsExactly(new ControlMessage.SessionConsent("s1", false, 0, "agent:m1"));
    }

    @Test
    void extension_addsTheGrantedMinutes_afterANewConsent() {
        operator.setBehaviour(SimulatedOperator.approveAtMost(10));
        sessions.onRequested(request("s1", 10));
        Instant first = sessions.active().orElseThrow().expiresAt();

        sessions.onRequested(
                new ControlMessage.SessionRequested("s1", "t7", "Tom", "Co", null, "r", "c", 15, null, true));

        assertThat(sessions.active().orElseThrow().expiresAt()).isEqualTo(first.plus(Duration.ofMinutes(10)));
        assertThat(types()).contains(AuditEventTypes.EXTENSION_REQUESTED, AuditEventTypes.EXTENSION_GRANTED);
    }

    private static ControlMessage.SessionRequested extension(String id, int minutes) {
        return new ControlMessage.SessionRequested(id, "t7", "Tom", "Co", null, "r", "c", minutes, null, true);
    }

    @Test
    void relayEnd_whileAnExtensionAwaitsTheOperator_withdrawsIt_andEndsTheSession() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 10));
        operator.setBehaviour(SimulatedOperator.neverAnswer());
        sessions.onRequested(extension("s1", 10));
        assertThat(sessions.pending()).isPresent();

        sessions.onEnded(new ControlMessage.SessionEnded("s1", EndCause.TECHNICIAN, "done"));

        assertThat(sessions.active()).isEmpty();
        assertThat(sessions.pending()).isEmpty();
        assertThat(operator.withdrawn()).containsExactly("s1");
        assertThat(ended).containsExactly("s1:TECHNICIAN");
        assertThat(sessions.lastEnded())
                .get()
                .extracting(SessionController.Ended::cause)
                .isEqualTo(EndCause.TECHNICIAN);
        assertThat(types()).endsWith(AuditEventTypes.SESSION_CANCELLED, AuditEventTypes.SESSION_ENDED);
    }

    @Test
    void operatorEnd_withdrawsAWaitingExtension_aLateAllowIsIgnored_andNewRequestsAreAsked() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 10));
        operator.setBehaviour(SimulatedOperator.neverAnswer());
        sessions.onRequested(extension("s1", 10));

        sessions.endByOperator();

        assertThat(sessions.pending()).isEmpty();
        assertThat(operator.withdrawn()).containsExactly("s1");
        assertThat(types()).contains(AuditEventTypes.SESSION_CANCELLED);
        assertThat(sessions.decide("s1", ConsentDecision.allow(5, "late"))).isFalse();
        assertThat(sessions.active()).isEmpty();

        sessions.onRequested(request("s2", 10));
        assertThat(sessions.pending())
                .get()
                .extracting(ConsentRequest::sessionId)
                .isEqualTo("s2");
        assertThat(sent).doesNotContain(new ControlMessage.SessionConsent("s2", false, 0, "agent:m1"));
    }

    @Test
    void secondRequestWhileActive_isDeclined() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 10));
        sessions.onRequested(request("s2", 10));

        assertThat(sessions.active().orElseThrow().sessionId()).isEqualTo("s1");
        assertThat(sent).contains(new ControlMessage.SessionConsent("s2", false, 0, "agent:m1"));
    }

    @Test
    void chat_bothWays_isAudited_andCut() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 10));
        sessions.onChat(new ControlMessage.Chat("s1", "technician", "Tom", "x".repeat(5000), clock.instant()));
        assertThat(sessions.sendChat("Olga", "Go ahead")).isTrue();

        assertThat(sent).contains(new ControlMessage.Chat("s1", "operator", "Olga", "Go ahead", clock.instant()));
        assertThat(types()).containsSubsequence(AuditEventTypes.CHAT_MESSAGE, AuditEventTypes.CHAT_MESSAGE);
    }

    @Test
    void mirror_namesClicks_gathersTypedText_andCombos() {
        operator.setBehaviour(SimulatedOperator.approve());
        sessions.onRequested(request("s1", 10));
        List<ActionEntry> feed = new CopyOnWriteArrayList<>();
        sessions.addListener(new SessionListener() {
            @Override
            public void action(ActionEntry entry) {
                feed.add(entry);
            }
        });
        var screen = new SimulatedHmi(new ScreenSettings.Simulated(null, null, null, null), clock);
        InputMirror mirror = new InputMirror(screen, sessions, clock);
        var p = screen.locate("Diagnostics").orElseThrow();

        mirror.pointer(p.x, p.y, 1);
        mirror.pointer(p.x, p.y, 0);
        for (char c : "42".toCharArray()) {
            mirror.key(c, true);
            mirror.key(c, false);
        }
        clock.advance(InputMirror.TYPING_PAUSE);
        mirror.tick();
        mirror.key(0xffe3, true);
        mirror.key('c', true);
        mirror.cutText("hello");

        assertThat(feed)
                .extracting(ActionEntry::kind)
                .containsExactly(
                        ActionEntry.Kind.CLICK,
                        ActionEntry.Kind.TEXT,
                        ActionEntry.Kind.KEY_COMBO,
                        ActionEntry.Kind.CLIPBOARD);
        assertThat(feed.get(0).control()).isEqualTo("Diagnostics");
        assertThat(feed.get(1).text()).isEqualTo("42");
        assertThat(feed.get(2).text()).isEqualTo("Ctrl+C");
        assertThat(types())
                .contains(AuditEventTypes.INPUT_CLICK, AuditEventTypes.INPUT_KEYS, AuditEventTypes.INPUT_CLIPBOARD);
    }
}
