package dev.refguard.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoBlockSplitterTest {

    /** Splits {@code content} (one DO block, maybe after other statements) and opens its last statement. */
    private static DoBlockSplitter.Result body(String content) {
        SplitResult file = StatementSplitter.split(content);
        SqlStatement doBlock = file.statements().get(file.statements().size() - 1);
        assertThat(doBlock.kind()).isEqualTo(StatementKind.DO_BLOCK);
        return DoBlockSplitter.split(doBlock, LineIndex.of(content));
    }

    @Test
    void findsConditionalForeignKeyInsideIfNotExists() {
        String content = "CREATE TABLE b (id int);\n"
                + "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'x') THEN "
                + "ALTER TABLE a ADD CONSTRAINT x FOREIGN KEY (b_id) REFERENCES b(id); END IF; END $$;";
        DoBlockSplitter.Result result = body(content);

        assertThat(result.status()).isEqualTo(DoBlockSplitter.Status.READ);
        assertThat(result.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.text())
                    .isEqualTo("ALTER TABLE a ADD CONSTRAINT x FOREIGN KEY (b_id) REFERENCES b(id)");
            assertThat(statement.kind()).isEqualTo(StatementKind.ALTER_TABLE);
            assertThat(statement.line()).isEqualTo(2);
            assertThat(statement.column()).isEqualTo(content.indexOf("ALTER TABLE") - content.indexOf("DO $$") + 1);
            assertThat(content.substring(statement.startOffset(), statement.endOffset()))
                    .isEqualTo(statement.text());
        });
    }

    @Test
    void findsPrismaStyleCreateTypeGuardedByExceptionHandler() {
        String content = """
                DO $$ BEGIN
                    CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
                EXCEPTION
                    WHEN duplicate_object THEN null;
                END $$;
                """;
        DoBlockSplitter.Result result = body(content);

        assertThat(result.statements())
                .extracting(SqlStatement::text, SqlStatement::kind, SqlStatement::line, SqlStatement::column)
                .containsExactly(
                        tuple("CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN')", StatementKind.TYPE_DEFINITION, 2, 5));
    }

    @Test
    void findsPrismaStyleForeignKeyOverSeveralLinesWithCrLf() {
        String content = "DO $$ BEGIN\r\n  ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\"\r\n"
                + "    FOREIGN KEY (\"authorId\") REFERENCES \"User\"(\"id\");\r\n"
                + "EXCEPTION\r\n  WHEN duplicate_object THEN null;\r\nEND $$;\r\n";
        DoBlockSplitter.Result result = body(content);

        assertThat(result.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.kind()).isEqualTo(StatementKind.ALTER_TABLE);
            assertThat(statement.line()).isEqualTo(2);
            assertThat(statement.column()).isEqualTo(3);
            assertThat(statement.text()).endsWith("REFERENCES \"User\"(\"id\")");
        });
    }

    @Test
    void blanksDeclareLoopsElseBranchesAndPlpgsqlStatements() {
        String content = """
                DO $body$
                DECLARE
                  r record;
                  n int := 0;
                BEGIN
                  <<outer>>
                  FOR r IN SELECT tablename FROM pg_tables LOOP
                    n := n + 1;
                    PERFORM pg_sleep(0);
                  END LOOP outer;
                  IF n > 0 THEN
                    RAISE NOTICE 'tables: %; done', n;
                    CREATE TABLE counted (id int);
                  ELSIF n < 0 THEN
                    NULL;
                  ELSE
                    DROP TABLE IF EXISTS counted;
                  END IF;
                  CASE n WHEN 1 THEN TRUNCATE counted; ELSE NULL; END CASE;
                END
                $body$ LANGUAGE plpgsql;
                """;
        DoBlockSplitter.Result result = body(content);

        assertThat(result.statements())
                .extracting(SqlStatement::kind, SqlStatement::line, SqlStatement::column)
                .containsExactly(
                        tuple(StatementKind.CREATE_TABLE, 13, 5),
                        tuple(StatementKind.DROP_TABLE, 17, 5),
                        tuple(StatementKind.TRUNCATE, 19, 22));
    }

    @Test
    void unwrapsExecuteOfAPlainLiteral() {
        String content = "DO $$ BEGIN\n  EXECUTE 'ALTER TABLE a ADD COLUMN b text DEFAULT ''x''';\n"
                + "  EXECUTE $q$DROP TABLE c$q$;\n"
                + "  EXECUTE format('DROP TABLE %I', 'd');\nEND $$";
        DoBlockSplitter.Result result = body(content);

        assertThat(result.statements())
                .extracting(SqlStatement::text, SqlStatement::kind, SqlStatement::line, SqlStatement::column)
                .containsExactly(
                        tuple("ALTER TABLE a ADD COLUMN b text DEFAULT  'x '", StatementKind.ALTER_TABLE, 2, 12),
                        tuple("DROP TABLE c", StatementKind.DROP_TABLE, 3, 14));
    }

    @Test
    void readsASingleQuotedBody() {
        String content = "DO 'BEGIN ALTER TABLE a ADD CONSTRAINT c CHECK (x <> ''''); END'";
        DoBlockSplitter.Result result = body(content);

        assertThat(result.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.kind()).isEqualTo(StatementKind.ALTER_TABLE);
            assertThat(statement.column()).isEqualTo(11);
        });
    }

    @Test
    void mapsCommentsInsideTheBodyToFilePositions() {
        String content = "SELECT 1;\nDO $$ BEGIN -- refguard:ignore x because\n  /* two */ DROP TABLE a;\nEND $$;";
        DoBlockSplitter.Result result = body(content);

        assertThat(result.comments())
                .extracting(SqlComment::text, SqlComment::line, SqlComment::column)
                .containsExactly(tuple(" refguard:ignore x because", 2, 13), tuple(" two ", 3, 3));
    }

    @Test
    void refusesOtherLanguagesAndMissingBodies() {
        assertThat(body("DO LANGUAGE plpython3u $$ import os $$").status())
                .isEqualTo(DoBlockSplitter.Status.NOT_PLPGSQL);
        assertThat(body("DO $$ BEGIN END $$ LANGUAGE 'plpgsql'").status()).isEqualTo(DoBlockSplitter.Status.READ);
        assertThat(body("DO E'BEGIN END'").status()).isEqualTo(DoBlockSplitter.Status.NO_BODY);
        assertThat(body("DO").status()).isEqualTo(DoBlockSplitter.Status.NO_BODY);
    }

    @Test
    void survivesMalformedBodies() {
        for (String content : new String[] {
            "DO $$ IF THEN $$",
            "DO $$ DECLARE x int; $$",
            "DO $$ CASE $$",
            "DO $$ << >> $$",
            "DO $$ EXECUTE $$",
            "DO $$ BEGIN 'unterminated $$",
            "DO $$ WHILE true $$",
            "DO $$ x := $$"
        }) {
            assertThat(body(content).status()).as(content).isEqualTo(DoBlockSplitter.Status.READ);
        }
    }

    private static final String[] BODY_FRAGMENTS = {
        "BEGIN ",
        "END ",
        "IF ",
        "THEN ",
        "ELSE ",
        "ELSIF ",
        "LOOP ",
        "FOR ",
        "WHILE ",
        "CASE ",
        "WHEN ",
        "DECLARE ",
        "EXCEPTION ",
        "EXECUTE ",
        "RAISE ",
        "NULL",
        ":=",
        "=",
        "<<",
        ">>",
        "x",
        "'s''t'",
        "'",
        "$q$",
        "$q$",
        "--",
        "/*",
        "*/",
        ";",
        ";",
        "\n",
        "\r\n",
        " ",
        "(",
        ")",
        "ALTER TABLE a ADD b int",
        "DROP TABLE c",
        "."
    };

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void keepsPositionsInsideTheFileOnRandomBodies(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            StringBuilder body = new StringBuilder();
            int parts = random.nextInt(40);
            for (int i = 0; i < parts; i++) {
                body.append(BODY_FRAGMENTS[random.nextInt(BODY_FRAGMENTS.length)]);
            }
            String content = "SELECT 1;\n  DO $body$" + body + "$body$;";
            SplitResult file = StatementSplitter.split(content);
            if (file.statements().size() < 2) {
                continue; // the random body closed the dollar quote early
            }
            DoBlockSplitter.Result result =
                    DoBlockSplitter.split(file.statements().get(1), LineIndex.of(content));

            int previousEnd = 0;
            for (SqlStatement statement : result.statements()) {
                assertThat(statement.startOffset()).as(content).isGreaterThanOrEqualTo(previousEnd);
                assertThat(statement.endOffset() - statement.startOffset())
                        .as(content)
                        .isEqualTo(statement.text().length());
                assertThat(statement.endOffset()).as(content).isLessThanOrEqualTo(content.length());
                assertThat(statement.line()).isEqualTo(LineIndex.of(content).lineOf(statement.startOffset()));
                previousEnd = statement.endOffset();
            }
        }
    }
}
