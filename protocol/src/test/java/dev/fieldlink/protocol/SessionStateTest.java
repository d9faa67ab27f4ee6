package dev.fieldlink.protocol;

import static dev.fieldlink.protocol.session.SessionState.ACTIVE;
import static dev.fieldlink.protocol.session.SessionState.CANCELLED;
import static dev.fieldlink.protocol.session.SessionState.DECLINED;
import static dev.fieldlink.protocol.session.SessionState.ENDED;
import static dev.fieldlink.protocol.session.SessionState.EXPIRED;
import static dev.fieldlink.protocol.session.SessionState.PENDING_CONSENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.session.SessionState;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SessionStateTest {
    @Test
    void pending_movesOnlyToActiveDeclinedExpiredOrCancelled() {
        assertThat(EnumSet.allOf(SessionState.class).stream().filter(PENDING_CONSENT::canMoveTo))
                .containsExactlyInAnyOrder(ACTIVE, DECLINED, EXPIRED, CANCELLED);
    }

    @Test
    void active_movesOnlyToEnded() {
        assertThat(EnumSet.allOf(SessionState.class).stream().filter(ACTIVE::canMoveTo))
                .containsExactly(ENDED);
    }

    @Test
    void finalStates_goNowhere() {
        for (SessionState state : EnumSet.of(ENDED, DECLINED, EXPIRED, CANCELLED)) {
            assertThat(state.isFinal()).isTrue();
            assertThat(EnumSet.allOf(SessionState.class).stream().filter(state::canMoveTo))
                    .isEmpty();
        }
        assertThat(PENDING_CONSENT.isFinal()).isFalse();
        assertThat(ACTIVE.isFinal()).isFalse();
    }
}
