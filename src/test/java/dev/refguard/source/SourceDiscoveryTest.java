package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refguard.engine.RefguardConfig;
import dev.refguard.source.SourceDiscovery.Discovery;
import dev.refguard.testing.Unprivileged;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDiscoveryTest {
    private static final List<String> DEFAULT_SEEDS = RefguardConfig.DEFAULT_SEED_PATTERNS;

    @TempDir
    Path base;

    @Test
    void ordersSupabaseMigrationsByFileNameAndIgnoresOtherFiles() throws IOException {
        touch("supabase/migrations/20240102000000_b.sql");
        touch("supabase/migrations/20240101000000_a.sql");
        touch("supabase/migrations/README.md");
        touch("supabase/config.toml");

        MigrationHistory history = single(auto());

        assertThat(history.root()).isEqualTo("supabase/migrations");
        assertThat(history.layout()).isEqualTo(Layout.SUPABASE);
        assertThat(paths(history))
                .containsExactly(
                        "supabase/migrations/20240101000000_a.sql", "supabase/migrations/20240102000000_b.sql");
        MigrationFile first = history.files().get(0);
        assertThat(first.path())
                .isAbsolute()
                .isEqualTo(base.resolve("supabase/migrations/20240101000000_a.sql")
                        .toAbsolutePath()
                        .normalize());
        assertThat(first.seed()).isFalse();
    }

    @Test
    void appendsSupabaseSeedFilesAfterTheMigrationsAndFlagsThemSeed() throws IOException {
        touch("supabase/migrations/20240101000000_init.sql");
        touch("supabase/seed.sql");
        touch("supabase/seeds/b/10_more.sql");
        touch("supabase/seeds/b/2_users.sql");
        touch("supabase/seeds/a.sql");

        MigrationHistory history = single(auto());

        assertThat(paths(history))
                .containsExactly(
                        "supabase/migrations/20240101000000_init.sql",
                        "supabase/seed.sql",
                        "supabase/seeds/a.sql",
                        "supabase/seeds/b/2_users.sql",
                        "supabase/seeds/b/10_more.sql");
        assertThat(history.files()).extracting(MigrationFile::seed).containsExactly(false, true, true, true, true);
    }

    @Test
    void flagsSupabaseMigrationThatMatchesSeedPatterns() throws IOException {
        touch("supabase/migrations/20240101000000_init.sql");
        touch("supabase/migrations/20240102000000_load_demo_data.sql");

        MigrationHistory history = single(auto());

        assertThat(history.files()).extracting(MigrationFile::seed).containsExactly(false, true);
    }

    @Test
    void ordersPrismaMigrationsByFolderNameAndFlagsSeedDemoFolder() throws IOException {
        touch("prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql");
        touch("prisma/migrations/20260205000656_npm_run_db_seed_demo/migration.sql");
        touch("prisma/migrations/20260101000000_init/migration.sql");
        touch("prisma/migrations/20260301000000_no_sql_here/notes.md");
        touch("prisma/migrations/migration_lock.toml");
        touch("prisma/schema.prisma");

        MigrationHistory history = single(auto());

        assertThat(history.root()).isEqualTo("prisma/migrations");
        assertThat(history.layout()).isEqualTo(Layout.PRISMA);
        assertThat(paths(history))
                .containsExactly(
                        "prisma/migrations/20260101000000_init/migration.sql",
                        "prisma/migrations/20260205000656_npm_run_db_seed_demo/migration.sql",
                        "prisma/migrations/20260217000000_add_password_reset_tokens/migration.sql");
        assertThat(history.files()).extracting(MigrationFile::seed).containsExactly(false, true, false);
    }

    @Test
    void ordersFlywayVersionsNumericallyPartByPartThenRepeatablesByDescription() throws IOException {
        String dir = "src/main/resources/db/migration/";
        touch(dir + "V1__init.sql");
        touch(dir + "V2__users.sql");
        touch(dir + "V10__posts.sql");
        touch(dir + "V1.1__tweak.sql");
        touch(dir + "V1_2__underscore_version.sql");
        touch(dir + "nested/V3__in_subfolder.sql");
        touch(dir + "R__b_view.sql");
        touch(dir + "R__a_view.sql");
        touch(dir + "U2__undo_users.sql");
        touch(dir + "notes.sql");
        touch(dir + "Vx__not_a_version.sql");

        MigrationHistory history = single(auto());

        assertThat(history.root()).isEqualTo("src/main/resources/db/migration");
        assertThat(history.layout()).isEqualTo(Layout.FLYWAY);
        assertThat(history.files())
                .extracting(MigrationFile::fileName)
                .containsExactly(
                        "V1__init.sql",
                        "V1.1__tweak.sql",
                        "V1_2__underscore_version.sql",
                        "V2__users.sql",
                        "V3__in_subfolder.sql",
                        "V10__posts.sql",
                        "R__a_view.sql",
                        "R__b_view.sql");
    }

    @Test
    void flagsFlywayFileMatchingSeedPatterns() throws IOException {
        touch("src/main/resources/db/migration/V1__init.sql");
        touch("src/main/resources/db/migration/V2__sample_data.sql");

        MigrationHistory history = single(auto());

        assertThat(history.files()).extracting(MigrationFile::seed).containsExactly(false, true);
    }

    @Test
    void findsEveryLayoutOfAMonorepoAsSeparateHistoriesSortedByRoot() throws IOException {
        touch("packages/db/prisma/migrations/20260101000000_init/migration.sql");
        touch("apps/web/supabase/migrations/20240101000000_init.sql");

        Discovery discovery = auto();

        assertThat(discovery.histories())
                .extracting(MigrationHistory::root, MigrationHistory::layout)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("apps/web/supabase/migrations", Layout.SUPABASE),
                        org.assertj.core.groups.Tuple.tuple("packages/db/prisma/migrations", Layout.PRISMA));
        assertThat(discovery.lookedIn()).isEmpty();
    }

    @Test
    void aFolderWithPrismasMigrationLockIsAPrismaHistoryWhateverItsName() throws IOException {
        touch("packages/database/migration/migration_lock.toml");
        touch("packages/database/migration/20230329205933_init/migration.sql");
        touch("packages/database/migration/20230401000000_more/migration.sql");

        MigrationHistory history = single(auto());

        assertThat(history.layout()).isEqualTo(Layout.PRISMA);
        assertThat(history.root()).isEqualTo("packages/database/migration");
        assertThat(history.files())
                .extracting(MigrationFile::relativePath)
                .containsExactly(
                        "packages/database/migration/20230329205933_init/migration.sql",
                        "packages/database/migration/20230401000000_more/migration.sql");
    }

    @Test
    void aMonorepoPackageNamedLikeSeedDataDoesNotMakeItsMigrationsSeedFiles() throws IOException {
        touch("apps/demo-app/supabase/migrations/20240101000000_init.sql");
        touch("apps/demo-app/supabase/migrations/20240102000000_demo_rows.sql");

        MigrationHistory history = single(auto());

        // seedPatterns are matched from the project holding supabase/, not from the repository root
        assertThat(history.files()).extracting(MigrationFile::seed).containsExactly(false, true);
    }

    @Test
    void neverMergesAFolderBesideSupabaseIntoTheSupabaseHistory() throws IOException {
        touch("supabase/migrations/20240101000000_init.sql");
        touch("supabase_original/migrations/20230101000000_old.sql");
        touch("database/create_users.sql");

        MigrationHistory history = single(auto());

        assertThat(history.root()).isEqualTo("supabase/migrations");
        assertThat(paths(history)).containsExactly("supabase/migrations/20240101000000_init.sql");
    }

    @Test
    void skipsVersionControlDependencyAndBuildOutputFolders() throws IOException {
        for (String skipped : List.of(".git", "node_modules/pkg", "target", "build", "dist", "vendor/x")) {
            touch(skipped + "/supabase/migrations/20240101000000_init.sql");
            touch(skipped + "/prisma/migrations/20240101000000_init/migration.sql");
        }

        Discovery discovery = auto();

        assertThat(discovery.histories()).isEmpty();
        assertThat(discovery.lookedIn())
                .containsExactly(
                        "supabase/migrations",
                        "prisma/migrations",
                        "src/main/resources/db/migration",
                        "src/main/resources/db/changelog/db.changelog-master.*",
                        "src/main/resources/config/liquibase/master.*");
    }

    @Test
    void skipsFoldersOfOtherMavenModulesOnlyWhenAsked() throws IOException {
        touch("pom.xml");
        touch("src/main/resources/db/migration/V1__own.sql");
        touch("module-a/pom.xml");
        touch("module-a/src/main/resources/db/migration/V1__other.sql");

        Discovery skipping = SourceDiscovery.discover(base, List.of(), DEFAULT_SEEDS, true);
        Discovery notSkipping = SourceDiscovery.discover(base, List.of(), DEFAULT_SEEDS, false);

        assertThat(skipping.histories())
                .extracting(MigrationHistory::root)
                .containsExactly("src/main/resources/db/migration");
        assertThat(notSkipping.histories())
                .extracting(MigrationHistory::root)
                .containsExactly("module-a/src/main/resources/db/migration", "src/main/resources/db/migration");
    }

    @Test
    void mergesConfiguredDirectoriesIntoOneHistoryInNaturalPathOrder() throws IOException {
        touch("db/schema/10_posts.sql");
        touch("db/schema/2_users.sql");
        touch("db/schema/sub/3_more.sql");
        touch("db/schema/readme.txt");
        touch("db/extra/1_extensions.sql");

        Discovery discovery = SourceDiscovery.discover(base, List.of("db/schema", " db/extra "), DEFAULT_SEEDS, false);

        MigrationHistory history = single(discovery);
        assertThat(history.layout()).isEqualTo(Layout.PLAIN);
        assertThat(history.root()).isEqualTo("db/schema,db/extra");
        assertThat(paths(history))
                .containsExactly(
                        "db/extra/1_extensions.sql",
                        "db/schema/2_users.sql",
                        "db/schema/10_posts.sql",
                        "db/schema/sub/3_more.sql");
    }

    @Test
    void readsAFileReachedThroughTwoConfiguredDirectoriesOnce() throws IOException {
        touch("db/a.sql");
        touch("db/sub/b.sql");

        MigrationHistory history =
                single(SourceDiscovery.discover(base, List.of("db", "db/sub"), DEFAULT_SEEDS, false));

        assertThat(paths(history)).containsExactly("db/a.sql", "db/sub/b.sql");
    }

    @Test
    void keepsTheLayoutRulesOfASingleConfiguredLayoutDirectory() throws IOException {
        touch("supabase/migrations/20240102000000_b.sql");
        touch("supabase/migrations/20240101000000_a.sql");
        touch("supabase/seed.sql");

        MigrationHistory history =
                single(SourceDiscovery.discover(base, List.of("supabase/migrations"), DEFAULT_SEEDS, false));

        assertThat(history.layout()).isEqualTo(Layout.SUPABASE);
        assertThat(history.root()).isEqualTo("supabase/migrations");
        assertThat(paths(history))
                .containsExactly(
                        "supabase/migrations/20240101000000_a.sql",
                        "supabase/migrations/20240102000000_b.sql",
                        "supabase/seed.sql");
    }

    @Test
    void acceptsAnAbsoluteConfiguredDirectory() throws IOException {
        touch("sql/1_init.sql");

        MigrationHistory history = single(SourceDiscovery.discover(
                base, List.of(base.resolve("sql").toAbsolutePath().toString()), DEFAULT_SEEDS, false));

        assertThat(history.root()).isEqualTo("sql");
        assertThat(paths(history)).containsExactly("sql/1_init.sql");
    }

    @Test
    void failsNamingAConfiguredDirectoryThatDoesNotExist() {
        assertThatThrownBy(() -> SourceDiscovery.discover(base, List.of("db/missing"), DEFAULT_SEEDS, false))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("refguard.directories: db/missing does not exist")
                .hasMessageContaining(
                        base.resolve("db/missing").toAbsolutePath().normalize().toString());
    }

    @Test
    void failsNamingAConfiguredDirectoryThatIsAFile() throws IOException {
        touch("db/init.sql");

        assertThatThrownBy(() -> SourceDiscovery.discover(base, List.of("db/init.sql"), DEFAULT_SEEDS, false))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("refguard.directories: db/init.sql does not exist as a directory");
    }

    @Test
    void namesTheConfiguredDirectoriesWhenTheyHoldNoSqlFile() throws IOException {
        Files.createDirectories(base.resolve("db/empty"));

        Discovery discovery = SourceDiscovery.discover(base, List.of("db/empty"), DEFAULT_SEEDS, false);

        assertThat(discovery.histories()).isEmpty();
        assertThat(discovery.lookedIn()).containsExactly("db/empty");
    }

    @Test
    void namesTheConventionalPlacesAndEmptyRootsWhenNothingIsFound() throws IOException {
        Files.createDirectories(base.resolve("apps/web/supabase/migrations"));

        Discovery discovery = auto();

        assertThat(discovery.histories()).isEmpty();
        assertThat(discovery.lookedIn())
                .containsExactly(
                        "supabase/migrations",
                        "prisma/migrations",
                        "src/main/resources/db/migration",
                        "src/main/resources/db/changelog/db.changelog-master.*",
                        "src/main/resources/config/liquibase/master.*",
                        "apps/web/supabase/migrations");
    }

    @Test
    void doesNotFollowASymbolicLinkLoop() throws IOException {
        touch("supabase/migrations/20240101000000_init.sql");
        Path loopDir = Files.createDirectories(base.resolve("a/b"));
        symlink(loopDir.resolve("up"), base.resolve("a"));
        touch("src/main/resources/db/migration/V1__init.sql");
        symlink(base.resolve("src/main/resources/db/migration/loop"), base.resolve("src/main/resources/db"));

        Discovery auto = auto();
        Discovery configured = SourceDiscovery.discover(base, List.of("a"), DEFAULT_SEEDS, false);

        assertThat(auto.histories())
                .extracting(MigrationHistory::root)
                .containsExactly("src/main/resources/db/migration", "supabase/migrations");
        assertThat(auto.histories()).allSatisfy(h -> assertThat(h.files()).hasSize(1));
        assertThat(configured.histories()).isEmpty();
    }

    @Test
    void walksABaseDirectoryThatIsASymbolicLinkAndKeepsItsPaths() throws IOException {
        touch("real/supabase/migrations/20240101000000_init.sql");
        Path link = base.resolve("link");
        symlink(link, base.resolve("real"));

        MigrationHistory history = single(SourceDiscovery.discover(link, List.of(), DEFAULT_SEEDS, false));

        assertThat(history.root()).isEqualTo("supabase/migrations");
        assertThat(history.files().get(0).path())
                .isEqualTo(link.resolve("supabase/migrations/20240101000000_init.sql")
                        .toAbsolutePath()
                        .normalize());
    }

    @Test
    void skipsBuildOutputBelowAConfiguredDirectory() throws IOException {
        touch("src/main/resources/db/migration/V1__init.sql");
        touch("target/classes/db/migration/V1__init.sql");
        touch("node_modules/pkg/x.sql");

        MigrationHistory history = single(SourceDiscovery.discover(base, List.of("."), DEFAULT_SEEDS, false));

        assertThat(paths(history)).containsExactly("src/main/resources/db/migration/V1__init.sql");
    }

    @Test
    void skipsAnUnreadableFolderDuringAutoDiscovery() throws Exception {
        touch("supabase/migrations/20240101000000_init.sql");
        touch("locked/prisma/migrations/1_init/migration.sql");
        Map<String, String> probe = discoverWithout(base.resolve("locked"), "-");

        assertThat(probe).containsEntry("roots", "supabase/migrations").doesNotContainKey("error");
    }

    @Test
    void failsNamingAnUnreadableFolderBelowAConfiguredDirectory() throws Exception {
        touch("db/1_init.sql");
        touch("db/locked/2_more.sql");
        Map<String, String> probe = discoverWithout(base.resolve("db/locked"), "db");

        assertThat(probe).doesNotContainKey("roots");
        assertThat(probe.get("error"))
                .contains("refguard.directories: db cannot be read")
                .contains("locked");
    }

    @Test
    void readsAConfiguredDirectoryThatIsASymbolicLinkUnderItsConfiguredName() throws IOException {
        touch("shared/1_init.sql");
        symlink(base.resolve("migrations"), base.resolve("shared"));

        MigrationHistory history = single(SourceDiscovery.discover(base, List.of("migrations"), DEFAULT_SEEDS, false));

        assertThat(paths(history)).containsExactly("migrations/1_init.sql");
        assertThat(history.files().get(0).path())
                .isEqualTo(base.resolve("migrations/1_init.sql").toAbsolutePath());
    }

    @Test
    void ignoresADirectoryNamedLikeAnSqlFile() throws IOException {
        touch("supabase/migrations/20240101000000_init.sql");
        Files.createDirectories(base.resolve("supabase/migrations/20240102000000_x.sql"));

        MigrationHistory history = single(auto());

        assertThat(paths(history)).containsExactly("supabase/migrations/20240101000000_init.sql");
    }

    @Test
    void matchesSeedGlobsIgnoringCase() throws IOException {
        touch("Seed.sql");
        touch("schema.sql");

        MigrationHistory history =
                single(SourceDiscovery.discover(base, List.of("."), List.of("**/*SEED*.sql"), false));

        assertThat(history.root()).isEqualTo(".");
        assertThat(history.files())
                .extracting(MigrationFile::relativePath, MigrationFile::seed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Seed.sql", true),
                        org.assertj.core.groups.Tuple.tuple("schema.sql", false));
    }

    @Test
    void matchesDoubleStarFolderGlobAtTheStartOfThePath() throws IOException {
        touch("testdata/a.sql");

        MigrationHistory history = single(SourceDiscovery.discover(base, List.of("testdata"), DEFAULT_SEEDS, false));

        assertThat(history.files()).extracting(MigrationFile::seed).containsExactly(true);
    }

    @Test
    void givesTheSameResultOnEveryRun() throws IOException {
        touch("apps/web/supabase/migrations/20240101000000_init.sql");
        touch("apps/web/supabase/migrations/20240101000001_more.sql");
        touch("src/main/resources/db/migration/V1__init.sql");
        touch("prisma/migrations/1_init/migration.sql");

        assertThat(auto()).isEqualTo(auto());
    }

    private Discovery auto() {
        return SourceDiscovery.discover(base, List.of(), DEFAULT_SEEDS, false);
    }

    private static MigrationHistory single(Discovery discovery) {
        assertThat(discovery.histories()).hasSize(1);
        assertThat(discovery.lookedIn()).isEmpty();
        return discovery.histories().get(0);
    }

    private static List<String> paths(MigrationHistory history) {
        return history.files().stream().map(MigrationFile::relativePath).toList();
    }

    private void touch(String relative) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "select 1;\n");
    }

    /**
     * Makes {@code folder} unreadable and runs discovery in a child JVM ({@link DiscoveryProbe}) that really cannot
     * read it, also as root ({@link Unprivileged}); fails (never skips) if the child could list it.
     */
    private Map<String, String> discoverWithout(Path folder, String directories) throws Exception {
        try {
            Files.setPosixFilePermissions(folder, java.util.Set.of());
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions on this file system (Windows)");
        }
        try {
            return Unprivileged.probe(
                    folder, DiscoveryProbe.class, List.of(base.toString(), folder.toString(), directories));
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }
    }
}
