package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void parsesEveryIdCaseInsensitively() {
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(ReportFormat.parse(" " + format.id().toUpperCase(java.util.Locale.ROOT) + " "))
                    .isEqualTo(format);
        }
    }

    @Test
    void anUnknownFormatListsEveryValidOne() {
        assertThatThrownBy(() -> ReportFormat.parse("pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'pdf'; valid: console, sarif, json, github, gitlab, checkstyle, junit,"
                        + " markdown, mermaid, dot, html");
    }

    @Test
    void everyFileFormatHasItsOwnFileName() {
        assertThat(Arrays.stream(ReportFormat.values())
                        .map(ReportFormat::fileName)
                        .filter(n -> n != null))
                .containsExactly(
                        "refguard.sarif",
                        "refguard.json",
                        "gl-code-quality-report.json",
                        "refguard-checkstyle.xml",
                        "refguard-junit.xml",
                        "refguard.md",
                        "schema.mmd",
                        "schema.dot",
                        "index.html")
                .doesNotHaveDuplicates();
        assertThat(ReportFormat.CONSOLE.fileName()).isNull();
        assertThat(ReportFormat.GITHUB.fileName()).isNull();
    }
}
