package dev.refguard.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BlanksTest {
    /** Random texts of blanks, other white space and letters: the same as the regular expressions they replace. */
    @Test
    void squeezesAndRemovesAsTheRegularExpressionsDo() {
        char[] alphabet = {' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', 'a', 'B', '(', '['};
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = text.toString();
            assertThat(Blanks.squeeze(s)).as(s).isEqualTo(s.replaceAll("\\s+", " "));
            assertThat(Blanks.remove(s)).as(s).isEqualTo(s.replaceAll("\\s+", ""));
        }
        assertThat(Blanks.squeeze(" a \t\n b ")).isEqualTo(" a b ");
    }
}
