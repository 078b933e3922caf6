package dev.refguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What messages and hints say: names as they were at the statement, what became of a table, how to pin. */
class RuleMessagesTest {
    @TempDir
    Path dir;

    private void migration(String name, String sql) throws IOException {
        Path file = dir.resolve("supabase/migrations").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private AnalysisResult analyze() {
        return Engine.analyze(RefguardConfig.defaults(dir));
    }

    private static Finding only(AnalysisResult result, String ruleId) {
        List<Finding> found = result.findings().stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .toList();
        assertThat(found).as("%s findings in %s", ruleId, result.findings()).hasSize(1);
        return found.get(0);
    }

    @Test
    void aRejectedStatementQuotesPostgresAndCountsTheStatementsThatFailBecauseOfIt() throws IOException {
        migration(
                "001_invoices.sql",
                "create table app.invoices (id bigint primary key);\n"
                        + "create table payments (id bigint primary key, invoice_id bigint references app.invoices(id));\n");
        migration("002_paid.sql", "alter table app.invoices add column paid_at timestamptz;\n");

        AnalysisResult result = analyze();
        Finding f = only(result, "rejected-statement");

        assertThat(result.findings()).containsExactly(f);
        assertThat(f.message())
                .isEqualTo("PostgreSQL rejects this statement: schema \"app\" does not exist (SQLSTATE 3F000),"
                        + " and 2 later statements fail because of it");
        assertThat(f.cascades())
                .extracting(c -> c.location().toString())
                .containsExactly("supabase/migrations/001_invoices.sql:2:76", "supabase/migrations/002_paid.sql:1:13");
    }

    @Test
    void anAlterTableOfARenamedTableNamesTheRenameAndItsFile() throws IOException {
        migration("001_gadgets.sql", "create table gadgets (id bigint primary key);\n");
        migration("002_rename.sql", "-- items replace gadgets\n\nalter table gadgets rename to items;\n");
        migration("003_price.sql", "alter table gadgets add column price numeric;\n");

        Finding f = only(analyze(), "missing-reference-target");

        assertThat(f.message())
                .isEqualTo("ALTER TABLE names gadgets, but gadgets was renamed to items by"
                        + " supabase/migrations/002_rename.sql:3");
        assertThat(f.hint()).contains("public.items").doesNotContain("Create");
    }

    @Test
    void aReferenceToADroppedTableSaysWhereItWasDropped() throws IOException {
        migration("001_gadgets.sql", "create table gadgets (id bigint primary key);\ndrop table gadgets;\n");
        migration("002_orders.sql", "create table orders (id bigint primary key, g bigint references gadgets(id));\n");

        Finding f = only(analyze(), "missing-reference-target");

        assertThat(f.message()).endsWith("but gadgets was dropped by supabase/migrations/001_gadgets.sql:2");
    }

    @Test
    void aTypeMismatchNamesTheTablesAsTheyWereAtTheStatementNotAfterLaterRenames() throws IOException {
        migration(
                "001_posts.sql",
                "create table users (id uuid primary key);\n"
                        + "create table posts (id bigint primary key, author text references users(id));\n");
        migration("002_rename.sql", "alter table posts rename to articles;\nalter table users rename to members;\n");

        Finding f = only(analyze(), "fk-type-mismatch");

        assertThat(f.message()).contains("posts.author is text").contains("users.id of type uuid");
        assertThat(f.message()).doesNotContain("articles").doesNotContain("members");
    }

    @Test
    void anInferredCanonicalTableIsSaidWithTheConfigurationThatPinsIt() throws IOException {
        migration(
                "001_tables.sql",
                "create table public.users (id uuid primary key);\n"
                        + "create table a (id bigint primary key, u uuid references auth.users(id));\n"
                        + "create table b (id bigint primary key, u uuid references auth.users(id));\n"
                        + "create table c (id bigint primary key, u uuid references public.users(id));\n");

        AnalysisResult result = analyze();
        Finding f = only(result, "mixed-user-reference");

        assertThat(f.message())
                .contains("most FKs use auth.users (inferred; pin it with"
                        + " <canonicalIdentityTable>auth.users</canonicalIdentityTable>)")
                .contains("2 FKs reference auth.users(id), 1 FK references public.users(id)");
        assertThat(f.hint()).contains("-Drefguard.canonicalIdentityTable=public.users");
        assertThat(result.canonicalIdentityTables()).containsEntry("supabase/migrations", "auth.users");
    }

    @Test
    void aTieIsBrokenByTheFirstReferenceInMigrationOrderAndSaysSo() throws IOException {
        migration(
                "001_tables.sql",
                "create table public.users (id uuid primary key);\n"
                        + "create table a (id bigint primary key, u uuid references public.users(id));\n"
                        + "create table b (id bigint primary key, u uuid references auth.users(id));\n");

        Finding f = only(analyze(), "mixed-user-reference");

        assertThat(f.location().line()).isEqualTo(3);
        assertThat(f.message()).contains("public.users is canonical because it is referenced first in migration order");
    }

    @Test
    void aPinnedCanonicalTableHoldsWhenTheCountsTurn() throws IOException {
        migration(
                "001_tables.sql",
                "create table public.users (id uuid primary key);\n"
                        + "create table a (id bigint primary key, u uuid references auth.users(id));\n"
                        + "create table b (id bigint primary key, u uuid references public.users(id));\n"
                        + "create table c (id bigint primary key, u uuid references public.users(id));\n");

        AnalysisResult result =
                Engine.analyze(RefguardConfig.defaults(dir), Map.of("supabase/migrations", "auth.users"));

        assertThat(result.findings())
                .filteredOn(f -> f.ruleId().equals("mixed-user-reference"))
                .extracting(f -> f.location().line())
                .containsExactly(3, 4);
        assertThat(result.findings().get(0).message()).contains("the baseline file pins auth.users");
        assertThat(result.canonicalIdentityTables()).containsEntry("supabase/migrations", "auth.users");
    }

    @Test
    void aSeedOnlyReferenceNamesTheSeedFileThatCreatesItsTarget() throws IOException {
        migration("001_demo_users.sql", "create table users (id uuid primary key);\n");
        migration("002_tokens.sql", "create table tokens (id bigint primary key, u uuid references users(id));\n");

        Finding f = only(analyze(), "seed-only-reference");

        assertThat(f.message())
                .isEqualTo("tokens.u references public.users(id), which only the seed/demo file"
                        + " supabase/migrations/001_demo_users.sql creates");
    }

    @Test
    void aMissingSyncTriggerSaysWhenValuesComeFromAuthUid() throws IOException {
        migration(
                "001_users.sql",
                "create table public.users (id uuid primary key references auth.users(id));\n"
                        + "create table posts (id bigint primary key,"
                        + " author_id uuid default auth.uid() references public.users(id));\n");

        Finding f = only(analyze(), "missing-user-sync-trigger");

        assertThat(f.location().line()).isEqualTo(1);
        assertThat(f.message())
                .startsWith("users extends auth.users (its primary key references auth.users(id)), and 1 FK"
                        + " references it (posts.author_id)")
                .endsWith("posts.author_id is filled from auth.uid(), so inserts fail for every new user");
        assertThat(f.hint()).contains("after insert on auth.users").contains("insert into public.users");
    }

    @Test
    void anUnenforcedReferenceNamesTheTableItSeemsToMean() throws IOException {
        migration(
                "001_notes.sql",
                "create table projects (id bigint primary key);\n"
                        + "create table notes (id bigint primary key,\n  project_id bigint);\n");

        Finding f = only(analyze(), "unenforced-reference");

        assertThat(f.location().line()).isEqualTo(3);
        assertThat(f.message())
                .isEqualTo("notes.project_id (bigint) looks like a reference to public.projects(id) but has no"
                        + " foreign key: deleting a row there leaves orphans here");
    }
}
