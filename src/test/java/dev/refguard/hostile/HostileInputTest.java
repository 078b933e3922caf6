package dev.refguard.hostile;

import static dev.refguard.hostile.Hostile.analyze;
import static dev.refguard.hostile.Hostile.assertTimeRatio;
import static dev.refguard.hostile.Hostile.describe;
import static dev.refguard.hostile.Hostile.file;
import static dev.refguard.hostile.Hostile.findings;
import static dev.refguard.hostile.Hostile.hasFk;
import static dev.refguard.hostile.Hostile.normalBaseline;
import static dev.refguard.hostile.Hostile.tableNames;
import static dev.refguard.hostile.Hostile.time;
import static dev.refguard.hostile.Hostile.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.findings.Finding;
import dev.refguard.hostile.Hostile.Timed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No input makes the engine crash, hang or lose what it could read. Each case asserts the finding
 * it must give (rule, file, line, column) and a time bound relative to a normal file of the same size.
 */
class HostileInputTest {
    /** Hostile input may cost this many times a normal file of the same size ... */
    private static final double FACTOR = 20;

    /** ... plus this much (class loading, thread start, noise on small inputs). */
    private static final long CONSTANT_MILLIS = 2_000;

    private static final int ONE_MB = 1 << 20;

    /** Two good statements the hostile part follows: their table and FK must survive. */
    private static final String PROLOGUE = "CREATE TABLE parents (id bigint PRIMARY KEY);\n"
            + "CREATE TABLE children (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id));\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp(@TempDir Path scratch) {
        // class loading and the first JSqlParser parse are paid once here, not by the first measured case
        for (int i = 0; i < 3; i++) {
            normalBaseline(scratch, 256 << 10);
        }
    }

    @Test
    void tenThousandNestedParenthesesInACheckAreReadWithoutTheParser() {
        int depth = 10_000;
        String sql = PROLOGUE
                + "CREATE TABLE deep (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id), v int CHECK ("
                + "(".repeat(depth) + "v > 0" + ")".repeat(depth) + "));\n";
        write(dir, "V1__deep.sql", sql);
        Timed<AnalysisResult> hostile = time(() -> analyze(dir));
        Timed<AnalysisResult> normal = normalBaseline(dir.resolve("n"), sql.length());

        AnalysisResult result = hostile.value();
        assertThat(hasFk(result, "deep", "parents")).as(describe(result)).isTrue();
        assertThat(hasFk(result, "children", "parents")).isTrue();
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.stats().fallback()).isEqualTo(1);
        assertTimeRatio("10,000 nested parentheses", hostile, normal, FACTOR, CONSTANT_MILLIS);
    }

    /**
     * An unterminated quote, dollar quote or comment early in a 1 MB file: a finding where it starts, the
     * statements before it kept. The rest of the file holds no quote that could close it.
     */
    static Stream<Arguments> unterminated() {
        return Stream.of(
                Arguments.of(
                        "single quote",
                        "INSERT INTO children VALUES (1, 'never closed);",
                        "'",
                        "unterminated quoted string"),
                Arguments.of(
                        "double quote",
                        "ALTER TABLE \"children ADD COLUMN x int;",
                        "\"",
                        "unterminated quoted identifier"),
                Arguments.of(
                        "dollar quote",
                        "DO $$ BEGIN ALTER TABLE children ADD COLUMN x int;",
                        "$$",
                        "unterminated dollar-quoted string $$"),
                Arguments.of(
                        "tagged dollar quote",
                        "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$ BEGIN",
                        "$body$",
                        "unterminated dollar-quoted string $body$"),
                Arguments.of("block comment", "/* a comment that never ends", "/*", "unterminated block comment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unterminated")
    void unterminatedConstructEarlyInALargeFileIsReportedWhereItStarts(
            String label, String line, String opener, String message) {
        StringBuilder sql = new StringBuilder(PROLOGUE).append("-- the next line opens what never closes\n");
        sql.append(line).append('\n');
        for (int row = 0; sql.length() < ONE_MB; row++) {
            // numbers only: nothing here can close the construct
            sql.append("INSERT INTO children (id, parent_id) VALUES (")
                    .append(row)
                    .append(", ")
                    .append(row % 7)
                    .append(");\n");
        }
        write(dir, "V1__unterminated.sql", sql.toString());
        Timed<AnalysisResult> hostile = time(() -> analyze(dir));
        Timed<AnalysisResult> normal = normalBaseline(dir.resolve("n"), sql.length());

        AnalysisResult result = hostile.value();
        assertThat(result.findings()).as(describe(result)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("unparsed-statement");
            assertThat(f.location().file()).isEqualTo(file("V1__unterminated.sql"));
            assertThat(f.location().line()).isEqualTo(4);
            assertThat(f.location().column()).isEqualTo(line.indexOf(opener) + 1);
            assertThat(f.message()).contains(message);
        });
        assertThat(tableNames(result)).contains("parents", "children");
        assertThat(hasFk(result, "children", "parents")).isTrue();
        assertTimeRatio("unterminated " + label + " in 1 MB", hostile, normal, FACTOR, CONSTANT_MILLIS);
    }

    @Test
    void randomBinaryIsReportedAsUndecodableAndDoesNotStopTheOtherFiles() {
        byte[] noise = new byte[ONE_MB];
        new Random(42).nextBytes(noise);
        write(dir, "V1__schema.sql", PROLOGUE);
        write(dir, "V2__binary.sql", noise);
        write(
                dir,
                "V3__more.sql",
                "CREATE TABLE later (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id));\n");
        Timed<AnalysisResult> hostile = time(() -> analyze(dir));
        Timed<AnalysisResult> normal = normalBaseline(dir.resolve("n"), noise.length + PROLOGUE.length() + 100);

        AnalysisResult result = hostile.value();
        assertThat(result.findings())
                .as(describe(result))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.location().file()).isEqualTo(file("V2__binary.sql")));
        assertThat(findings(result, "unparsed-statement"))
                .anySatisfy(f -> assertThat(f.message()).contains("not valid UTF-8"));
        assertThat(hasFk(result, "children", "parents")).isTrue();
        assertThat(hasFk(result, "later", "parents")).isTrue();
        assertTimeRatio("1 MB random binary", hostile, normal, FACTOR, CONSTANT_MILLIS);
    }

    @Test
    void nulBytesAreReportedWithTheirLineAndTheRestIsRead() {
        String sql = PROLOGUE + "CREATE TABLE nul\0ls (id bigint PRIMARY KEY);\n"
                + "CREATE TABLE after_nul (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id));\n";
        write(dir, "V1__nul.sql", sql);
        AnalysisResult result = analyze(dir);

        // PostgreSQL cannot take a NUL in a query and psql cuts the line there: the file is damaged where
        // the NUL is, and the statement holding it cannot be read
        assertThat(result.findings())
                .as(describe(result))
                .extracting(f -> f.ruleId() + " " + f.location())
                .containsExactly("unparsed-statement db/V1__nul.sql:3:1", "unparsed-statement db/V1__nul.sql:3:17");
        assertThat(result.findings().get(1).message()).contains("NUL byte").contains("line 3");
        assertThat(hasFk(result, "after_nul", "parents")).isTrue();
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndTheRestIsRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(PROLOGUE.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("COMMENT ON TABLE parents IS 'caf".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        bytes.writeBytes(
                ("';\nCREATE TABLE after_bad (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id));\n")
                        .getBytes(StandardCharsets.UTF_8));
        write(dir, "V1__latin.sql", bytes.toByteArray());
        AnalysisResult result = analyze(dir);

        assertThat(result.findings()).as(describe(result)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("unparsed-statement");
            assertThat(f.location().file()).isEqualTo(file("V1__latin.sql"));
            assertThat(f.location().line()).isEqualTo(3);
            assertThat(f.location().column()).isEqualTo(33);
            assertThat(f.message()).contains("not valid UTF-8").contains("line 3");
        });
        assertThat(hasFk(result, "after_bad", "parents")).isTrue();
    }

    @Test
    void aByteOrderMarkIsNoFindingAndTheFirstStatementStartsAtLineOneColumnOne() {
        write(dir, "V1__bom.sql", "\uFEFF" + PROLOGUE);
        AnalysisResult clean = analyze(dir);
        assertThat(clean.findings()).as(describe(clean)).isEmpty();
        assertThat(hasFk(clean, "children", "parents")).isTrue();

        // an unreadable first statement is reported at its start, which must be 1:1 despite the mark
        write(dir, "V2__bom_bad.sql", "\uFEFFALTER TABLE children FROBNICATE;\n");
        AnalysisResult bad = analyze(dir);
        assertThat(findings(bad, "unparsed-statement"))
                .as(describe(bad))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.location().file()).isEqualTo(file("V2__bom_bad.sql"));
                    assertThat(f.location().line()).isEqualTo(1);
                    assertThat(f.location().column()).isEqualTo(1);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CRLF", "CR"})
    void findingsHaveExactLinesWithCrlfAndLoneCrLineEndings(String ending) {
        String sql = "-- header\n"
                + "CREATE TABLE a (id bigint PRIMARY KEY);\n"
                + "\n"
                + "CREATE TABLE b (\n"
                + "  id bigint PRIMARY KEY,\n"
                + "  a_id bigint REFERENCES nowhere(id)\n"
                + ");\n"
                + "/* a block\ncomment */ ALTER TABLE b FROBNICATE;\n"
                + "SELECT 'multi\nline string';\n"
                + "INSERT INTO a VALUES ('never closed);\n";
        write(dir, "V1__lf.sql", sql);
        AnalysisResult lf = analyze(dir);
        List<Finding> expected = lf.findings();
        assertThat(expected)
                .as(describe(lf))
                .extracting(f -> f.ruleId() + "@" + f.location().line() + ":"
                        + f.location().column())
                .containsExactly(
                        "missing-reference-target@6:26", "unparsed-statement@9:12", "unparsed-statement@12:23");

        String eol = "CRLF".equals(ending) ? "\r\n" : "\r";
        Path other = dir.resolve("other");
        write(other, "V1__lf.sql", sql.replace("\n", eol));
        AnalysisResult result = analyze(other);
        assertThat(result.findings())
                .as(describe(result))
                .extracting(f -> f.ruleId() + "@" + f.location().line() + ":"
                        + f.location().column())
                .containsExactlyElementsOf(expected.stream()
                        .map(f -> f.ruleId() + "@" + f.location().line() + ":"
                                + f.location().column())
                        .toList());
    }

    @Test
    void aFiftyMegabyteInsertIsClassifiedAndSkippedWithoutBeingParsed() {
        int size = 50 * ONE_MB;
        StringBuilder sql = new StringBuilder(size + 1024).append(PROLOGUE);
        sql.append("INSERT INTO children (id, parent_id) VALUES\n");
        for (int row = 0; sql.length() < size; row++) {
            sql.append(row == 0 ? "" : ",\n").append("(").append(row).append(", 1)");
        }
        sql.append(";\nCREATE TABLE after_insert (id bigint PRIMARY KEY, parent_id bigint REFERENCES parents(id));\n");
        write(dir, "V1__big_insert.sql", sql.toString());
        int length = sql.length();
        sql = null; // not kept alive while the engine runs
        Timed<AnalysisResult> hostile = time(() -> analyze(dir));
        Timed<AnalysisResult> normal = normalBaseline(dir.resolve("n"), length);

        AnalysisResult result = hostile.value();
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.stats().statements()).isEqualTo(4);
        assertThat(result.stats().skipped()).as("the INSERT is skipped").isEqualTo(1);
        assertThat(result.stats().parsed())
                .as("only the three CREATE TABLEs are parsed")
                .isEqualTo(3);
        assertThat(hasFk(result, "after_insert", "parents")).isTrue();
        assertTimeRatio("50 MB single INSERT", hostile, normal, FACTOR, CONSTANT_MILLIS);
    }

    @Test
    void aCreateTableWithOneHundredThousandColumnsCompletesWithItsForeignKeys() {
        int columns = 100_000;
        // compact names (base 36 after an underscore, never a keyword) so that the statement stays under a megabyte:
        // not too long to try parsing
        StringBuilder sql = new StringBuilder(PROLOGUE).append("CREATE TABLE wide (id bigint PRIMARY KEY");
        for (int i = 0; i < columns; i++) {
            sql.append(",_").append(Integer.toString(i, 36));
            sql.append(i % 1000 == 0 ? " bigint REFERENCES parents(id)" : " int");
        }
        sql.append(");\n");
        assertThat(sql.length()).isLessThan(1_000_000);
        write(dir, "V1__wide.sql", sql.toString());
        Timed<AnalysisResult> hostile = time(() -> analyze(dir));
        Timed<AnalysisResult> normal = normalBaseline(dir.resolve("n"), sql.length());

        AnalysisResult result = hostile.value();
        System.out.println("[hostile] wide table read as: " + result.stats());
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.graph().foreignKeys().stream()
                        .filter(fk -> fk.from().table().equals("wide")))
                .hasSize(columns / 1000);
        assertThat(result.graph().tables().stream()
                        .filter(t -> t.name().equals("wide"))
                        .findFirst()
                        .orElseThrow()
                        .columns())
                .hasSize(columns + 1);
        assertTimeRatio("CREATE TABLE with 100,000 columns", hostile, normal, FACTOR, CONSTANT_MILLIS);
    }

    @Test
    void aHistoryOfTenThousandFilesCompletes() {
        int files = 10_000;
        StringBuilder all = new StringBuilder("CREATE TABLE t0 (id bigint PRIMARY KEY);\n");
        write(dir, "V0__root.sql", all.toString());
        for (int i = 1; i < files; i++) {
            String sql = "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, prev_id bigint REFERENCES t" + (i - 1)
                    + "(id), name text);\nINSERT INTO t" + i + " (id, name) VALUES (1, 'first row of table " + i
                    + "');\n";
            write(dir, "V" + i + "__t" + i + ".sql", sql);
            all.append(sql);
        }
        Timed<AnalysisResult> hostile = time(() -> analyze(dir));
        // the same statements in one file: what the file count itself costs
        Path single = dir.resolve("single");
        write(single, "V1__all.sql", all.toString());
        Timed<AnalysisResult> normal = time(() -> analyze(single));
        assertThat(normal.value().stats().foreignKeys()).isEqualTo(files - 1);

        AnalysisResult result = hostile.value();
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.stats().files()).isEqualTo(files);
        assertThat(result.stats().foreignKeys()).isEqualTo(files - 1);
        assertThat(result.graph().foreignKeys())
                .anySatisfy(fk -> assertThat(fk.file()).isEqualTo(file("V9999__t9999.sql")));
        assertTimeRatio("10,000-file history", hostile, normal, FACTOR, CONSTANT_MILLIS);
    }

    @Test
    void anEmptyFileIsNoFinding() {
        write(dir, "V1__empty.sql", "");
        write(dir, "V2__schema.sql", PROLOGUE);
        AnalysisResult result = analyze(dir);
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.stats().files()).isEqualTo(2);
        assertThat(result.stats().statements()).isEqualTo(2);
    }

    @Test
    void aFileThatIsOneCommentLineWithLiteralBackslashNIsNoStatement() {
        write(dir, "V1__comment.sql", "-- create the users table\\nCREATE TABLE users (id uuid PRIMARY KEY);");
        write(dir, "V2__comment_newline.sql", "-- literal \\n and \\. and \\i inside a comment\\n\n");
        AnalysisResult result = analyze(dir);
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.stats().files()).isEqualTo(2);
        assertThat(result.stats().statements()).isZero();
        assertThat(result.graph().tables()).isEmpty();
    }

    @Test
    void identifiersLongerThan63BytesAreTheSameTableWhenTheirFirst63BytesAgree() {
        String prefix = "a_very_long_table_name_that_goes_on_and_on_past_the_postgres_li"; // 63 bytes
        assertThat(prefix.getBytes(StandardCharsets.UTF_8)).hasSize(63);
        write(
                dir,
                "V1__long.sql",
                "CREATE TABLE " + prefix + "mit_one (id bigint PRIMARY KEY);\n"
                        + "CREATE TABLE refs (id bigint PRIMARY KEY, x bigint REFERENCES " + prefix
                        + "mit_other_spelling(id));\n"
                        + "CREATE TABLE " + prefix + "mit_two (id bigint PRIMARY KEY);\n");
        AnalysisResult result = analyze(dir);

        assertThat(tableNames(result)).contains(prefix, "refs").hasSize(2);
        assertThat(hasFk(result, "refs", prefix)).isTrue();
        assertThat(result.findings()).as(describe(result)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("table-redefined");
            assertThat(f.location().line()).isEqualTo(3);
        });
    }

    @Test
    void multibyteIdentifiersAreCutAtACharacterBoundary() {
        // 31 two-byte letters are 62 bytes; the 32nd would straddle byte 63, so PostgreSQL drops it whole
        String stem = "\u00e9".repeat(31);
        write(
                dir,
                "V1__accents.sql",
                "CREATE TABLE \"" + stem + "\u00e9\u00e9\" (id bigint PRIMARY KEY);\n"
                        + "CREATE TABLE r (id bigint PRIMARY KEY, x bigint REFERENCES \"" + stem + "\u00e8\"(id));\n");
        AnalysisResult result = analyze(dir);
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(hasFk(result, "r", stem)).isTrue();
    }

    @Test
    void aSymlinkLoopAndAFolderNamedLikeASqlFileAreIgnored() throws Exception {
        write(dir, "V1__schema.sql", PROLOGUE);
        Path db = dir.resolve(Hostile.DIR);
        Files.createSymbolicLink(db.resolve("loop"), db);
        Files.createSymbolicLink(db.resolve("up"), dir);
        Files.createDirectories(db.resolve("V2__folder.sql"));
        Files.writeString(db.resolve("V2__folder.sql").resolve("inner.txt"), "not sql");

        AnalysisResult configured = analyze(dir);
        assertThat(configured.findings()).as(describe(configured)).isEmpty();
        assertThat(configured.stats().files()).isEqualTo(1);
        assertThat(hasFk(configured, "children", "parents")).isTrue();

        // auto-discovery walks the same links
        Files.createDirectories(dir.resolve("supabase/migrations"));
        Files.writeString(dir.resolve("supabase/migrations/20240101000000_init.sql"), PROLOGUE);
        Files.createSymbolicLink(dir.resolve("supabase/migrations/loop"), dir.resolve("supabase"));
        Files.createDirectories(dir.resolve("supabase/migrations/20240102000000_dir.sql"));
        AnalysisResult discovered =
                dev.refguard.engine.Engine.analyze(dev.refguard.engine.RefguardConfig.defaults(dir));
        assertThat(discovered.stats().files()).as(describe(discovered)).isGreaterThanOrEqualTo(1);
        assertThat(discovered.findings()).as(describe(discovered)).isEmpty();
    }
}
