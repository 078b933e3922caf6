package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import dev.refguard.schema.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidReportTest {
    private static final List<TableId> DEFAULT_IDENTITY =
            List.of(TableId.parse("auth.users"), TableId.parse("public.users"));

    @Test
    void drawsTablesColumnsKeysIdentityTablesAndTheEdgeWithAFinding() {
        assertThat(MermaidReport.render(ReportFixtures.sample(), DEFAULT_IDENTITY))
                .isEqualTo(Golden.read("sample.mmd"));
    }

    @Test
    void sanitisesEntityNamesAndEscapesEveryLabel() {
        String mmd = MermaidReport.render(ReportFixtures.hostile(), List.of(TableId.parse("public.\"a-b\"")));

        assertThat(mmd).isEqualTo(Golden.read("hostile.mmd"));
        // no name can start a directive, close a label or put markup into the page
        assertThat(mmd).doesNotContain("%%{").doesNotContain("<").doesNotContain("\\\"");
        for (String line : mmd.split("\n")) {
            assertThat(line.chars().filter(c -> c == '"').count() % 2)
                    .as("quotes balanced in %s", line)
                    .isZero();
        }
    }

    @Test
    void keepsTheEntityNameOfAPlainTableWhenAnotherSanitisesToTheSame() {
        String mmd = MermaidReport.render(ReportFixtures.hostile(), List.of());

        // public.a_b is plain and keeps its name; public."a-b" gets the number
        assertThat(mmd).contains("    public_a_b[\"public.a_b (seed)\"] {\n");
        assertThat(mmd).contains("    public_a_b_2[\"public.#quot;a-b#quot;\"] {\n");
    }

    @Test
    void namesEachHistoryWhenThereAreSeveral() {
        assertThat(MermaidReport.render(ReportFixtures.twoHistories(), DEFAULT_IDENTITY))
                .isEqualTo(Golden.read("two-histories.mmd"));
    }

    @Test
    void marksOnlyEdgesWhoseDeclarationHasAShownFinding() {
        Finding elsewhere = ReportFixtures.finding(
                "mixed-user-reference", Severity.ERROR, ReportFixtures.BASELINE_FILE, 148, 27, "m");
        Finding baselined = new Finding(
                        "mixed-user-reference",
                        Severity.ERROR,
                        new Location(ReportFixtures.BASELINE_FILE, 147, 27),
                        "m",
                        "",
                        "",
                        false)
                .asBaselined();

        for (AnalysisResult result : List.of(
                ReportFixtures.withFindings(List.of(elsewhere)), ReportFixtures.withFindings(List.of(baselined)))) {
            String mmd = MermaidReport.render(result, DEFAULT_IDENTITY);

            assertThat(mmd)
                    .contains("    public_songs }o--|| auth_users : \"songs_last_modified_by_fkey\"\n")
                    .doesNotContain("finding");
        }
    }

    @Test
    void makesColumnNamesAndTypesPlainAttributeWords() {
        assertThat(MermaidReport.word("character varying(255)")).isEqualTo("character_varying(255)");
        assertThat(MermaidReport.word("numeric(10,2)")).isEqualTo("numeric(10_2)");
        assertThat(MermaidReport.word("PK")).isEqualTo("PK_");
        assertThat(MermaidReport.word("uk")).isEqualTo("uk_");
        assertThat(MermaidReport.word("2fa")).isEqualTo("_2fa");
        assertThat(MermaidReport.word("")).isEqualTo("_");
        assertThat(MermaidReport.word("fk_user")).isEqualTo("fk_user");
    }

    @Test
    void anEmptyGraphIsAnEmptyDiagram() {
        assertThat(MermaidReport.render(ReportFixtures.nothingFound(), DEFAULT_IDENTITY))
                .isEqualTo("erDiagram\n    %% refguard: 0 tables, 0 foreign keys\n");
    }
}
