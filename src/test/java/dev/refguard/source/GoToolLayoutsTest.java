package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbmate, goose and golang-migrate folders: found by their markers and names, read in each tool's order. */
class GoToolLayoutsTest {
    @TempDir
    Path base;

    @Test
    void upSectionsKeepTheirLinesAndBlankEverythingElse() {
        String dbmate = "-- header comment\n-- migrate:up\ncreate table a (id int);\n-- migrate:down\ndrop table a;\n";
        assertThat(UpSections.dbmate(dbmate))
                .isEqualTo("\n-- migrate:up\ncreate table a (id int);\n-- migrate:down\n\n");
        String goose = "-- +goose Up\r\ncreate table a (id int);\r\n-- +goose Down\r\ndrop table a;";
        assertThat(UpSections.goose(goose)).isEqualTo("-- +goose Up\r\ncreate table a (id int);\r\n-- +goose Down\r\n");
        // annotations are case-insensitive; one with a blank before it is not an annotation (goose rejects it)
        assertThat(UpSections.goose("-- +goose up\nselect 1;\n  -- +goose down\nselect 2;\n"))
                .isEqualTo("-- +goose up\nselect 1;\n  -- +goose down\nselect 2;\n");
        assertThat(UpSections.goose("-- +GOOSE UP\nselect 1;\n-- +goose DOWN\nselect 2;\n"))
                .isEqualTo("-- +GOOSE UP\nselect 1;\n-- +goose DOWN\n\n");
    }

    @Test
    void findsDbmateByItsMarkerAndOrdersByFileName() throws IOException {
        write("db/migrations/20240102000000_b.sql", "-- migrate:up\nselect 1;\n-- migrate:down\n");
        write("db/migrations/20240101000000_a.sql", "-- migrate:up\nselect 1;\n-- migrate:down\n");
        write("db/migrations/notes.sql", "-- migrate:up\nselect 1;\n"); // no version: dbmate skips it

        MigrationHistory history = single();

        assertThat(history.root()).isEqualTo("db/migrations");
        assertThat(history.layout()).isEqualTo(Layout.DBMATE);
        assertThat(paths(history))
                .containsExactly("db/migrations/20240101000000_a.sql", "db/migrations/20240102000000_b.sql");
    }

    @Test
    void findsGooseByItsAnnotationAndOrdersByVersionNumerically() throws IOException {
        write("sql/schema/10_b.sql", "-- +goose Up\nselect 1;\n");
        write("sql/schema/9_a.sql", "-- +goose Up\nselect 1;\n");
        write("sql/schema/00011_c.sql", "-- +goose Up\nselect 1;\n");
        write("sql/schema/README.sql", "select 1;\n"); // no version: not a goose migration

        MigrationHistory history = single();

        assertThat(history.layout()).isEqualTo(Layout.GOOSE);
        assertThat(paths(history))
                .containsExactly("sql/schema/9_a.sql", "sql/schema/10_b.sql", "sql/schema/00011_c.sql");
    }

    @Test
    void findsGolangMigrateByItsUpDownTwinsAndReadsOnlyUpFiles() throws IOException {
        write("migrations/10_b.up.sql", "select 1;\n");
        write("migrations/10_b.down.sql", "select 1;\n");
        write("migrations/2_a.up.sql", "select 1;\n");
        write("migrations/2_a.down.sql", "select 1;\n");

        MigrationHistory history = single();

        assertThat(history.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(paths(history)).containsExactly("migrations/2_a.up.sql", "migrations/10_b.up.sql");
    }

    @Test
    void aFolderOfPlainScriptsIsNoToolsLayout() throws IOException {
        write("scripts/1_a.sql", "select 1;\n");
        assertThat(HistoryReader.toolLayoutOf(base.resolve("scripts"))).isEmpty();
        assertThat(SourceDiscovery.discover(base, List.of(), List.of(), false).histories())
                .isEmpty();
    }

    @Test
    void gooseOrderDecidesAndItsDownSectionsNeverReachTheModel() throws IOException {
        // 9 runs before 10 (as text "10" sorts first): the FK in 9 points at a table only 10 creates
        write("db/migrations/9_orders.sql", """
                -- +goose Up
                create table orders (
                  id bigint primary key,
                  customer_id bigint references customers (id)
                );
                -- +goose Down
                drop table orders;
                """);
        write("db/migrations/10_customers.sql", """
                -- +goose Up
                create table customers (id bigint primary key);
                -- +goose StatementBegin
                create function touch() returns trigger as $$
                begin
                  new.id := new.id; return new;
                end;
                $$ language plpgsql;
                -- +goose StatementEnd
                -- +goose Down
                drop table customers;
                """);
        // a table only a down section creates does not exist on the way up
        write("db/migrations/11_ghost.sql", """
                -- +goose Up
                select 1;
                -- +goose Down
                create table ghosts (id bigint primary key);
                """);
        write("db/migrations/12_haunt.sql", """
                -- +goose Up
                create table haunts (ghost_id bigint references ghosts (id));
                -- +goose Down
                drop table haunts;
                """);

        List<Finding> findings = missingTargets();

        assertThat(findings)
                .extracting(f -> f.location().file() + ":" + f.location().line())
                .containsExactly("db/migrations/12_haunt.sql:2", "db/migrations/9_orders.sql:4");
    }

    @Test
    void dbmateDownSectionsThatDropEverythingLeaveACleanHistory() throws IOException {
        write("db/migrations/20240101000000_users.sql", """
                -- migrate:up
                create table users (id bigint primary key);

                -- migrate:down
                drop table users;
                """);
        write("db/migrations/20240102000000_posts.sql", """
                -- migrate:up
                create table posts (id bigint primary key, author_id bigint not null references users (id));

                -- migrate:down
                drop table posts;
                drop table users;
                """);

        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(base));

        assertThat(result.findings()).isEmpty();
        assertThat(result.graph().foreignKeys()).hasSize(1);
        assertThat(result.stats().histories()).containsExactly("db/migrations (dbmate)");
    }

    private List<Finding> missingTargets() {
        return Engine.analyze(RefguardConfig.defaults(base)).findings().stream()
                .filter(f -> f.ruleId().equals("missing-reference-target"))
                .toList();
    }

    private MigrationHistory single() {
        List<MigrationHistory> histories = SourceDiscovery.discover(
                        base, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, false)
                .histories();
        assertThat(histories).hasSize(1);
        return histories.get(0);
    }

    private static List<String> paths(MigrationHistory history) {
        return history.files().stream().map(MigrationFile::relativePath).toList();
    }

    private void write(String relative, String text) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
