package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void escapesMarkdownInNamesThatComeFromSql() {
        assertThat(MarkdownText.escape("\"a|b\" references <script>`x`</script> & *y*\nz"))
                .isEqualTo("\"a\\|b\" references &lt;script&gt;\\`x\\`&lt;/script&gt; &amp; \\*y\\* z");
    }

    @Test
    void fencesCodeWithMoreBackticksThanItHoldsAndIndentsEveryLine() {
        assertThat(MarkdownText.fence(List.of("a ``` b", "", "c"), "sql", "  "))
                .isEqualTo("  ````sql\n  a ``` b\n\n  c\n  ````\n");
        assertThat(MarkdownText.fence(List.of("plain"), "", "")).isEqualTo("```\nplain\n```\n");
    }
}
