package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFixtures.ListConsole;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReportTest {

    @Test
    void annotatesEveryFindingThatIsNotBaselinedOnStandardOutput() {
        ListConsole console = new ListConsole();

        GithubReport.annotate(ReportFixtures.sample(), console);

        assertThat(console.lines)
                .containsExactly(
                        "info: ::error file=supabase/migrations/20251106000000_baseline_schema.sql,line=147,col=27,"
                                + "title=refguard mixed-user-reference::songs.last_modified_by references"
                                + " auth.users(id); 7 other FKs reference public.users(id)",
                        "info: ::warning file=supabase/migrations/20251106000000_baseline_schema.sql,line=200,col=1,"
                                + "title=refguard unparsed-statement::ALTER TABLE songs ... could not be read",
                        "info: ::notice file=supabase/migrations/20260217000000_add_password_reset_tokens.sql,"
                                + "line=3,col=3,title=refguard unenforced-reference::password_reset_tokens.user_id has"
                                + " no foreign key to public.users");
    }

    @Test
    void sendsAnnotationsAsCommandsSoASinkCanPrintThemWithoutALogPrefix() {
        List<String> commands = new java.util.ArrayList<>();
        ListConsole console = new ListConsole() {
            @Override
            public void command(String line) {
                commands.add(line);
            }
        };

        GithubReport.annotate(ReportFixtures.sample(), console);

        assertThat(console.lines).isEmpty();
        assertThat(commands).hasSize(3).allMatch(line -> line.startsWith("::"));
    }

    @Test
    void escapesPercentLineBreaksAndInPropertiesCommasAndColons() {
        Finding finding = ReportFixtures.finding(
                "fk-type-mismatch", Severity.ERROR, "db/a,b:c%.sql", 4, 9, "100% wrong: a.b, c.d\r\nsecond line");

        assertThat(GithubReport.annotation(finding))
                .isEqualTo("::error file=db/a%2Cb%3Ac%25.sql,line=4,col=9,title=refguard fk-type-mismatch"
                        + "::100%25 wrong: a.b, c.d%0D%0Asecond line");
    }

    @Test
    void leavesOutLineAndColumnOfAFileLevelFinding() {
        Finding finding = ReportFixtures.finding("unparsed-statement", Severity.INFO, "a.sql", 0, 0, "m");

        assertThat(GithubReport.annotation(finding))
                .isEqualTo("::notice file=a.sql,title=refguard unparsed-statement::m");
    }

    @Test
    void summarisesCountsByRuleAndSeverityFindingsAndCoverageInMarkdown() {
        assertThat(GithubReport.stepSummary(ReportFixtures.sample())).isEqualTo("""
                        ## refguard

                        14 files, 1423 statements, 52 tables, 61 foreign keys; findings: 1 error, 1 warning, 1 info (1 baselined)

                        | rule | severity | findings | baselined |
                        | --- | --- | ---: | ---: |
                        | mixed-user-reference | error | 1 | 1 |
                        | unenforced-reference | info | 1 | 0 |
                        | unparsed-statement | warning | 1 | 0 |

                        - **error** supabase/migrations/20251106000000\\_baseline\\_schema.sql:147:27 [mixed-user-reference] songs.last\\_modified\\_by references auth.users(id); 7 other FKs reference public.users(id)
                        - **warning** supabase/migrations/20251106000000\\_baseline\\_schema.sql:200:1 [unparsed-statement] ALTER TABLE songs ... could not be read
                        - **info** supabase/migrations/20260217000000\\_add\\_password\\_reset\\_tokens.sql:3:3 [unenforced-reference] password\\_reset\\_tokens.user\\_id has no foreign key to public.users

                        statements: 1420 read, 3 unreadable (99.8%)
                        """);
    }

    @Test
    void summaryOfARunWithoutMigrationsNamesThePlacesLookedIn() {
        assertThat(GithubReport.stepSummary(ReportFixtures.nothingFound())).isEqualTo("""
                        ## refguard

                        no migration files found; looked in: supabase/migrations, prisma/migrations, src/main/resources/db/migration
                        """);
    }

    @Test
    void summaryListsAtMostAFixedNumberOfFindings() {
        List<Finding> many = new java.util.ArrayList<>();
        for (int i = 1; i <= GithubReport.MAX_LISTED + 5; i++) {
            many.add(ReportFixtures.finding("unparsed-statement", Severity.WARNING, "a.sql", i, 1, "m"));
        }
        AnalysisResult result = ReportFixtures.withFindings(many);

        String summary = GithubReport.stepSummary(result);

        assertThat(summary.lines().filter(l -> l.startsWith("- **warning**"))).hasSize(GithubReport.MAX_LISTED);
        assertThat(summary).contains("- … and 5 more (see refguard.sarif)\n");
    }
}
