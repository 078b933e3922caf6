package dev.refguard.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.source.FlywayNaming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every rule whose findings carry an exact fix: the analysis of a bad history finds it, the fix goal writes one
 * new migration, and the analysis of the history with that migration finds it no more (and nothing in the new file).
 */
class MigrationFixTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    /** Two FKs to public.users, one to auth.users: the one to auth.users is re-pointed. */
    static final String MIXED = """
            create table public.users (id uuid primary key references auth.users(id), name text);
            create table public.songs (
              id bigint primary key,
              created_by uuid references public.users(id) on delete cascade,
              edited_by uuid references public.users(id),
              last_modified_by uuid references auth.users(id) on delete set null
            );
            create or replace function public.handle_new_user() returns trigger language plpgsql as $$
            begin
              insert into public.users (id) values (new.id);
              return new;
            end;
            $$;
            create trigger on_auth_user_created after insert on auth.users
              for each row execute function public.handle_new_user();
            """;

    /** profiles extends auth.users and posts reference it, but nothing copies a new user into it. */
    static final String NO_SYNC = """
            create table public.profiles (id uuid primary key references auth.users(id) on delete cascade);
            create table public.posts (
              id bigint primary key,
              author_id uuid not null default auth.uid() references public.profiles(id)
            );
            """;

    /** comments.post_id looks like a reference to posts but has no FK. */
    static final String UNENFORCED = """
            create table public.posts (id bigint primary key);
            create table public.comments (id bigint primary key, post_id bigint not null);
            """;

    @TempDir
    Path dir;

    @Test
    void repointsAnFkToTheCanonicalIdentityTable() throws IOException {
        supabase("20250101000000_init.sql", MIXED);
        List<Finding> fixed = fixAndReanalyse(Set.of(), "mixed-user-reference");
        assertThat(fixed)
                .singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(6));
    }

    @Test
    void repointsAnFkWhoseTableWasRenamedLaterUnderItsNameNow() throws IOException {
        supabase("20250101000000_init.sql", MIXED);
        supabase("20250102000000_rename.sql", "alter table public.songs rename to tracks;\n");
        List<Finding> fixed = fixAndReanalyse(Set.of(), "mixed-user-reference");
        assertThat(fixed.get(0).fix())
                .startsWith("ALTER TABLE public.tracks DROP CONSTRAINT songs_last_modified_by_fkey;");
    }

    @Test
    void writesNoRepointThatPostgresqlWouldReject() throws IOException {
        // the canonical public.users is keyed by text; a uuid column cannot reference it, so the re-point needs the
        // column changed first, which no exact SQL says
        supabase("20250101000000_init.sql", """
                create table public.users (id text primary key);
                create table public.a (id bigint primary key, owner text references public.users(id));
                create table public.b (id bigint primary key, owner text references public.users(id));
                create table public.c (id bigint primary key, owner uuid references auth.users(id));
                """);
        AnalysisResult before = analyse();
        assertThat(ids(before)).contains("mixed-user-reference");
        assertThat(before.findings())
                .filteredOn(f -> f.ruleId().equals("mixed-user-reference"))
                .allSatisfy(f -> assertThat(f.fix()).isEmpty());
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files()).isEmpty();
        assertThat(plan.unfixable()).containsEntry("mixed-user-reference", 1);
    }

    @Test
    void addsTheUserSyncTrigger() throws IOException {
        supabase("20250101000000_init.sql", NO_SYNC);
        fixAndReanalyse(Set.of(), "missing-user-sync-trigger");
    }

    @Test
    void enforcesAReferenceOnlyWhenItsRuleIsNamed() throws IOException {
        supabase("20250101000000_init.sql", UNENFORCED);
        AnalysisResult before = analyse();
        assertThat(ids(before)).contains("unenforced-reference");
        // an info finding is a guess about intent: not fixed unless asked for
        assertThat(plan(before, Set.of()).files()).isEmpty();
        fixAndReanalyse(Set.of("unenforced-reference"), "unenforced-reference");
    }

    @Test
    void fixesEveryFixableFindingOfAHistoryInOneFileAndNamesEachFinding() throws IOException {
        supabase("20250101000000_identity.sql", MIXED);
        supabase("20250102000000_profiles.sql", NO_SYNC.replace("public.posts", "public.notes"));
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files()).singleElement().satisfies(file -> {
            assertThat(file.target().relativePath()).isEqualTo("supabase/migrations/20260301101530_refguard_fix.sql");
            for (Finding f : file.fixed()) {
                assertThat(file.text())
                        .contains("-- " + f.ruleId() + " at " + f.location().file() + ":"
                                + f.location().line() + ": ");
            }
            assertThat(file.fixed())
                    .extracting(Finding::ruleId)
                    .containsExactlyInAnyOrder("mixed-user-reference", "missing-user-sync-trigger");
        });
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    @Test
    void narrowsToTheNamedRules() throws IOException {
        supabase("20250101000000_identity.sql", MIXED);
        supabase("20250102000000_profiles.sql", NO_SYNC.replace("public.posts", "public.notes"));
        MigrationFix.Plan plan = plan(analyse(), Set.of("missing-user-sync-trigger"));
        assertThat(plan.files().get(0).fixed()).extracting(Finding::ruleId).containsOnly("missing-user-sync-trigger");
        assertThat(plan.files().get(0).text()).doesNotContain("DROP CONSTRAINT");
    }

    @Test
    void leavesOutFindingsNoLaterMigrationCanFix() throws IOException {
        // the FK to a table no migration creates is rejected where it stands: a later file cannot change that
        supabase(
                "20250101000000_init.sql",
                "create table public.a (id bigint primary key, b_id bigint references" + " public.b(id));\n");
        MigrationFix.Plan plan = plan(analyse(), Set.of());
        assertThat(plan.files()).isEmpty();
        assertThat(plan.unfixable()).containsEntry("missing-reference-target", 1);
    }

    @Test
    void aLaterTypeChangeDoesNotClearANarrowingFkWarningSoFixWritesNone() throws IOException {
        // why fk-type-mismatch has no fix: its finding is about the declaration, which a later file cannot change
        supabase("20250101000000_init.sql", """
                create table public.accounts (id bigint primary key);
                create table public.orders (id bigint primary key, account_id integer references public.accounts(id));
                """);
        AnalysisResult before = analyse();
        assertThat(ids(before)).contains("fk-type-mismatch");
        assertThat(plan(before, Set.of()).unfixable()).containsEntry("fk-type-mismatch", 1);
        supabase("20250102000000_widen.sql", "alter table public.orders alter column account_id type bigint;\n");
        assertThat(before.findings())
                .filteredOn(f -> f.ruleId().equals("fk-type-mismatch"))
                .allSatisfy(f -> assertThat(analyse().findings()).contains(f));
    }

    @Test
    void neverOverwritesAFile() throws IOException {
        supabase("20250101000000_init.sql", NO_SYNC);
        MigrationFix.Plan plan = plan(analyse(), Set.of());
        Path target = plan.files().get(0).target().file();
        Files.writeString(target, "-- mine\n");
        assertThatThrownBy(() -> MigrationFix.write(plan))
                .isInstanceOf(FixException.class)
                .hasMessageContaining(
                        "supabase/migrations/20260301101530_refguard_fix.sql exists already and refguard never"
                                + " overwrites a file")
                .message()
                .doesNotContain("\n");
        assertThat(Files.readString(target)).isEqualTo("-- mine\n");
    }

    @Test
    void supabaseStampIsLaterThanEveryMigrationEvenOneNamedInTheFuture() throws IOException {
        supabase("20991231235959_future.sql", NO_SYNC);
        MigrationFix.Plan plan = plan(analyse(), Set.of());
        assertThat(plan.files().get(0).target().relativePath())
                .isEqualTo("supabase/migrations/21000101000000_refguard_fix.sql");
    }

    @Test
    void prismaGetsAFolderOfItsOwn() throws IOException {
        write("prisma/migrations/20250101000000_init/migration.sql", NO_SYNC);
        write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files().get(0).target().relativePath())
                .isEqualTo("prisma/migrations/20260301101530_refguard_fix/migration.sql");
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    @Test
    void refusesAPrismaFolderThatExistsAlready() throws IOException {
        write("prisma/migrations/20250101000000_init/migration.sql", NO_SYNC);
        write("prisma/migrations/migration_lock.toml", "provider = \"postgresql\"\n");
        Files.createDirectories(dir.resolve("prisma/migrations/20260301101530_refguard_fix"));
        MigrationFix.Plan plan = plan(analyse(), Set.of());
        assertThatThrownBy(() -> MigrationFix.write(plan))
                .isInstanceOf(FixException.class)
                .hasMessage("refguard: prisma/migrations/20260301101530_refguard_fix exists already and refguard never"
                        + " overwrites a file: move it away, then run refguard:fix again");
        assertThat(dir.resolve("prisma/migrations/20260301101530_refguard_fix/migration.sql"))
                .doesNotExist();
    }

    @Test
    void flywayTakesTheNextVersionWithTheProjectsSeparator() throws IOException {
        write("src/main/resources/db/migration/V1_9__init.sql", NO_SYNC);
        write("src/main/resources/db/migration/V1_10__more.sql", "create table public.t (id bigint primary key);\n");
        write("src/main/resources/db/migration/R__views.sql", "select 1;\n");
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files().get(0).target().relativePath())
                .isEqualTo("src/main/resources/db/migration/V1_11__refguard_fix.sql");
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    @Test
    void flywayTakesTheVersionAfterABaselineMigration() throws IOException {
        write("src/main/resources/db/migration/V1__old.sql", "create table public.t (id bigint primary key);\n");
        write("src/main/resources/db/migration/B7__baseline.sql", NO_SYNC);
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files().get(0).target().relativePath())
                .isEqualTo("src/main/resources/db/migration/V8__refguard_fix.sql");
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    @Test
    void plainDirectoryTakesTheNextNumberAsWide() throws IOException {
        write("sql/009_init.sql", NO_SYNC);
        write("sql/010_more.sql", "create table public.t (id bigint primary key);\n");
        AnalysisResult before = analyse(List.of("sql"));
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files().get(0).target().relativePath()).isEqualTo("sql/011_refguard_fix.sql");
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(List.of("sql")), plan)).isTrue();
    }

    @Test
    void dbmateMigrationHasItsUpMarker() throws IOException {
        write("db/migrations/20250101000000_init.sql", "-- migrate:up\n" + NO_SYNC + "\n-- migrate:down\n");
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        FixFile file = plan.files().get(0);
        assertThat(file.target().relativePath()).isEqualTo("db/migrations/20260301101530_refguard_fix.sql");
        assertThat(file.text()).startsWith("-- migrate:up\n");
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    @Test
    void gooseMigrationFencesEachBlock() throws IOException {
        write("migrations/00001_init.sql", "-- +goose Up\n" + NO_SYNC + "\n-- +goose Down\ndrop table posts;\n");
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        FixFile file = plan.files().get(0);
        assertThat(file.target().relativePath()).isEqualTo("migrations/00002_refguard_fix.sql");
        assertThat(file.text()).startsWith("-- +goose Up\n").contains("-- +goose StatementBegin\n");
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    @Test
    void golangMigrateGetsAnUpFile() throws IOException {
        write("migrations/000001_init.up.sql", NO_SYNC);
        write("migrations/000001_init.down.sql", "drop table posts;\n");
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files().get(0).target().relativePath()).isEqualTo("migrations/000002_refguard_fix.up.sql");
        MigrationFix.write(plan);
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    @Test
    void liquibaseGetsANewChangelogAndTheIncludeIsLeftToTheUser() throws IOException {
        String master = "src/main/resources/db/changelog/db.changelog-master.xml";
        write(master, masterXml("changes/001-init.sql"));
        write(
                "src/main/resources/db/changelog/changes/001-init.sql",
                "--liquibase formatted sql\n--changeset dev:1\n" + NO_SYNC);
        AnalysisResult before = analyse();
        MigrationFix.Plan plan = plan(before, Set.of());
        assertThat(plan.files())
                .as("%s %s", before.findings(), before.histories())
                .hasSize(1);
        FixFile file = plan.files().get(0);
        assertThat(file.target().relativePath())
                .isEqualTo("src/main/resources/db/changelog/changes/002-refguard_fix.sql");
        assertThat(file.text()).startsWith("--liquibase formatted sql\n");
        assertThat(file.target().note())
                .contains("<include file=\"changes/002-refguard_fix.sql\" relativeToChangelogFile=\"true\"/>");
        MigrationFix.write(plan);
        assertThat(Files.readString(dir.resolve(master))).isEqualTo(masterXml("changes/001-init.sql"));
        // the user adds the include, as the note says
        write(master, masterXml("changes/001-init.sql", "changes/002-refguard_fix.sql"));
        assertThat(fixedAway(before, analyse(), plan)).isTrue();
    }

    private static String masterXml(String... files) {
        StringBuilder includes = new StringBuilder();
        for (String f : files) {
            includes.append("  <include file=\"").append(f).append("\" relativeToChangelogFile=\"true\"/>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
                %s</databaseChangeLog>
                """.formatted(includes);
    }

    /**
     * Analyses, checks {@code rule} fires, writes the fix, analyses again, and checks that none of the fixed
     * findings remain and the new file raises none.
     *
     * @return the findings fixed
     */
    private List<Finding> fixAndReanalyse(Set<String> rules, String rule) throws IOException {
        AnalysisResult before = analyse();
        assertThat(ids(before)).contains(rule);
        MigrationFix.Plan plan = plan(before, rules);
        assertThat(plan.files()).hasSize(1);
        List<Finding> fixed = plan.files().get(0).fixed();
        assertThat(fixed).extracting(Finding::ruleId).contains(rule);
        // before it is written, every fixed finding is left over
        assertThat(MigrationFix.leftOver(plan, before)).containsExactlyInAnyOrderElementsOf(fixed);
        MigrationFix.write(plan);
        AnalysisResult after = analyse();
        assertThat(fixedAway(before, after, plan)).isTrue();
        assertThat(MigrationFix.leftOver(plan, after)).isEmpty();
        assertThat(ids(after)).doesNotContain(rule);
        return fixed.stream().filter(f -> f.ruleId().equals(rule)).toList();
    }

    /** Whether no fixed finding is found again and the fix file itself raises nothing. */
    private static boolean fixedAway(AnalysisResult before, AnalysisResult after, MigrationFix.Plan plan) {
        FixFile file = plan.files().get(0);
        assertThat(after.findings())
                .as("findings in the fix file")
                .noneMatch(f -> f.location().file().equals(file.target().relativePath()));
        for (Finding fixed : file.fixed()) {
            assertThat(after.findings())
                    .as("fixed finding found again")
                    .noneMatch(f ->
                            f.ruleId().equals(fixed.ruleId()) && f.location().equals(fixed.location()));
        }
        assertThat(after.findings().size()).isLessThan(before.findings().size());
        return true;
    }

    private MigrationFix.Plan plan(AnalysisResult result, Set<String> rules) {
        return MigrationFix.plan(result, rules, dir, FlywayNaming.DEFAULT, NOW);
    }

    private AnalysisResult analyse() {
        return analyse(List.of());
    }

    private AnalysisResult analyse(List<String> directories) {
        RefguardConfig d = RefguardConfig.defaults(dir);
        return Engine.analyze(new RefguardConfig(
                dir,
                directories,
                d.seedPatterns(),
                d.identityTables(),
                null,
                List.of(),
                d.managedSchemas(),
                List.of(),
                java.util.Map.of(),
                StandardCharsets.UTF_8,
                false,
                d.statementTimeout()));
    }

    private static Stream<String> idStream(AnalysisResult result) {
        return result.findings().stream().map(Finding::ruleId);
    }

    private static List<String> ids(AnalysisResult result) {
        return idStream(result).toList();
    }

    private void supabase(String name, String sql) throws IOException {
        write("supabase/migrations/" + name, sql);
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
