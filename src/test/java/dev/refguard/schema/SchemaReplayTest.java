package dev.refguard.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.MigrationParser;
import dev.refguard.parse.ParsedFile;
import dev.refguard.schema.ReplayEvent.ColumnTypeChanged;
import dev.refguard.schema.ReplayEvent.ReferenceResolved;
import dev.refguard.schema.ReplayEvent.ReferenceUnresolved;
import dev.refguard.source.Layout;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay's PostgreSQL semantics (docs/replay.md), one behaviour a test, from SQL text. */
class SchemaReplayTest {
    private static MigrationParser parser;

    @BeforeAll
    static void startParser() {
        parser = new MigrationParser(Duration.ofSeconds(5), 1);
    }

    @AfterAll
    static void stopParser() {
        parser.close();
    }

    private static ReplayResult replay(String... files) {
        List<ParsedFile> parsed = new ArrayList<>();
        List<MigrationFile> migrationFiles = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            String name = "m/" + (i + 1) + ".sql";
            MigrationFile file = new MigrationFile(Path.of("/x/" + name), name, false);
            migrationFiles.add(file);
            parsed.add(parser.parseText(file, files[i]));
        }
        MigrationHistory history = new MigrationHistory("m", Layout.PLAIN, migrationFiles);
        ModelOptions options = new ModelOptions(Set.of("auth"), Set.of(), Set.of());
        return SchemaReplay.replay(history, parsed, options);
    }

    private static List<String> edges(ReplayResult result) {
        return result.foreignKeys().stream()
                .map(fk -> fk.from().id() + "(" + String.join(",", fk.fromColumns()) + ") -> "
                        + fk.to().id() + "(" + String.join(",", fk.toColumns()) + ") " + fk.name())
                .toList();
    }

    @Test
    void renameMovesForeignKeysDeclaredBeforeIt() {
        ReplayResult r = replay("""
                CREATE TABLE "User" ("id" TEXT PRIMARY KEY);
                CREATE TABLE "Post" ("id" TEXT PRIMARY KEY, "authorId" TEXT REFERENCES "User"("id"));
                """, """
                ALTER TABLE "User" RENAME TO "users";
                CREATE TABLE "Comment" ("id" TEXT PRIMARY KEY, "userId" TEXT REFERENCES users(id));
                """);
        assertThat(edges(r))
                .containsExactly(
                        "public.\"Post\"(authorId) -> public.users(id) Post_authorId_fkey",
                        "public.\"Comment\"(userId) -> public.users(id) Comment_userId_fkey");
    }

    @Test
    void referencesWithoutColumnsMeansThePrimaryKeyWhateverItsNameAndType() {
        ReplayResult r = replay("create table tags (name text primary key);\n"
                + "create table items (id int primary key, tag text references tags);");
        assertThat(edges(r)).containsExactly("public.items(tag) -> public.tags(name) items_tag_fkey");
        ReferenceResolved fk = r.events().stream()
                .filter(ReferenceResolved.class::isInstance)
                .map(ReferenceResolved.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(fk.sourceTypes()).containsExactly("text");
        assertThat(fk.targetTypes()).containsExactly("text");
    }

    @Test
    void dropConstraintByPostgresDefaultNameRemovesAnInlineForeignKey() {
        ReplayResult r = replay(
                "create table a (id int primary key);\ncreate table b (id int primary key, a_id int references a);",
                "alter table b drop constraint b_a_id_fkey;");
        assertThat(edges(r)).isEmpty();
    }

    @Test
    void dropTableCascadeRemovesOtherTablesForeignKeysAndPlainDropIsRejected() {
        String schema = "create table a (id int primary key);\n"
                + "create table b (id int primary key, a_id int references a);";
        assertThat(edges(replay(schema, "drop table a;"))).hasSize(1);
        assertThat(edges(replay(schema, "drop table a cascade;"))).isEmpty();
    }

    @Test
    void createTableIfNotExistsOverAnExistingTableAddsNothing() {
        ReplayResult r = replay(
                "create table a (id int primary key);\ncreate table b (id int primary key);",
                "create table if not exists b (id int primary key, a_id int references a);");
        assertThat(edges(r)).isEmpty();
        assertThat(r.tables().stream()
                        .filter(t -> t.id().name().equals("b"))
                        .findFirst()
                        .orElseThrow()
                        .columns())
                .extracting(ModelColumn::name)
                .containsExactly("id");
    }

    @Test
    void alterColumnTypeChecksTheForeignKeysInForceAgain() {
        ReplayResult r = replay(
                "create table a (id uuid primary key);\ncreate table b (id int primary key, a_id uuid references a);",
                "alter table b alter column a_id type text;");
        List<ColumnTypeChanged> changes = r.events().stream()
                .filter(ColumnTypeChanged.class::isInstance)
                .map(ColumnTypeChanged.class::cast)
                .toList();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).checks().get(0).sourceTypes()).containsExactly("text");
        assertThat(changes.get(0).checks().get(0).targetTypes()).containsExactly("uuid");
    }

    @Test
    void searchPathResolvesUnqualifiedNamesUntilTheEndOfItsFile() {
        ReplayResult r = replay(
                "create schema app;\nset search_path = app, public;\ncreate table accounts (id int primary key);",
                "create table orders (id int primary key, account_id int references accounts(id));");
        // the second file runs in a new session: accounts is public.accounts there, which does not exist
        // the FK's target was not found: an unresolved reference, with the name it was looked up as
        ReferenceUnresolved fk = r.events().stream()
                .filter(ReferenceUnresolved.class::isInstance)
                .map(ReferenceUnresolved.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(fk.wantedTarget()).isEqualTo(new TableId("public", "accounts"));
        assertThat(r.tables()).extracting(t -> t.id().toString()).contains("app.accounts");
    }

    @Test
    void platformTablesExistWithKnownKeys() {
        ReplayResult r = replay("create table p (id uuid primary key references auth.users);");
        assertThat(edges(r)).containsExactly("public.p(id) -> auth.users(id) p_id_fkey");
    }

    @Test
    void laterCreatorIsNamedForAForwardReference() {
        ReplayResult r = replay(
                "create table orders (id int primary key, c int references customers(id));",
                "create table customers (id int primary key);");
        ReferenceUnresolved fk = r.events().stream()
                .filter(ReferenceUnresolved.class::isInstance)
                .map(ReferenceUnresolved.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(fk.laterCreator().file().relativePath()).isEqualTo("m/2.sql");
        assertThat(r.events()).noneMatch(ReferenceResolved.class::isInstance);
    }
}
