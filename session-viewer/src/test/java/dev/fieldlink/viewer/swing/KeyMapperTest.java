package dev.fieldlink.viewer.swing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.rfb.Keysyms;
import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;

class KeyMapperTest {
    static final Component SOURCE = new JPanel();

    static int map(int code, char c, int modifiers, int location) {
        return KeyMapper.keysym(new KeyEvent(SOURCE, KeyEvent.KEY_PRESSED, 0, modifiers, code, c, location));
    }

    static int map(int code, char c) {
        return map(code, c, 0, KeyEvent.KEY_LOCATION_STANDARD);
    }

    @Test
    void lettersAndDigits_areTheirCharacters() {
        assertThat(map(KeyEvent.VK_A, 'a')).isEqualTo('a');
        assertThat(map(KeyEvent.VK_A, 'A', InputEvent.SHIFT_DOWN_MASK, KeyEvent.KEY_LOCATION_STANDARD))
                .isEqualTo('A');
        assertThat(map(KeyEvent.VK_7, '7')).isEqualTo('7');
        assertThat(map(KeyEvent.VK_SPACE, ' ')).isEqualTo(' ');
    }

    @Test
    void nonAsciiCharacters_areLatin1OrUnicodeKeysyms() {
        assertThat(map(0x10000FC, 'ü')).isEqualTo(0xFC);
        assertThat(map(KeyEvent.VK_EURO_SIGN, '€')).isEqualTo(0x010020AC);
        assertThat(map(0, 'ж')).isEqualTo(0x01000436);
    }

    @Test
    void altGrCharacter_isTheCharacterItTypes() {
        int altGr = InputEvent.ALT_GRAPH_DOWN_MASK;
        assertThat(map(KeyEvent.VK_Q, '@', altGr, KeyEvent.KEY_LOCATION_STANDARD))
                .isEqualTo('@');
        assertThat(map(KeyEvent.VK_ALT_GRAPH, KeyEvent.CHAR_UNDEFINED, altGr, KeyEvent.KEY_LOCATION_RIGHT))
                .isEqualTo(Keysyms.ISO_LEVEL3_SHIFT);
    }

    @Test
    void ctrlLetter_isTheLetter_notAControlCharacter() {
        assertThat(map(KeyEvent.VK_C, (char) 3, InputEvent.CTRL_DOWN_MASK, KeyEvent.KEY_LOCATION_STANDARD))
                .isEqualTo('c');
    }

    @Test
    void namedKeys_andModifiersByLocation() {
        assertThat(map(KeyEvent.VK_F5, KeyEvent.CHAR_UNDEFINED)).isEqualTo(Keysyms.function(5));
        assertThat(map(KeyEvent.VK_F13, KeyEvent.CHAR_UNDEFINED)).isEqualTo(Keysyms.function(13));
        assertThat(map(KeyEvent.VK_ENTER, '\n')).isEqualTo(Keysyms.RETURN);
        assertThat(map(KeyEvent.VK_ENTER, '\n', 0, KeyEvent.KEY_LOCATION_NUMPAD))
                .isEqualTo(Keysyms.KP_ENTER);
        assertThat(map(KeyEvent.VK_BACK_SPACE, '\b')).isEqualTo(Keysyms.BACKSPACE);
        assertThat(map(KeyEvent.VK_DELETE, (char) 127)).isEqualTo(Keysyms.DELETE);
        assertThat(map(KeyEvent.VK_SHIFT, KeyEvent.CHAR_UNDEFINED, 0, KeyEvent.KEY_LOCATION_LEFT))
                .isEqualTo(Keysyms.SHIFT_L);
        assertThat(map(KeyEvent.VK_CONTROL, KeyEvent.CHAR_UNDEFINED, 0, KeyEvent.KEY_LOCATION_RIGHT))
                .isEqualTo(Keysyms.CONTROL_R);
        assertThat(map(KeyEvent.VK_NUMPAD4, '4', 0, KeyEvent.KEY_LOCATION_NUMPAD))
                .isEqualTo(0xFFB4);
        assertThat(map(KeyEvent.VK_LEFT, KeyEvent.CHAR_UNDEFINED)).isEqualTo(Keysyms.LEFT);
    }

    @Test
    void deadKey_mapsToNothing_soTheComposedCharacterIsSentLater() {
        assertThat(map(KeyEvent.VK_DEAD_ACUTE, KeyEvent.CHAR_UNDEFINED)).isZero();
    }
}
