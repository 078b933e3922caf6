package dev.refguard.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.refguard.parse.jsqlparser.JSqlParserRun;
import dev.refguard.source.MigrationFile;
import dev.refguard.split.SplitProblem;
import dev.refguard.split.StatementKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationParserTest {
    private static final MigrationFile FILE = new MigrationFile(Path.of("m.sql"), "m.sql", false);

    private final NoInternalErrors.CheckedParser parser =
            new NoInternalErrors.CheckedParser(new MigrationParser(Duration.ofSeconds(10), 2));

    @TempDir
    Path directory;

    @AfterEach
    void closeParser() {
        parser.close();
    }

    private ParsedStatement single(String sql) {
        ParsedFile file = parser.parseText(FILE, sql);
        assertThat(file.statements()).hasSize(1);
        return file.statements().get(0);
    }

    private MigrationFile write(String name, byte[] bytes) throws Exception {
        Path path = directory.resolve(name);
        Files.write(path, bytes);
        return new MigrationFile(path, name, false);
    }

    @Test
    void countsStatementsThatCannotChangeTheModelWithoutKeepingThem() {
        ParsedFile file = parser.parseText(
                FILE,
                "INSERT INTO a VALUES (1);\nGRANT SELECT ON a TO r;\n\\connect db\nFROBNICATE x;\nVACUUM;\nDROP TABLE a;");

        assertThat(file.skippedStatements()).isEqualTo(5);
        assertThat(file.statements())
                .extracting(ParsedStatement::kind, ParsedStatement::outcome, ParsedStatement::line)
                .containsExactly(tuple(StatementKind.DROP_TABLE, ParseOutcome.PARSED, 6));
    }

    @Test
    void keepsOnlyCommentsThatMayBeSuppressions() {
        ParsedFile file = parser.parseText(
                FILE,
                "-- a note\n/* " + "old data ".repeat(1000) + "*/\n--  refguard:ignore table-redefined why\n"
                        + "/* refguard:ignore-file unparsed-statement why */ DROP TABLE a; -- refguard\n");

        assertThat(file.comments())
                .extracting(comment -> comment.text().strip(), comment -> comment.line())
                .containsExactly(
                        tuple("refguard:ignore table-redefined why", 3),
                        tuple("refguard:ignore-file unparsed-statement why", 4));
    }

    @Test
    void reportsAStatementNeitherReaderUnderstandsAsUnreadableWithTheParserError() {
        ParsedStatement statement = single("\n  ALTER TABLE ((( nonsense");

        assertThat(statement.outcome()).isEqualTo(ParseOutcome.UNREADABLE);
        assertThat(statement.kind()).isEqualTo(StatementKind.ALTER_TABLE);
        assertThat(statement.line()).isEqualTo(2);
        assertThat(statement.column()).isEqualTo(3);
        assertThat(statement.problem())
                .isEqualTo("Encountered: <OPENING_BRACKET> / \"(\", at line 1, column 13, in lexical state DEFAULT.");
        assertThat(statement.changes()).isEmpty();
    }

    @Test
    void sendsRoutinesStraightToTheTokenReader() {
        ParsedStatement statement = single("CREATE FUNCTION");

        assertThat(statement.kind()).isEqualTo(StatementKind.CREATE_FUNCTION);
        assertThat(statement.outcome()).isEqualTo(ParseOutcome.UNREADABLE);
        assertThat(statement.problem()).isEqualTo("the token reader could not read this CREATE FUNCTION");
    }

    @Test
    void doesNotGiveDeeplyNestedStatementsToTheParser() {
        String sql = "CREATE TABLE t (x int CHECK (" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "))";

        ParsedStatement statement = single(sql);

        // the parser must not have tried; the token reader reads the table
        assertThat(statement.outcome()).isEqualTo(ParseOutcome.FALLBACK);
        assertThat(statement.changes()).singleElement().isInstanceOf(SchemaChange.CreateTable.class);
        assertThat(statement.problem()).contains("nested 10002 levels deep");
    }

    @Test
    void doesNotGiveHugeStatementsToTheParser() {
        String sql = "CREATE TABLE t (x text DEFAULT '" + "y".repeat(JSqlParserRun.MAX_STATEMENT_CHARS) + "')";

        ParsedStatement statement = single(sql);

        assertThat(statement.outcome()).isEqualTo(ParseOutcome.FALLBACK);
        assertThat(statement.problem()).startsWith("statement too long for the parser");
        assertThat(statement.changes()).singleElement().isInstanceOf(SchemaChange.CreateTable.class);
    }

    @Test
    void readsAVeryWideCreateTableWithTheTokenReaderAndKeepsItsForeignKeys() {
        // 25,000 columns in about 250 KB: JSqlParser would take seconds and its watchdog cannot stop it
        StringBuilder sql = new StringBuilder("CREATE TABLE wide (id bigint PRIMARY KEY");
        for (int i = 0; i < 25_000; i++) {
            sql.append(",\n c").append(i).append(i % 1000 == 0 ? " bigint REFERENCES p(id)" : " int");
        }
        sql.append(')');

        ParsedStatement statement = single(sql.toString());

        assertThat(statement.outcome()).isEqualTo(ParseOutcome.FALLBACK);
        assertThat(statement.problem()).startsWith("statement too long for the parser");
        assertThat(statement.changes()).singleElement().isInstanceOf(SchemaChange.CreateTable.class);
        SchemaChange.CreateTable table =
                (SchemaChange.CreateTable) statement.changes().get(0);
        assertThat(table.columns()).hasSize(25_001);
    }

    @Test
    void boundsTheParseOfAStatementByTheTimeout() {
        StringBuilder sql = new StringBuilder("CREATE TABLE big (a int CHECK (");
        for (int i = 0; i < 5_000; i++) {
            sql.append("(a > ").append(i).append(") AND ");
        }
        sql.append("true))");

        try (NoInternalErrors.CheckedParser impatient =
                new NoInternalErrors.CheckedParser(new MigrationParser(Duration.ofMillis(1), 1))) {
            ParsedStatement statement =
                    impatient.parseText(FILE, sql.toString()).statements().get(0);

            assertThat(statement.outcome()).isEqualTo(ParseOutcome.FALLBACK);
            assertThat(statement.problem()).isEqualTo("parse timed out after 1 ms");
        }
    }

    @Test
    void reportsUndecodableBytesWithTheirLineAndReadsTheRest() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("SELECT 1;\nCREATE TABLE a (x text DEFAULT '".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.write(0xC3); // a truncated two-byte sequence
        bytes.writeBytes("');\nDROP TABLE b;\n".getBytes(StandardCharsets.UTF_8));
        MigrationFile file = write("bad.sql", bytes.toByteArray());

        ParsedFile parsed =
                parser.parseAll(List.of(file), StandardCharsets.UTF_8).get(0);

        assertThat(parsed.problems())
                .containsExactly(new SplitProblem("file is not valid UTF-8: undecodable bytes at line 2", 2, 33));
        assertThat(parsed.skippedStatements()).isEqualTo(1);
        assertThat(parsed.statements())
                .extracting(ParsedStatement::kind)
                .containsExactly(StatementKind.CREATE_TABLE, StatementKind.DROP_TABLE);
        assertThat(parsed.lineCount()).isEqualTo(3);
    }

    @Test
    void reportsTheFirstNulByteWithItsLineAndReadsTheRest() throws Exception {
        MigrationFile file = write(
                "nul.sql",
                "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES ('x\0y');\nDROP TABLE b;\nSELECT '\0';\n"
                        .getBytes(StandardCharsets.UTF_8));

        ParsedFile parsed =
                parser.parseAll(List.of(file), StandardCharsets.UTF_8).get(0);

        assertThat(parsed.problems())
                .containsExactly(new SplitProblem(
                        "file contains a NUL byte (binary data?) at line 2; PostgreSQL rejects it", 2, 25));
        assertThat(parsed.skippedStatements()).isEqualTo(3);
        assertThat(parsed.statements()).extracting(ParsedStatement::kind).containsExactly(StatementKind.DROP_TABLE);
    }

    @Test
    void reportsAFileThatCannotBeReadWithoutItsAbsolutePath() {
        MigrationFile missing = new MigrationFile(directory.resolve("gone.sql"), "db/gone.sql", false);

        ParsedFile parsed =
                parser.parseAll(List.of(missing), StandardCharsets.UTF_8).get(0);

        assertThat(parsed.statements()).isEmpty();
        assertThat(parsed.problems()).containsExactly(new SplitProblem("cannot read file: no such file", 1, 1));
        assertThat(parsed.lineCount()).isZero();
    }

    @Test
    void readsBinaryFilesLikeText() throws Exception {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        bytes[100] = 0;
        MigrationFile file = write("blob.sql", bytes);

        ParsedFile parsed =
                parser.parseAll(List.of(file), StandardCharsets.UTF_8).get(0);

        assertThat(parsed.problems()).isNotEmpty();
        assertThat(parsed.problems().get(0).message()).startsWith("file is not valid UTF-8");
    }

    @Test
    void returnsFilesInInputOrder() throws Exception {
        List<MigrationFile> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String sql = "\n".repeat(i) + "DROP TABLE t" + i + ";\n" + "SELECT 1;\n".repeat(i * 50);
            files.add(write("V" + i + ".sql", sql.getBytes(StandardCharsets.UTF_8)));
        }

        List<ParsedFile> parsed = parser.parseAll(files, StandardCharsets.UTF_8);

        assertThat(parsed).extracting(ParsedFile::file).containsExactlyElementsOf(files);
        for (int i = 0; i < parsed.size(); i++) {
            assertThat(parsed.get(i).statements().get(0).line()).isEqualTo(i + 1);
            assertThat(parsed.get(i).statements()).hasSize(1);
            assertThat(parsed.get(i).skippedStatements()).isEqualTo(i * 50);
        }
    }

    @Test
    void keepsADoBlocksInnerStatementsInItsControlFlowMarkedConditional() {
        String sql = """
                -- guard
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'x') THEN
                    -- refguard:ignore fk-type-mismatch legacy
                    ALTER TABLE a ADD CONSTRAINT x FOREIGN KEY (b_id) REFERENCES b(id);
                  END IF;
                  INSERT INTO log VALUES (1);
                END $$;
                DROP TABLE z;
                """;

        ParsedFile file = parser.parseText(FILE, sql);

        assertThat(file.statements())
                .extracting(
                        ParsedStatement::kind,
                        ParsedStatement::line,
                        ParsedStatement::column,
                        ParsedStatement::conditional)
                .containsExactly(
                        tuple(StatementKind.DO_BLOCK, 2, 1, false), tuple(StatementKind.DROP_TABLE, 9, 1, false));
        ParsedStatement doBlock = file.statements().get(0);
        assertThat(doBlock.outcome()).isEqualTo(ParseOutcome.PARSED);
        SchemaChange.DoBlock block = (SchemaChange.DoBlock) doBlock.changes().get(0);
        dev.refguard.parse.block.BlockStep.If guarded =
                (dev.refguard.parse.block.BlockStep.If) block.body().get(0);
        ParsedStatement inner = ((dev.refguard.parse.block.BlockStep.Run)
                        guarded.branches().get(0).body().get(0))
                .statement();
        assertThat(inner)
                .extracting(
                        ParsedStatement::kind,
                        ParsedStatement::line,
                        ParsedStatement::column,
                        ParsedStatement::conditional)
                .containsExactly(StatementKind.ALTER_TABLE, 5, 5, true);
        assertThat(inner.changes()).hasSize(1);
        assertThat(file.comments())
                .extracting(comment -> comment.text().strip(), comment -> comment.line())
                .containsExactly(tuple("refguard:ignore fk-type-mismatch legacy", 4));
    }

    @Test
    void reportsDoBlocksItCannotOpen() {
        assertThat(single("DO LANGUAGE plv8 $$ x $$").outcome()).isEqualTo(ParseOutcome.UNREADABLE);
        assertThat(single("DO E'BEGIN END'").problem()).contains("not in a dollar-quoted or plain string");
    }

    @Test
    void keepsSplitProblemsAndStatementsBeforeThem() {
        ParsedFile file = parser.parseText(FILE, "DROP TABLE a;\nSELECT 'open");

        assertThat(file.statements()).extracting(ParsedStatement::kind).containsExactly(StatementKind.DROP_TABLE);
        assertThat(file.problems()).containsExactly(new SplitProblem("unterminated quoted string starting here", 2, 8));
    }

    @Test
    void countsLinesWithoutAnEmptyLastLine() {
        assertThat(parser.parseText(FILE, "").lineCount()).isZero();
        assertThat(parser.parseText(FILE, "a").lineCount()).isEqualTo(1);
        assertThat(parser.parseText(FILE, "a\nb").lineCount()).isEqualTo(2);
        assertThat(parser.parseText(FILE, "a\r\nb\r\n").lineCount()).isEqualTo(2);
        assertThat(parser.parseText(FILE, "a\n\n").lineCount()).isEqualTo(2);
    }

    @Test
    void fingerprintIgnoresLayoutAndComments() {
        String fingerprint = StatementReader.fingerprint("ALTER TABLE a ADD x int");

        assertThat(fingerprint).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(StatementReader.fingerprint("  ALTER TABLE a -- why\n\tADD   x int  "))
                .isEqualTo(fingerprint);
        assertThat(StatementReader.fingerprint("ALTER TABLE a ADD y int")).isNotEqualTo(fingerprint);
        assertThat(single("ALTER TABLE a /* c */ ADD x int").fingerprint()).isEqualTo(fingerprint);
    }
}
