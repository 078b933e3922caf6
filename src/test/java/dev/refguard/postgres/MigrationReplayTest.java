package dev.refguard.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationReplayTest {
    @TempDir
    Path dir;

    private Path file(String sql) throws IOException {
        return Files.writeString(dir.resolve("migration.sql"), sql, StandardCharsets.UTF_8);
    }

    @Test
    void plainMigrationCanBeSentAsOneTransaction() throws IOException {
        Path migration = file("""
                create table t (id int primary key, note text default 'a \\ b');
                do $$ begin perform 1; end $$;
                create index t_note_idx on t (note);
                """);

        assertThat(MigrationReplay.unsupportedReason(migration)).isEmpty();
    }

    @Test
    void psqlMetaCommandsAreNotSentToPostgres() throws IOException {
        Path migration = file("\\connect app\ncreate table t (id int);\n");

        assertThat(MigrationReplay.unsupportedReason(migration))
                .hasValueSatisfying(r -> assertThat(r).contains("psql meta-commands"));
    }

    @Test
    void copyFromStdinDataIsNotSentToPostgres() throws IOException {
        Path migration = file("COPY public.t (id) FROM stdin;\n1\n\\.\n");

        assertThat(MigrationReplay.unsupportedReason(migration))
                .hasValueSatisfying(r -> assertThat(r).contains("COPY"));
    }

    @Test
    void concurrentIndexCannotRunInsideTheFileTransaction() throws IOException {
        Path migration = file("create unique index concurrently t_idx on t (id);\n");

        assertThat(MigrationReplay.unsupportedReason(migration))
                .hasValueSatisfying(r -> assertThat(r).contains("outside a transaction"));
    }

    @Test
    void fileThatIsNotUtf8IsNotSentToPostgres() throws IOException {
        Path migration = Files.write(dir.resolve("latin1.sql"), new byte[] {'-', '-', ' ', (byte) 0xE9, '\n'});

        assertThat(MigrationReplay.unsupportedReason(migration)).hasValue("it is not UTF-8");
    }

    @Test
    void rejectionMarkerIsRecognised() throws IOException {
        assertThat(MigrationReplay.expectsRejection(file("-- postgres-rejects: duplicate table\ncreate table t ();")))
                .isTrue();
        assertThat(MigrationReplay.expectsRejection(file("create table t ();"))).isFalse();
    }
}
