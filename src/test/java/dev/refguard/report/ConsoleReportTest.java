package dev.refguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.AnalysisStats;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFixtures.ListConsole;
import dev.refguard.schema.SchemaGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    @Test
    void printsEachFindingOnTheChannelOfItsSeverityWithItsHintThenTheSummary() {
        ListConsole console = new ListConsole();

        ConsoleReport.write(ReportFixtures.sample(), console);

        assertThat(console.lines)
                .containsExactly(
                        "error: supabase/migrations/20251106000000_baseline_schema.sql:147:27: error[mixed-user-reference]"
                                + " songs.last_modified_by references auth.users(id); 7 other FKs reference public.users(id)",
                        "error:     hint: Point it at public.users in a new migration:",
                        "error:           ALTER TABLE songs DROP CONSTRAINT songs_last_modified_by_fkey,",
                        "error:             ADD FOREIGN KEY (last_modified_by) REFERENCES public.users(id);",
                        "warn: supabase/migrations/20251106000000_baseline_schema.sql:200:1: warning[unparsed-statement]"
                                + " ALTER TABLE songs ... could not be read",
                        "warn:     hint: Simplify the statement, or suppress the finding with -- refguard:ignore <reason>",
                        "info: supabase/migrations/20260217000000_add_password_reset_tokens.sql:3:3:"
                                + " info[unenforced-reference] password_reset_tokens.user_id has no foreign key to"
                                + " public.users",
                        "info:     hint: ALTER TABLE password_reset_tokens ADD FOREIGN KEY (user_id) REFERENCES"
                                + " public.users(id);",
                        "info: refguard: 14 files, 1423 statements, 52 tables, 61 foreign keys; findings: 1 error,"
                                + " 1 warning, 1 info (1 baselined); statements: 1420 read, 3 unreadable (99.8%); 0.84 s");
    }

    @Test
    void theSummaryCountsForeignKeysPostgresqlWouldRejectToo() {
        AnalysisStats stats = new AnalysisStats(List.of("prisma/migrations (Prisma)"), 2, 8, 8, 0, 0, 0, 1, 4, 2);
        AnalysisResult result =
                new AnalysisResult(List.of(), ReportFixtures.graph(), stats, ReportFixtures.rules(), List.of(), 10);

        assertThat(ConsoleReport.summaryLine(result))
                .startsWith("refguard: 2 files, 8 statements, 1 table, 6 foreign keys (2 rejected); findings:");
    }

    @Test
    void warnsNamingThePlacesLookedInWhenNoMigrationFileWasFound() {
        ListConsole console = new ListConsole();

        ConsoleReport.write(ReportFixtures.nothingFound(), console);

        assertThat(console.lines)
                .containsExactly("warn: refguard: no migration files found; looked in: supabase/migrations,"
                        + " prisma/migrations, src/main/resources/db/migration");
    }

    @Test
    void namesTheHistoriesWhenThereIsMoreThanOne() {
        AnalysisStats stats = new AnalysisStats(
                List.of("supabase/migrations (Supabase)", "supabase_original/migrations (Supabase)"),
                2,
                1,
                1,
                0,
                0,
                0,
                0,
                0);
        AnalysisResult result =
                new AnalysisResult(List.of(), new SchemaGraph(List.of(), List.of()), stats, List.of(), List.of(), 1500);
        ListConsole console = new ListConsole();

        ConsoleReport.write(result, console);

        assertThat(console.lines)
                .containsExactly(
                        "info: refguard: histories: supabase/migrations (Supabase), supabase_original/migrations"
                                + " (Supabase)",
                        "info: refguard: 2 files, 1 statement, 0 tables, 0 foreign keys; findings: 0 errors,"
                                + " 0 warnings, 0 info; statements: 1 read, 0 unreadable (100.0%); 1.50 s");
    }

    @Test
    void keepsAFindingOnOneLineAndShowsControlCharactersFromQuotedNames() {
        Finding finding = ReportFixtures.finding(
                "identifier-case-mismatch",
                Severity.ERROR,
                "db/V1__init.sql",
                2,
                4,
                "\"Us\u001b[31mer\" and users\ndiffer only in case");

        assertThat(ConsoleReport.findingLine(finding))
                .isEqualTo("db/V1__init.sql:2:4: error[identifier-case-mismatch] \"Us\\u001b[31mer\" and users differ"
                        + " only in case");
    }

    @Test
    void alignsTheLinesOfAMultiLineHintAndDropsTrailingBlankLines() {
        assertThat(ConsoleReport.hintLines("CREATE TABLE a (\r\n  id uuid\r\n);\n\n"))
                .containsExactly("    hint: CREATE TABLE a (", "            id uuid", "          );");
        assertThat(ConsoleReport.hintLines("")).isEmpty();
    }

    @Test
    void neverShowsFullCoverageWhileAStatementIsUnreadable() {
        AnalysisStats stats = new AnalysisStats(List.of("db (plain directory)"), 1, 100_000, 0, 0, 0, 1, 0, 0);
        AnalysisResult result =
                new AnalysisResult(List.of(), new SchemaGraph(List.of(), List.of()), stats, List.of(), List.of(), 0);

        assertThat(ConsoleReport.summaryLine(result)).contains("statements: 99999 read, 1 unreadable (99.9%)");
    }

    @Test
    void doesNotPrintFindingsOfASwitchedOffRule() {
        Finding off = new Finding(
                "destructive-on-shared", Severity.OFF, new Location("a.sql", 1, 1), "dropped", "", "", false);
        ListConsole console = new ListConsole();

        ConsoleReport.write(ReportFixtures.withFindings(List.of(off)), console);

        assertThat(console.lines).hasSize(1).allMatch(line -> line.startsWith("info: refguard: 14 files"));
    }
}
