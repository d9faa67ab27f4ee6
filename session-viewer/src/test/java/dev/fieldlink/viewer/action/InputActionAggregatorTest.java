package dev.fieldlink.viewer.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.viewer.rfb.Keysyms;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputActionAggregatorTest {
    final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    final List<InputAction> actions = new ArrayList<>();
    final InputActionAggregator agg = new InputActionAggregator(clock, Duration.ofSeconds(1), actions::add);

    void pointer(int mask, int x, int y) {
        agg.accept(new ClientMessage.PointerEvent(mask, x, y));
    }

    void key(int keysym) {
        agg.accept(new ClientMessage.KeyEvent(true, keysym));
        agg.accept(new ClientMessage.KeyEvent(false, keysym));
    }

    void down(int keysym) {
        agg.accept(new ClientMessage.KeyEvent(true, keysym));
    }

    void up(int keysym) {
        agg.accept(new ClientMessage.KeyEvent(false, keysym));
    }

    List<String> described() {
        return actions.stream().map(InputAction::describe).toList();
    }

    @Test
    void pointerMoves_produceNothing() {
        for (int i = 0; i < 100; i++) {
            pointer(0, i, i);
        }
        agg.flush();
        assertThat(actions).isEmpty();
    }

    @Test
    void pressAndRelease_isAClick_andASecondQuickOneADoubleClick() {
        pointer(0, 100, 50);
        pointer(1, 100, 50);
        pointer(0, 101, 50);
        clock.advance(Duration.ofMillis(200));
        pointer(1, 101, 51);
        pointer(0, 101, 51);
        clock.advance(Duration.ofSeconds(2));
        pointer(4, 101, 51);
        pointer(0, 101, 51);
        assertThat(described())
                .containsExactly("click left at 100,50", "double-click left at 101,51", "click right at 101,51");
    }

    @Test
    void pressMoveRelease_isADrag() {
        pointer(1, 10, 10);
        pointer(1, 50, 60);
        pointer(0, 80, 90);
        assertThat(described()).containsExactly("drag from 10,10 to 80,90");
    }

    @Test
    void wheelSteps_areSummed_perDirection() {
        for (int i = 0; i < 3; i++) {
            pointer(16, 5, 5);
            pointer(0, 5, 5);
        }
        pointer(8, 5, 5);
        pointer(0, 5, 5);
        agg.flush();
        assertThat(described()).containsExactly("scroll down x3 at 5,5", "scroll up x1 at 5,5");
    }

    @Test
    void printableKeys_becomeTypedText_flushedByPauseViaTick() {
        down(Keysyms.SHIFT_L);
        key('H');
        up(Keysyms.SHIFT_L);
        key('i');
        key(0x01000000 | 0x00DF); // ß as a Unicode keysym
        key(Keysyms.EURO_SIGN);
        agg.tick();
        assertThat(actions).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        agg.tick();
        assertThat(described()).containsExactly("typed \"Hiß€\"");
    }

    @Test
    void nonTextKey_flushesText_andIsNamed() {
        key('o');
        key('k');
        key(Keysyms.RETURN);
        key(Keysyms.function(5));
        assertThat(described()).containsExactly("typed \"ok\"", "key Enter", "key F5");
    }

    @Test
    void modifiers_makeCombinations() {
        down(Keysyms.CONTROL_L);
        down(Keysyms.ALT_L);
        key(Keysyms.DELETE);
        up(Keysyms.ALT_L);
        key('c');
        up(Keysyms.CONTROL_L);
        down(Keysyms.SHIFT_L);
        key(Keysyms.TAB);
        up(Keysyms.SHIFT_L);
        assertThat(described()).containsExactly("key Ctrl+Alt+Delete", "key Ctrl+C", "key Shift+Tab");
    }

    @Test
    void altGrCharacters_areText() {
        down(Keysyms.ISO_LEVEL3_SHIFT);
        key('@');
        up(Keysyms.ISO_LEVEL3_SHIFT);
        agg.flush();
        assertThat(described()).containsExactly("typed \"@\"");
    }

    @Test
    void click_flushesPendingText_first() {
        key('a');
        pointer(1, 3, 3);
        pointer(0, 3, 3);
        assertThat(described()).containsExactly("typed \"a\"", "click left at 3,3");
    }

    @Test
    void clipboard_reportsLengthAndShortPreview() {
        String long50 = "0123456789".repeat(5);
        agg.accept(new ClientMessage.ClientCutText("line1\nline2"));
        agg.accept(new ClientMessage.ClientCutText(long50));
        assertThat(actions.get(0)).isEqualTo(new InputAction.ClipboardTransfer(clock.instant(), 11, "line1 line2"));
        InputAction.ClipboardTransfer t = (InputAction.ClipboardTransfer) actions.get(1);
        assertThat(t.length()).isEqualTo(50);
        assertThat(t.preview()).hasSize(41).endsWith("…");
    }

    @Test
    void typedText_carriesTheTimeOfItsFirstKey() {
        var start = clock.instant();
        key('x');
        clock.advance(Duration.ofMillis(500));
        key('y');
        agg.flush();
        assertThat(actions).containsExactly(new InputAction.TypedText(start, "xy"));
    }
}
