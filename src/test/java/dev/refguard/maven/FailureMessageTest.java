package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureMessageTest {
    private static final Path BASE = Path.of("/work/project").toAbsolutePath();
    private static final Path REPORTS = BASE.resolve("target/refguard");

    private static Finding finding(String ruleId, int line) {
        return new Finding(
                ruleId,
                Severity.ERROR,
                new Location("supabase/migrations/1_init.sql", line, 1),
                "message",
                "hint",
                "fp",
                false);
    }

    @Test
    void countsFindingsByRuleMostFrequentFirstAndNamesTheSarifReport() {
        List<Finding> failing = List.of(
                finding("fk-type-mismatch", 3), finding("mixed-user-reference", 5), finding("mixed-user-reference", 9));

        String message = FailureMessage.of(
                failing, Severity.ERROR, EnumSet.of(ReportFormat.CONSOLE, ReportFormat.SARIF), REPORTS, BASE);

        assertThat(message)
                .isEqualTo("refguard: 3 findings at or above error (2 mixed-user-reference, 1 fk-type-mismatch);"
                        + " see target/refguard/refguard.sarif");
    }

    @Test
    void rulesWithEqualCountsAreListedByName() {
        List<Finding> failing = List.of(finding("seed-only-reference", 1), finding("fk-type-mismatch", 1));

        String message = FailureMessage.of(failing, Severity.WARNING, EnumSet.of(ReportFormat.SARIF), REPORTS, BASE);

        assertThat(message)
                .isEqualTo("refguard: 2 findings at or above warning (1 fk-type-mismatch, 1 seed-only-reference);"
                        + " see target/refguard/refguard.sarif");
    }

    @Test
    void oneFindingIsSingular() {
        String message = FailureMessage.of(
                List.of(finding("missing-reference-target", 4)),
                Severity.ERROR,
                EnumSet.of(ReportFormat.SARIF),
                REPORTS,
                BASE);

        assertThat(message).startsWith("refguard: 1 finding at or above error (1 missing-reference-target);");
    }

    @Test
    void namesTheJsonReportWhenNoSarifIsWritten() {
        String message = FailureMessage.of(
                List.of(finding("table-redefined", 4)), Severity.ERROR, EnumSet.of(ReportFormat.JSON), REPORTS, BASE);

        assertThat(message).endsWith("; see target/refguard/refguard.json");
    }

    @Test
    void pointsAtTheLogWhenNoReportFileIsWritten() {
        String message = FailureMessage.of(
                List.of(finding("table-redefined", 4)),
                Severity.ERROR,
                EnumSet.of(ReportFormat.CONSOLE),
                REPORTS,
                BASE);

        assertThat(message).endsWith("; see the findings listed above");
    }

    @Test
    void reportOutsideTheBaseDirectoryIsShownAbsolute() {
        Path elsewhere = Path.of("/tmp/reports").toAbsolutePath();

        String message = FailureMessage.of(
                List.of(finding("table-redefined", 4)),
                Severity.ERROR,
                EnumSet.of(ReportFormat.SARIF),
                elsewhere,
                BASE);

        assertThat(message)
                .endsWith("; see "
                        + elsewhere.resolve("refguard.sarif").toString().replace('\\', '/'));
    }
}
