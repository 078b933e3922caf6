package dev.refguard.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading psql's error output (as PostgreSQL 15's psql writes it with VERBOSITY verbose and --echo-errors). */
class PsqlReplayTest {
    private static final String OUTPUT = """
            psql:/m/001.sql:7: ERROR:  42P01: relation "nope" does not exist
            LOCATION:  RangeVarGetRelidExtended, namespace.c:433
            psql:/m/001.sql:7: STATEMENT:  create table b (
              id int primary key,
              a_id int references nope(id)
            );
            psql:/m/001.sql:12: ERROR:  42P01: relation "zzz" does not exist
            CONTEXT:  SQL statement "alter table zzz add column y int"
            PL/pgSQL function inline_code_block line 3 at SQL statement
            LOCATION:  RangeVarGetRelidExtended, namespace.c:433
            psql:/m/001.sql:12: STATEMENT:  do $$
            begin
              alter table zzz add column y int;
            end $$;
            psql:/m/001.sql:15: ERROR:  25P02: current transaction is aborted, commands ignored until end of transaction block
            LOCATION:  exec_simple_query, postgres.c:1081
            psql:/m/001.sql:15: STATEMENT:  create table d (id int);
            """;

    @Test
    void readsEachErrorWithItsStatementsLines() {
        List<PsqlReplay.Rejection> rejections = PsqlReplay.parse(OUTPUT, "/m/001.sql", "db/001.sql");

        assertThat(rejections)
                .extracting(PsqlReplay.Rejection::toString)
                .containsExactly(
                        "db/001.sql:4-7: 42P01 relation \"nope\" does not exist",
                        "db/001.sql:9-12: 42P01 relation \"zzz\" does not exist",
                        "db/001.sql:15: 25P02 current transaction is aborted, commands ignored until end of"
                                + " transaction block");
        assertThat(rejections.get(0).covers("db/001.sql", 6)).isTrue();
        assertThat(rejections.get(0).covers("db/001.sql", 8)).isFalse();
        assertThat(rejections.get(0).covers("db/002.sql", 6)).isFalse();
        assertThat(rejections.get(2).inAbortedBlock()).isTrue();
    }

    @Test
    void ignoresOtherFilesAndNotices() {
        String output = "psql:/m/other.sql:3: ERROR:  42P07: relation \"a\" already exists\n"
                + "psql:/m/001.sql:2: WARNING:  25001: there is already a transaction in progress\n";

        assertThat(PsqlReplay.parse(output, "/m/001.sql", "001.sql")).isEmpty();
    }
}
