package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.schema.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotReportTest {
    private static final List<TableId> DEFAULT_IDENTITY =
            List.of(TableId.parse("auth.users"), TableId.parse("public.users"));

    @Test
    void drawsTablesAsRecordsAndForeignKeysAsEdgesWithTheFindingInRed() {
        assertThat(DotReport.render(ReportFixtures.sample(), DEFAULT_IDENTITY)).isEqualTo(Golden.read("sample.dot"));
    }

    @Test
    void escapesEveryNameForDotStringsAndHtmlLabels() {
        String dot = DotReport.render(ReportFixtures.hostile(), List.of(TableId.parse("public.\"a-b\"")));

        assertThat(dot).isEqualTo(Golden.read("hostile.dot"));
        // in the HTML-like labels SQL markup is text; in quoted strings only " and \ need escaping
        assertThat(dot.lines().filter(l -> l.contains("[label=<")).map(l -> l.substring(l.indexOf("[label=<"))))
                .hasSize(3)
                .noneMatch(l -> l.contains("<b>&amp;"))
                .anyMatch(l -> l.contains("&lt;b&gt;&amp;amp;"));
        assertThat(dot).contains("tooltip=\"fk\\\"<1>\\\\ ON DELETE CASCADE");
    }

    @Test
    void drawsEachHistoryAsACluster() {
        assertThat(DotReport.render(ReportFixtures.twoHistories(), DEFAULT_IDENTITY))
                .isEqualTo(Golden.read("two-histories.dot"));
    }

    @Test
    void quotesStringsSoNoBackslashOrQuoteEndsThem() {
        assertThat(DotReport.quoted("a\"b\\")).isEqualTo("\"a\\\"b\\\\\"");
        assertThat(DotReport.quoted("two\nlines")).isEqualTo("\"two lines\"");
    }
}
