package dev.refguard.report;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.AnalysisStats;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.SchemaGraph;
import java.util.ArrayList;
import java.util.List;

/** Analysis results built by hand, and a console that remembers what it was told. */
final class ReportFixtures {
    static final String BASELINE_FILE = "supabase/migrations/20251106000000_baseline_schema.sql";
    static final String TOKENS_FILE = "supabase/migrations/20260217000000_add_password_reset_tokens.sql";

    private ReportFixtures() {}

    static List<RuleInfo> rules() {
        return List.of(
                new RuleInfo(
                        "mixed-user-reference",
                        Severity.ERROR,
                        "Foreign keys point at more than one identity table.",
                        "Point every foreign key at the canonical identity table."),
                new RuleInfo(
                        "missing-reference-target",
                        Severity.ERROR,
                        "A foreign key points at a table that does not exist at that point.",
                        "Create the table in an earlier migration."),
                new RuleInfo(
                        "unparsed-statement",
                        Severity.WARNING,
                        "A statement that can change tables could not be read.",
                        "Simplify the statement or suppress the finding."),
                new RuleInfo(
                        "unenforced-reference",
                        Severity.INFO,
                        "A column refers to a table without a foreign key.",
                        "Add the foreign key."),
                new RuleInfo("destructive-on-shared", Severity.OFF, "Destructive statement on a shared table.", ""));
    }

    static final String MIXED_FIX = "ALTER TABLE songs DROP CONSTRAINT songs_last_modified_by_fkey,\n"
            + "  ADD FOREIGN KEY (last_modified_by) REFERENCES public.users(id);";

    /** Three findings shown (error with a two-line hint, warning, info) and one baselined error. */
    static List<Finding> findings() {
        return List.of(
                new Finding(
                        "mixed-user-reference",
                        Severity.ERROR,
                        new Location(BASELINE_FILE, 147, 27),
                        "songs.last_modified_by references auth.users(id); 7 other FKs reference public.users(id)",
                        "Point it at public.users in a new migration:\n" + MIXED_FIX,
                        "a1b2c3",
                        false,
                        MIXED_FIX,
                        false),
                new Finding(
                        "mixed-user-reference",
                        Severity.ERROR,
                        new Location(BASELINE_FILE, 160, 5),
                        "setlists.created_by references auth.users(id); 7 other FKs reference public.users(id)",
                        "point it at public.users(id)",
                        "d4e5f6",
                        true),
                new Finding(
                        "unparsed-statement",
                        Severity.WARNING,
                        new Location(BASELINE_FILE, 200, 1),
                        "ALTER TABLE songs ... could not be read",
                        "Simplify the statement, or suppress the finding with -- refguard:ignore <reason>",
                        "",
                        false),
                new Finding(
                        "unenforced-reference",
                        Severity.INFO,
                        new Location(TOKENS_FILE, 3, 3),
                        "password_reset_tokens.user_id has no foreign key to public.users",
                        "ALTER TABLE password_reset_tokens ADD FOREIGN KEY (user_id) REFERENCES public.users(id);",
                        "0f0f0f",
                        false,
                        "ALTER TABLE password_reset_tokens ADD FOREIGN KEY (user_id) REFERENCES public.users(id);",
                        false));
    }

    static SchemaGraph graph() {
        return new SchemaGraph(
                List.of(
                        new SchemaGraph.Table(
                                "supabase/migrations",
                                "public",
                                "songs",
                                List.of(
                                        new SchemaGraph.Column("id", "uuid"),
                                        new SchemaGraph.Column("last_modified_by", "uuid")),
                                List.of("id"),
                                BASELINE_FILE,
                                false,
                                false),
                        new SchemaGraph.Table(
                                "supabase/migrations",
                                "public",
                                "users",
                                List.of(new SchemaGraph.Column("id", "uuid")),
                                List.of("id"),
                                BASELINE_FILE,
                                false,
                                true)),
                List.of(new SchemaGraph.ForeignKey(
                        "supabase/migrations",
                        new SchemaGraph.Endpoint("public", "songs", List.of("last_modified_by")),
                        new SchemaGraph.Endpoint("auth", "users", List.of("id")),
                        "songs_last_modified_by_fkey",
                        "NO ACTION",
                        "NO ACTION",
                        BASELINE_FILE,
                        147,
                        false)));
    }

    static AnalysisStats stats() {
        return new AnalysisStats(List.of("supabase/migrations (Supabase)"), 14, 1423, 1200, 20, 200, 3, 52, 61);
    }

    static AnalysisResult sample() {
        return new AnalysisResult(findings(), graph(), stats(), rules(), List.of(), 840);
    }

    /** A run that found no migration files at all. */
    static AnalysisResult nothingFound() {
        return new AnalysisResult(
                List.of(),
                new SchemaGraph(List.of(), List.of()),
                new AnalysisStats(List.of(), 0, 0, 0, 0, 0, 0, 0, 0),
                rules(),
                List.of("supabase/migrations", "prisma/migrations", "src/main/resources/db/migration"),
                12);
    }

    /** One error whose failure two later statements echo (folded under it by CascadeFolding). */
    static Finding rootWithCascades() {
        return new Finding(
                "missing-reference-target",
                Severity.ERROR,
                new Location(BASELINE_FILE, 12, 3),
                "CREATE TABLE app.invoices: schema \"app\" does not exist, and 2 later statements fail because of it",
                "Create the schema first.",
                "c0ffee",
                false,
                List.of(
                        new Finding.Cascade(new Location(BASELINE_FILE, 20, 1), "relation \"invoices\" does not exist"),
                        new Finding.Cascade(
                                new Location(TOKENS_FILE, 4, 5), "current transaction is aborted, commands ignored")));
    }

    static AnalysisResult withFindings(List<Finding> findings) {
        return new AnalysisResult(findings, graph(), stats(), rules(), List.of(), 840);
    }

    /** A table name that tries to break every format: quotes, markup, a Mermaid directive, a backslash. */
    static final String HOSTILE_TABLE = "we\"ird <b>&amp; %%{init: {'theme':'dark'}}%% #x; `tick` \\";

    static final String HOSTILE_FILE = "db/migrations/V1__a&b <c>.sql";

    static final String HOSTILE_FIX =
            "```\nALTER TABLE \"" + HOSTILE_TABLE + "\" ALTER COLUMN x TYPE integer; -- <b>&amp;</b>\n````";

    /**
     * Names and texts that try to break every format: quotes, markup, entities, a Mermaid directive,
     * backslashes, a line break, a control character, a bidi override, non-ASCII letters, a column called
     * {@code pk}, types with spaces and commas, two tables whose plain names collide ({@code a-b}, {@code a_b}).
     */
    static AnalysisResult hostile() {
        String history = "db/migrations";
        SchemaGraph graph = new SchemaGraph(
                List.of(
                        new SchemaGraph.Table(
                                history,
                                "public",
                                "a-b",
                                List.of(new SchemaGraph.Column("id", "integer")),
                                List.of("id"),
                                HOSTILE_FILE,
                                false,
                                false),
                        new SchemaGraph.Table(
                                history,
                                "public",
                                "a_b",
                                List.of(new SchemaGraph.Column("id", "bigint")),
                                List.of("id"),
                                HOSTILE_FILE,
                                true,
                                false),
                        new SchemaGraph.Table(
                                history,
                                "public",
                                HOSTILE_TABLE,
                                List.of(
                                        new SchemaGraph.Column("pk", "character varying(255)"),
                                        new SchemaGraph.Column("col|a\nb", "numeric(10,2)"),
                                        new SchemaGraph.Column("ünï\u202Ecode", "timestamp with time zone"),
                                        new SchemaGraph.Column("x\u0001y\"", "text[]")),
                                List.of("pk"),
                                HOSTILE_FILE,
                                false,
                                false)),
                List.of(
                        new SchemaGraph.ForeignKey(
                                history,
                                new SchemaGraph.Endpoint("public", HOSTILE_TABLE, List.of("col|a\nb")),
                                new SchemaGraph.Endpoint("public", "a-b", List.of("id")),
                                "fk\"<1>\\",
                                "CASCADE",
                                "NO ACTION",
                                HOSTILE_FILE,
                                7,
                                false),
                        new SchemaGraph.ForeignKey(
                                history,
                                new SchemaGraph.Endpoint("public", "a_b", List.of("id")),
                                new SchemaGraph.Endpoint("public", HOSTILE_TABLE, List.of("pk")),
                                "a_b_id_fkey",
                                "NO ACTION",
                                "NO ACTION",
                                HOSTILE_FILE,
                                9,
                                true)));
        List<Finding> findings = List.of(
                new Finding(
                        "fk-type-mismatch",
                        Severity.ERROR,
                        new Location(HOSTILE_FILE, 7, 3),
                        "\"" + HOSTILE_TABLE + "\" | <script>alert(1)</script> & ]]> \u0007 \u202Eevil\nsecond line",
                        "Change <b>it</b> & `now` [x](http://e.invalid):\n" + HOSTILE_FIX,
                        "abc",
                        false,
                        HOSTILE_FIX,
                        false),
                new Finding(
                        "unparsed-statement",
                        Severity.WARNING,
                        new Location(HOSTILE_FILE, 0, 0),
                        "the whole file could not be read",
                        "",
                        "",
                        false));
        return new AnalysisResult(
                findings, graph, new AnalysisStats(List.of(history), 1, 3, 3, 0, 0, 0, 3, 2), rules(), List.of(), 5);
    }

    /** Two histories that both have a table {@code public.users}, one referencing it. */
    static AnalysisResult twoHistories() {
        SchemaGraph graph = new SchemaGraph(
                List.of(
                        new SchemaGraph.Table(
                                "app-a/migrations",
                                "public",
                                "users",
                                List.of(new SchemaGraph.Column("id", "uuid")),
                                List.of("id"),
                                "app-a/migrations/1_init.sql",
                                false,
                                false),
                        new SchemaGraph.Table(
                                "app-b/migrations",
                                "public",
                                "posts",
                                List.of(
                                        new SchemaGraph.Column("id", "uuid"),
                                        new SchemaGraph.Column("author_id", "uuid")),
                                List.of("id"),
                                "app-b/migrations/1_init.sql",
                                false,
                                false),
                        new SchemaGraph.Table(
                                "app-b/migrations",
                                "public",
                                "users",
                                List.of(new SchemaGraph.Column("id", "uuid")),
                                List.of("id"),
                                "app-b/migrations/1_init.sql",
                                false,
                                false)),
                List.of(new SchemaGraph.ForeignKey(
                        "app-b/migrations",
                        new SchemaGraph.Endpoint("public", "posts", List.of("author_id")),
                        new SchemaGraph.Endpoint("public", "users", List.of("id")),
                        "posts_author_id_fkey",
                        "CASCADE",
                        "NO ACTION",
                        "app-b/migrations/1_init.sql",
                        4,
                        false)));
        return new AnalysisResult(
                List.of(),
                graph,
                new AnalysisStats(List.of("app-a/migrations", "app-b/migrations"), 2, 3, 3, 0, 0, 0, 3, 1),
                rules(),
                List.of(),
                5);
    }

    static Finding finding(String ruleId, Severity severity, String file, int line, int column, String message) {
        return new Finding(ruleId, severity, new Location(file, line, column), message, "", "", false);
    }

    /** Records each line with its channel, as {@code error: ...}, {@code warn: ...} or {@code info: ...}. */
    static class ListConsole implements ConsoleSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String line) {
            lines.add("info: " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("warn: " + line);
        }

        @Override
        public void error(String line) {
            lines.add("error: " + line);
        }
    }
}
