package dev.refguard.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.postgres.MigrationReplay;
import dev.refguard.postgres.PostgresServer;
import dev.refguard.postgres.SupabaseStub;
import dev.refguard.source.FlywayNaming;
import dev.refguard.source.MigrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration {@code refguard:fix} writes runs to the end on a real PostgreSQL after the whole history (on the
 * stand-in of Supabase's {@code auth} schema), and does what its comments say: the FK points at the canonical table,
 * and a new user gets a profile row.
 */
class FixMigrationPostgresTest {
    private static final Path BASE_DIR =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();

    private static PostgresServer server;
    private static Path stubFile;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        assumeFalse(
                Boolean.getBoolean(PostgresServer.SKIP_PROPERTY),
                "skipped by -D" + PostgresServer.SKIP_PROPERTY + "=true");
        server = PostgresServer.start(BASE_DIR.resolve("target"));
        stubFile = SupabaseStub.copyTo(BASE_DIR.resolve("target"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (server != null) {
            server.close();
        }
        if (stubFile != null) {
            Files.deleteIfExists(stubFile);
        }
    }

    @Test
    void theFixOfEveryFixableRuleRunsAfterTheHistoryAndDoesWhatItSays() throws Exception {
        write("supabase/migrations/20250101000000_identity.sql", MigrationFixTest.MIXED);
        write("supabase/migrations/20250102000000_profiles.sql", MigrationFixTest.NO_SYNC);
        write(
                "supabase/migrations/20250103000000_comments.sql",
                MigrationFixTest.UNENFORCED
                        .replace("public.posts (id bigint primary key)", "public.threads (id bigint" + " primary key)")
                        .replace("post_id", "thread_id"));
        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(dir));
        MigrationFix.Plan plan = MigrationFix.plan(
                result,
                Set.of("mixed-user-reference", "missing-user-sync-trigger", "unenforced-reference"),
                dir,
                FlywayNaming.DEFAULT,
                MigrationFixTest.NOW);
        assertThat(plan.files()).hasSize(1);
        assertThat(plan.files().get(0).fixed())
                .extracting(f -> f.ruleId())
                .containsExactlyInAnyOrder("mixed-user-reference", "missing-user-sync-trigger", "unenforced-reference");
        MigrationFix.write(plan);

        List<Path> files = new ArrayList<>();
        files.add(stubFile);
        result.histories().get(0).files().stream().map(MigrationFile::path).forEach(files::add);
        files.add(plan.files().get(0).target().file());
        String database = server.createDatabase("refguard_fix");
        try {
            MigrationReplay.Outcome outcome = MigrationReplay.apply(server, database, files);
            assertThat(outcome.error()).isEmpty();
            assertThat(outcome.applied()).isTrue();
            try (Connection c = server.connect(database);
                    Statement s = c.createStatement()) {
                assertThat(single(
                                s,
                                "select confrelid::regclass::text from pg_constraint"
                                        + " where conname = 'songs_last_modified_by_fkey'"))
                        .isEqualTo("users");
                assertThat(single(
                                s,
                                "select confdeltype::text from pg_constraint"
                                        + " where conname = 'songs_last_modified_by_fkey'"))
                        .isEqualTo("n");
                assertThat(single(
                                s,
                                "select count(*)::text from pg_constraint"
                                        + " where conname = 'comments_thread_id_fkey'"))
                        .isEqualTo("1");
                // the trigger copies a new user into profiles (and the one already there into users)
                // (profiles.email is NOT NULL: the trigger copies auth.users.email along with the id)
                s.execute("insert into auth.users (id, email)"
                        + " values ('00000000-0000-0000-0000-000000000001', 'ada@example.com')");
                assertThat(single(s, "select email from public.profiles")).isEqualTo("ada@example.com");
                s.execute(
                        "insert into public.posts (id, author_id) values (1, '00000000-0000-0000-0000-000000000001')");
                // the constraints added NOT VALID validate on rows that match
                s.execute("alter table public.songs validate constraint songs_last_modified_by_fkey");
                s.execute("alter table public.comments validate constraint comments_thread_id_fkey");
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void theRepointOfAnFkWhoseTableWasRenamedLaterRuns() throws Exception {
        write("supabase/migrations/20250101000000_identity.sql", MigrationFixTest.MIXED);
        write("supabase/migrations/20250102000000_rename.sql", "alter table public.songs rename to tracks;\n");
        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(dir));
        MigrationFix.Plan plan = MigrationFix.plan(result, Set.of(), dir, FlywayNaming.DEFAULT, MigrationFixTest.NOW);
        assertThat(plan.files()).hasSize(1);
        MigrationFix.write(plan);
        List<Path> files = new ArrayList<>();
        files.add(stubFile);
        result.histories().get(0).files().stream().map(MigrationFile::path).forEach(files::add);
        files.add(plan.files().get(0).target().file());
        String database = server.createDatabase("refguard_fix_rename");
        try {
            MigrationReplay.Outcome outcome = MigrationReplay.apply(server, database, files);
            assertThat(outcome.error()).isEmpty();
            try (Connection c = server.connect(database);
                    Statement s = c.createStatement()) {
                assertThat(single(
                                s,
                                "select conrelid::regclass::text || ' -> ' || confrelid::regclass::text from"
                                        + " pg_constraint where conname = 'songs_last_modified_by_fkey'"))
                        .isEqualTo("tracks -> users");
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
