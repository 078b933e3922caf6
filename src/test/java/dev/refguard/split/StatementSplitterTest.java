package dev.refguard.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {

    private static List<String> texts(String content) {
        return StatementSplitter.split(content).statements().stream()
                .map(SqlStatement::text)
                .toList();
    }

    private static SqlStatement only(String content) {
        SplitResult result = StatementSplitter.split(content);
        assertThat(result.statements()).hasSize(1);
        return result.statements().get(0);
    }

    @Test
    void splitsAtSemicolonsAndDropsEmptyStatements() {
        assertThat(texts("CREATE TABLE a (id int);;\n  DROP TABLE b ;\nSELECT 1"))
                .containsExactly("CREATE TABLE a (id int)", "DROP TABLE b", "SELECT 1");
    }

    @Test
    void reportsExactPositionsAndOffsetsOfEachStatement() {
        String content = "-- header\n  CREATE TABLE a (id int);\n\n\tALTER TABLE a\n  ADD x int;";
        SplitResult result = StatementSplitter.split(content);

        assertThat(result.statements())
                .extracting(SqlStatement::line, SqlStatement::column, SqlStatement::kind)
                .containsExactly(tuple(2, 3, StatementKind.CREATE_TABLE), tuple(4, 2, StatementKind.ALTER_TABLE));
        for (SqlStatement statement : result.statements()) {
            assertThat(content.substring(statement.startOffset(), statement.endOffset()))
                    .isEqualTo(statement.text());
        }
        assertThat(result.statements().get(1).text()).isEqualTo("ALTER TABLE a\n  ADD x int");
    }

    @Test
    void countsCrLfAndLoneCrAsOneLineEndEach() {
        String content = "SELECT 1;\r\nSELECT 2;\rSELECT 3;\r\n\r\n  SELECT 4;\n\r  SELECT 5";
        assertThat(StatementSplitter.split(content).statements())
                .extracting(SqlStatement::line, SqlStatement::column)
                .containsExactly(tuple(1, 1), tuple(2, 1), tuple(3, 1), tuple(5, 3), tuple(7, 3));
    }

    @Test
    void skipsByteOrderMarkWhenCountingColumns() {
        SqlStatement statement = only("\uFEFFCREATE TABLE a (id int)");
        assertThat(statement.line()).isEqualTo(1);
        assertThat(statement.column()).isEqualTo(1);
        assertThat(statement.startOffset()).isEqualTo(1);
        assertThat(statement.text()).isEqualTo("CREATE TABLE a (id int)");
    }

    @Test
    void keepsSemicolonsInsideSingleQuotedStringsWithDoubledQuotes() {
        assertThat(texts("INSERT INTO t VALUES ('a;''b;'); SELECT 2"))
                .containsExactly("INSERT INTO t VALUES ('a;''b;')", "SELECT 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E", "e"})
    void readsBackslashEscapesInEscapeStrings(String prefix) {
        assertThat(texts("SELECT " + prefix + "'it\\'s; \\\\'; SELECT 2"))
                .containsExactly("SELECT " + prefix + "'it\\'s; \\\\'", "SELECT 2");
    }

    @Test
    void treatsBackslashInPlainStringsAsAnOrdinaryChar() {
        // standard_conforming_strings is on since PostgreSQL 9.1: 'a\' is a complete string
        assertThat(texts("SELECT 'a\\'; SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void readsPrefixedStringsAndQuotedIdentifiers() {
        assertThat(texts("SELECT U&'d\\0061;', B'1;0', X'1F;', \"we\"\"ird;\"; SELECT 2"))
                .containsExactly("SELECT U&'d\\0061;', B'1;0', X'1F;', \"we\"\"ird;\"", "SELECT 2");
    }

    @Test
    void doesNotTakeAnIdentifierEndingInEAsAnEscapePrefix() {
        // "name'..." is not E'...': the backslash does not escape the closing quote
        assertThat(texts("SELECT name'x\\'; SELECT 2")).containsExactly("SELECT name'x\\'", "SELECT 2");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
        assertThat(texts(function + "; SELECT 2")).containsExactly(function, "SELECT 2");
    }

    @Test
    void keepsTaggedDollarQuotesContainingPlainDollarQuotesAndSemicolons() {
        String function = "CREATE FUNCTION f() RETURNS text AS $body$ SELECT $$;$$; $inner$ ; $inner$ $body$";
        SplitResult result = StatementSplitter.split(function + ";\nSELECT 2;");
        assertThat(result.statements()).extracting(SqlStatement::text).containsExactly(function, "SELECT 2");
        assertThat(result.statements().get(1).line()).isEqualTo(2);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void doesNotTakeParametersOrIdentifierDollarsAsDollarQuotes() {
        assertThat(texts("SELECT $1, a$b$ FROM t; SELECT 2")).containsExactly("SELECT $1, a$b$ FROM t", "SELECT 2");
    }

    @Test
    void collectsLineAndNestedBlockCommentsWithPositions() {
        String content = "-- first; not a statement\nSELECT /* outer /* inner; */ still; */ 1; -- tail\n";
        SplitResult result = StatementSplitter.split(content);

        assertThat(result.statements())
                .extracting(SqlStatement::text)
                .containsExactly("SELECT /* outer /* inner; */ still; */ 1");
        assertThat(result.comments())
                .extracting(SqlComment::text, SqlComment::line, SqlComment::column)
                .containsExactly(
                        tuple(" first; not a statement", 1, 1),
                        tuple(" outer /* inner; */ still; ", 2, 8),
                        tuple(" tail", 2, 43));
    }

    @Test
    void excludesLeadingAndTrailingCommentsFromStatementText() {
        SqlStatement statement = only("/* a */ -- b\n  DROP TABLE x -- why\n  ;");
        assertThat(statement.text()).isEqualTo("DROP TABLE x");
        assertThat(statement.line()).isEqualTo(2);
        assertThat(statement.column()).isEqualTo(3);
    }

    @Test
    void readsPsqlMetaCommandsAsOneLineStatements() {
        String content = "\\connect mydb\nCREATE TABLE a (id int);\n  \\i other.sql\n\\set x 1\nSELECT 1;";
        SplitResult result = StatementSplitter.split(content);
        assertThat(result.statements())
                .extracting(SqlStatement::text, SqlStatement::kind, SqlStatement::line, SqlStatement::column)
                .containsExactly(
                        tuple("\\connect mydb", StatementKind.PSQL_META, 1, 1),
                        tuple("CREATE TABLE a (id int)", StatementKind.CREATE_TABLE, 2, 1),
                        tuple("\\i other.sql", StatementKind.PSQL_META, 3, 3),
                        tuple("\\set x 1", StatementKind.PSQL_META, 4, 1),
                        tuple("SELECT 1", StatementKind.IGNORED, 5, 1));
    }

    @Test
    void endsAnOpenStatementAtAMetaCommandLine() {
        assertThat(texts("SELECT 1\n\\gexec\nSELECT 2;")).containsExactly("SELECT 1", "\\gexec", "SELECT 2");
    }

    @Test
    void skipsCopyDataUpToBackslashDotWithoutLexingIt() {
        String content = """
                COPY public.users (id, name) FROM stdin;
                1\tO'Brien; "x
                2\t$$ /* --
                \\.
                ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users(id);
                """;
        SplitResult result = StatementSplitter.split(content);
        assertThat(result.problems()).isEmpty();
        assertThat(result.comments()).isEmpty();
        assertThat(result.statements())
                .extracting(SqlStatement::kind, SqlStatement::line)
                .containsExactly(tuple(StatementKind.IGNORED, 1), tuple(StatementKind.ALTER_TABLE, 5));
    }

    @Test
    void skipsPsqlCopyDataToo() {
        String content = "\\copy t from stdin\na'b\n\\.\r\nDROP TABLE t;";
        assertThat(StatementSplitter.split(content).statements())
                .extracting(SqlStatement::kind, SqlStatement::line)
                .containsExactly(tuple(StatementKind.PSQL_META, 1), tuple(StatementKind.DROP_TABLE, 4));
    }

    @Test
    void reportsCopyDataWithoutTerminator() {
        SplitResult result = StatementSplitter.split("COPY t FROM STDIN;\nrow'1\nDROP TABLE t;");
        assertThat(result.statements()).extracting(SqlStatement::kind).containsExactly(StatementKind.IGNORED);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("no terminating \\.");
            assertThat(problem.line()).isEqualTo(2);
        });
    }

    @Test
    void keepsSemicolonsInsideBeginAtomicRoutineBodies() {
        String function = "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql\n"
                + "BEGIN ATOMIC\n  SELECT CASE WHEN true THEN 1 END;\n  SELECT 2;\nEND";
        assertThat(texts(function + ";\nSELECT 3;")).containsExactly(function, "SELECT 3");
    }

    @Test
    void classifiesTransactionControl() {
        assertThat(StatementSplitter.split("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nCOMMIT PREPARED 'x';")
                        .statements())
                .extracting(SqlStatement::kind)
                .containsExactly(
                        StatementKind.TRANSACTION,
                        StatementKind.CREATE_TABLE,
                        StatementKind.TRANSACTION,
                        StatementKind.IGNORED);
    }

    @Test
    void reportsUnterminatedDollarQuoteWhereItStartsAndKeepsEarlierStatements() {
        String content = "CREATE TABLE a (id int);\nCREATE FUNCTION f() AS $fn$ BEGIN;\nCREATE TABLE b (id int);";
        SplitResult result = StatementSplitter.split(content);
        assertThat(result.statements()).extracting(SqlStatement::text).containsExactly("CREATE TABLE a (id int)");
        assertThat(result.problems())
                .containsExactly(new SplitProblem("unterminated dollar-quoted string $fn$ starting here", 2, 24));
    }

    static Stream<Arguments> unterminatedConstructs() {
        return Stream.of(
                Arguments.of("SELECT 1;\nSELECT 'abc;", "unterminated quoted string starting here", 2, 8),
                Arguments.of("SELECT 1;\n  SELECT E'a\\';", "unterminated quoted string starting here", 2, 10),
                Arguments.of("SELECT 1;\nSELECT \"abc;", "unterminated quoted identifier starting here", 2, 8),
                Arguments.of("SELECT 1;\nSELECT /* a /* b */ ;", "unterminated block comment starting here", 2, 8),
                Arguments.of("SELECT 1;\nSELECT $$ x;", "unterminated dollar-quoted string $$ starting here", 2, 8));
    }

    @ParameterizedTest
    @MethodSource("unterminatedConstructs")
    void reportsEachUnterminatedConstructAtItsStart(String content, String message, int line, int column) {
        SplitResult result = StatementSplitter.split(content);
        assertThat(result.statements()).extracting(SqlStatement::text).containsExactly("SELECT 1");
        assertThat(result.problems()).containsExactly(new SplitProblem(message, line, column));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "CREATE TABLE a (id int)|CREATE_TABLE",
                "create or replace temporary table a (id int)|CREATE_TABLE",
                "CREATE GLOBAL TEMP TABLE a (id int)|CREATE_TABLE",
                "CREATE UNLOGGED TABLE a (id int)|CREATE_TABLE",
                "CREATE LOCAL TEMPORARY TABLE a (id int)|CREATE_TABLE",
                "CREATE FOREIGN TABLE a (id int) SERVER s|IGNORED",
                "CREATE LOCAL UNLOGGED TABLE a (id int)|OTHER",
                "CREATE TABLE a AS SELECT 1|CREATE_TABLE",
                "ALTER TABLE a RENAME TO b|ALTER_TABLE",
                "ALTER TABLE a ENABLE ROW LEVEL SECURITY|ALTER_TABLE",
                "DROP TABLE IF EXISTS a CASCADE|DROP_TABLE",
                "CREATE UNIQUE INDEX CONCURRENTLY i ON a (b)|CREATE_INDEX",
                "CREATE INDEX ON a (b)|CREATE_INDEX",
                "CREATE SCHEMA IF NOT EXISTS s|CREATE_SCHEMA",
                "DROP SCHEMA s CASCADE|DROP_SCHEMA",
                "SET search_path TO s, public|SET_SEARCH_PATH",
                "SET SESSION search_path = s|SET_SEARCH_PATH",
                "set local SEARCH_PATH to s|SET_SEARCH_PATH",
                "SET SCHEMA 's'|SET_SEARCH_PATH",
                "SELECT pg_catalog.set_config('search_path', '', false)|SET_SEARCH_PATH",
                "SELECT set_config('search_path', 'a', true)|SET_SEARCH_PATH",
                "SELECT set_config('app.x', 'a', true)|IGNORED",
                "DO $$ BEGIN END $$|DO_BLOCK",
                "CREATE OR REPLACE FUNCTION f() RETURNS void AS $$ $$ LANGUAGE sql|CREATE_FUNCTION",
                "CREATE PROCEDURE p() AS $$ $$ LANGUAGE sql|CREATE_FUNCTION",
                "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()|CREATE_TRIGGER",
                "CREATE OR REPLACE CONSTRAINT TRIGGER t AFTER INSERT ON a EXECUTE FUNCTION f()|CREATE_TRIGGER",
                "TRUNCATE a|TRUNCATE",
                "DELETE FROM a|DELETE",
                "SELECT id, name INTO TEMP snapshot FROM users|SELECT_INTO",
                "select * into table archive.orders from orders|SELECT_INTO",
                "WITH o AS (SELECT * FROM orders) SELECT * INTO old_orders FROM o|SELECT_INTO",
                "WITH o AS (SELECT 1) INSERT INTO a SELECT * FROM o|IGNORED",
                "SELECT * FROM a WHERE id IN (SELECT id FROM b) FOR UPDATE|IGNORED",
                "SELECT 'INTO x' AS into_text|IGNORED",
                "INSERT INTO a VALUES (1)|IGNORED",
                "UPDATE a SET b = 1|IGNORED",
                "GRANT SELECT ON a TO r|IGNORED",
                "REVOKE ALL ON a FROM r|IGNORED",
                "COMMENT ON TABLE a IS 'x'|IGNORED",
                "CREATE POLICY p ON a USING (true)|IGNORED",
                "ALTER POLICY p ON a USING (true)|IGNORED",
                "DROP POLICY p ON a|IGNORED",
                "CREATE TYPE e AS ENUM ('a')|TYPE_DEFINITION",
                "CREATE DOMAIN d AS text|TYPE_DEFINITION",
                "ALTER TYPE e RENAME TO f|TYPE_DEFINITION",
                "DROP TYPE IF EXISTS e|TYPE_DEFINITION",
                "DROP DOMAIN d|TYPE_DEFINITION",
                "CREATE EXTENSION IF NOT EXISTS pgcrypto|IGNORED",
                "CREATE OR REPLACE VIEW v AS SELECT 1|CREATE_RELATION",
                "CREATE MATERIALIZED VIEW v AS SELECT 1|CREATE_RELATION",
                "CREATE SEQUENCE s|CREATE_RELATION",
                "ALTER SEQUENCE s OWNED BY a.id|IGNORED",
                "COPY a FROM '/tmp/x'|IGNORED",
                "ROLLBACK|TRANSACTION",
                "SET statement_timeout = 0|IGNORED",
                "ALTER FUNCTION f() OWNER TO r|IGNORED",
                "DROP FUNCTION f()|IGNORED",
                "DROP TRIGGER t ON a|IGNORED",
                "DROP INDEX i|DROP_INDEX",
                "CREATE ROLE r|IGNORED",
                "ALTER ROLE r SET x = 1|IGNORED",
                "ALTER DEFAULT PRIVILEGES GRANT ALL ON TABLES TO r|IGNORED",
                "VACUUM a|IGNORED",
                "ANALYZE a|IGNORED",
                "NOTIFY c|IGNORED",
                "FROBNICATE a|OTHER",
                "(SELECT 1)|OTHER",
                "CREATE WIDGET w|OTHER"
            })
    void classifiesByLeadingKeywords(String text, StatementKind kind) {
        assertThat(only(text).kind()).isEqualTo(kind);
    }

    @Test
    void classifiesPastLeadingComments() {
        assertThat(only("/* x */ -- y\n create /* z */ table a (id int)").kind())
                .isEqualTo(StatementKind.CREATE_TABLE);
    }

    @Test
    void splitsEmptyAndBlankInputIntoNothing() {
        for (String content : List.of("", "   \n\t", "\uFEFF", ";;;", "-- only a comment")) {
            SplitResult result = StatementSplitter.split(content);
            assertThat(result.statements()).as(content).isEmpty();
            assertThat(result.problems()).as(content).isEmpty();
        }
    }

    @Test
    void normalizesWhitespaceAndCommentsForFingerprints() {
        assertThat(StatementSplitter.normalize("  ALTER   TABLE a /* c */\n\tADD x int -- t\n"))
                .isEqualTo("ALTER TABLE a ADD x int");
        assertThat(StatementSplitter.normalize("SELECT 'a  b',f(x)")).isEqualTo("SELECT 'a  b',f(x)");
    }

    private static final String[] FRAGMENTS = {
        "CREATE TABLE ",
        "ALTER TABLE ",
        "a",
        "\"q\"\"x\"",
        "'s''t'",
        "E'\\''",
        "$$",
        "$t$",
        "$1",
        "--",
        "/*",
        "*/",
        ";",
        ";",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\t",
        "(",
        ")",
        "\\",
        "\\.",
        "COPY t FROM stdin",
        "BEGIN",
        "END",
        "\uFEFF",
        "U&'",
        "\"",
        "'",
        "$",
        "é",
        "\0",
        "x",
        "1",
        "DO ",
        "CREATE FUNCTION f() ",
        "ATOMIC"
    };

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597})
    void holdsItsInvariantsOnRandomSqlLikeInput(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            StringBuilder content = new StringBuilder();
            int parts = random.nextInt(60);
            for (int i = 0; i < parts; i++) {
                content.append(
                        random.nextInt(10) == 0
                                ? (char) random.nextInt(0x3000)
                                : FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            String text = content.toString();
            SplitResult result = StatementSplitter.split(text);

            int previousEnd = 0;
            for (SqlStatement statement : result.statements()) {
                assertThat(statement.startOffset()).as(text).isGreaterThanOrEqualTo(previousEnd);
                assertThat(statement.endOffset()).as(text).isGreaterThan(statement.startOffset());
                assertThat(statement.endOffset()).as(text).isLessThanOrEqualTo(text.length());
                assertThat(text.substring(statement.startOffset(), statement.endOffset()))
                        .as(text)
                        .isEqualTo(statement.text());
                int[] expected = lineAndColumn(text, statement.startOffset());
                assertThat(statement.line()).as(text).isEqualTo(expected[0]);
                assertThat(statement.column()).as(text).isEqualTo(expected[1]);
                previousEnd = statement.endOffset();
            }
            int lastLine = lineAndColumn(text, text.length())[0];
            for (SplitProblem problem : result.problems()) {
                assertThat(problem.line()).as(text).isBetween(1, lastLine);
                assertThat(problem.column()).as(text).isBetween(1, text.length() + 1);
            }
        }
    }

    @Test
    void splitsHugeInputWithoutRecursion() {
        String content = "/*".repeat(200_000) + "*/".repeat(200_000) + "SELECT 1;" + "(".repeat(200_000);
        SplitResult result = StatementSplitter.split(content);
        assertThat(result.statements()).hasSize(2);
        assertThat(result.comments()).hasSize(1);
    }

    /**
     * Line and column of {@code offset} counted here, apart from the splitter's own line index: {@code \n},
     * {@code \r\n} and a lone {@code \r} end a line; a byte order mark at the start is not a column.
     */
    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            boolean crBeforeLf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || (c == '\r' && !crBeforeLf)) {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, Math.max(1, offset - lineStart + 1)};
    }
}
