package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void summarisesCountsTableAndFindingsGroupedByFile() {
        assertThat(MarkdownReport.render(ReportFixtures.sample())).isEqualTo(Golden.read("sample.md"));
    }

    @Test
    void escapesEveryNameFromTheSqlAndFencesHintsLongerThanTheirBackticks() {
        String md = MarkdownReport.render(ReportFixtures.hostile());

        assertThat(md).isEqualTo(Golden.read("hostile.md"));
        // outside the code block no markup survives; inside it, a fence longer than the hint's ```` holds it
        int fence = md.indexOf("\n  `````sql\n");
        assertThat(fence).isPositive();
        // (a "](" only after a backslash: the bracket is literal, no link)
        assertThat(md.substring(0, fence)).doesNotContain("<").doesNotContainPattern("[^\\\\]\\]\\(");
        assertThat(md.substring(fence)).contains("<b>&amp;</b>").endsWith("\n  `````\n");
    }

    @Test
    void putsOnlyTheSqlFixInACodeBlockAndTheWordsOfAHintAsText() {
        String prose = "Create \"users\" in a schema migration that runs before this one";
        Finding wordsOnly = new Finding(
                "missing-reference-target", Severity.ERROR, new Location("a.sql", 3, 1), "m", prose, "", false);
        String fix = "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u(id);";
        Finding withFix = new Finding(
                "unenforced-reference",
                Severity.INFO,
                new Location("a.sql", 5, 1),
                "m",
                "Enforce it in a new migration:\n" + fix,
                "",
                false,
                fix,
                false);

        String md = MarkdownReport.render(ReportFixtures.withFindings(List.of(wordsOnly, withFix)));

        assertThat(md)
                .contains("\n  Create \"users\" in a schema migration that runs before this one\n")
                .contains("\n  Enforce it in a new migration:\n\n  ```sql\n  " + fix + "\n  ```\n");
        assertThat(md.split("```sql", -1)).hasSize(2);
    }

    @Test
    void keepsTheWordsOfAHintInTheirPlaceAroundTheSql() {
        String fix = "ALTER TABLE t DROP CONSTRAINT t_fk;";
        Finding finding = new Finding(
                "mixed-user-reference",
                Severity.ERROR,
                new Location("a.sql", 5, 1),
                "m",
                "Point it at public.users in a new migration:\n" + fix + "\nrefguard inferred public.users.",
                "",
                false,
                fix,
                false);

        String md = MarkdownReport.render(ReportFixtures.withFindings(List.of(finding)));

        assertThat(md)
                .contains("  Point it at public.users in a new migration:\n\n  ```sql\n  " + fix
                        + "\n  ```\n\n  refguard inferred public.users.");
    }

    @Test
    void aRunWithoutMigrationsNamesThePlacesLookedIn() {
        assertThat(MarkdownReport.render(ReportFixtures.nothingFound()))
                .isEqualTo("## refguard\n\nno migration files found; looked in: supabase/migrations,"
                        + " prisma/migrations, src/main/resources/db/migration\n");
    }

    @Test
    void aCleanRunSaysSoWithoutATable() {
        assertThat(MarkdownReport.render(ReportFixtures.withFindings(List.of())))
                .isEqualTo("""
                        ## refguard: 0 errors, 0 warnings, 0 info

                        14 files, 1423 statements, 52 tables, 61 foreign keys; statements: 1420 read, 3 unreadable (99.8%)
                        """);
    }

    @Test
    void staysUnderGithubsCommentLimitAndCountsWhatItLeftOut() {
        List<Finding> many = new ArrayList<>();
        String hint = "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u(id);\n".repeat(5);
        for (int i = 1; i <= 2000; i++) {
            many.add(new Finding(
                    "fk-type-mismatch",
                    Severity.ERROR,
                    new Location("db/V" + (i % 7) + ".sql", i, 1),
                    "t.a references u.id with another type",
                    hint,
                    "",
                    false));
        }

        String md = MarkdownReport.render(ReportFixtures.withFindings(many));

        assertThat(md.length()).isLessThan(65_536);
        long listed = md.lines().filter(l -> l.startsWith("- **error**")).count();
        assertThat(listed).isBetween(10L, 1999L);
        assertThat(md).endsWith("… and " + (2000 - listed) + " more findings (see refguard.sarif)\n");
    }
}
