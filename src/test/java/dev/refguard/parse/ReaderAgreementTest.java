package dev.refguard.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.block.DoBodyReader;
import dev.refguard.parse.jsqlparser.JSqlParserRun;
import dev.refguard.parse.tokens.FallbackReader;
import dev.refguard.split.LineIndex;
import dev.refguard.split.MysqlLexis;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import dev.refguard.split.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two readers of a statement agree: every statement of every fixture history that JSqlParser reads and the
 * token reader reads too gives the same {@link SchemaChange}s from both (records, compared by value, source
 * positions included). The token reader is the fallback of the statements JSqlParser cannot read, so a statement
 * read differently by the two is a bug in one of them that only shows when JSqlParser happens to fail.
 */
class ReaderAgreementTest {

    /** The fixture histories: the model and rule fixtures, and the Maven integration-test projects. */
    private static final List<Path> ROOTS = List.of(Path.of("src/test/resources/fixtures"), Path.of("src/it"));

    /**
     * Disagreements known and not fixed yet, by file (relative to the project) and line, each with its reason. Any
     * other disagreement fails the test, and so does an entry here that no longer disagrees. Empty: the two readers
     * agree on every fixture statement.
     */
    private static final Set<String> KNOWN = Set.of();

    private static final Pattern RENAME_TABLE = Pattern.compile("(?i)RENAME\\s+TABLES?\\s");

    /** One statement read by both readers, differently. */
    private record Disagreement(String where, String sql, List<SchemaChange> jsqlparser, List<SchemaChange> tokens) {
        @Override
        public String toString() {
            return where + "\n  SQL:        " + sql.replaceAll("\\s+", " ") + "\n  JSqlParser: " + jsqlparser
                    + "\n  tokens:     " + tokens;
        }
    }

    private int compared;
    private int agreements;
    private final List<Disagreement> disagreements = new ArrayList<>();

    @Test
    void jsqlParserAndTokenReaderGiveTheSameChangesForEveryFixtureStatement() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(files::add);
            }
        }
        try (JSqlParserRun postgres = new JSqlParserRun(Duration.ofSeconds(10), false);
                JSqlParserRun mysql = new JSqlParserRun(Duration.ofSeconds(10), true)) {
            for (Path file : files) {
                boolean mysqlFamily = isMysql(file);
                String written = Files.readString(file, StandardCharsets.UTF_8);
                // as MigrationParser reads a MySQL or MariaDB file: in PostgreSQL's lexical form, char for char
                String content = mysqlFamily ? MysqlLexis.toPostgres(written) : written;
                LineIndex lines = LineIndex.of(content);
                String name = file.toString().replace('\\', '/');
                StatementSplitter.split(content, statement -> {
                    boolean rename = mysqlFamily
                            && RENAME_TABLE.matcher(statement.text()).lookingAt();
                    if (statement.kind().modelRelevant() || rename) {
                        compare(name, statement, lines, mysqlFamily ? mysql : postgres, rename);
                    }
                });
            }
        }
        List<Disagreement> unexpected =
                disagreements.stream().filter(d -> !KNOWN.contains(d.where())).toList();
        List<String> stale = KNOWN.stream()
                .filter(k -> disagreements.stream().noneMatch(d -> d.where().equals(k)))
                .toList();
        System.out.printf(
                Locale.ROOT,
                "ReaderAgreementTest: %d files, %d statements read by both readers, %d agreements, %d disagreements"
                        + " (%d known)%n",
                files.size(),
                compared,
                agreements,
                disagreements.size(),
                disagreements.size() - unexpected.size());
        disagreements.forEach(d -> System.out.println("DISAGREEMENT " + d));
        assertThat(compared).as("statements compared").isGreaterThan(200);
        assertThat(stale).as("allow-listed disagreements that no longer occur").isEmpty();
        assertThat(unexpected).as("statements the two readers read differently").isEmpty();
    }

    /** Compares the two readings of one statement, and of the statements in a DO block's body. */
    private void compare(
            String file, SqlStatement statement, LineIndex lines, JSqlParserRun jsqlParser, boolean rename) {
        StatementKind kind = statement.kind();
        if (kind == StatementKind.DO_BLOCK) {
            DoBodyReader.read(statement, lines, inner -> {
                compare(file, inner, lines, jsqlParser, false);
                return new ParsedStatement(
                        inner.kind(),
                        inner.line(),
                        inner.column(),
                        "",
                        List.of(),
                        ParseOutcome.PARSED,
                        null,
                        List.of(),
                        true);
            });
            return;
        }
        // only what StatementReader gives to JSqlParser first: the other kinds are the token reader's alone
        if (!rename && (StatementReader.tokenReaderOnly(kind) || kind == StatementKind.SET_FOREIGN_KEY_CHECKS)) {
            return;
        }
        JSqlParserRun.Attempt attempt = jsqlParser.read(statement);
        Optional<List<SchemaChange>> tokens = FallbackReader.read(statement);
        if (attempt.changes() == null || tokens.isEmpty()) {
            return;
        }
        compared++;
        SourcePosition start = new SourcePosition(statement.line(), statement.column());
        List<SchemaChange> jsqlparser = normalise(attempt.changes(), start);
        List<SchemaChange> tokenChanges = normalise(tokens.get(), start);
        if (jsqlparser.equals(tokenChanges)) {
            agreements++;
        } else {
            disagreements.add(
                    new Disagreement(file + ":" + statement.line(), statement.text(), attempt.changes(), tokens.get()));
        }
    }

    /**
     * The two ways of writing the same reading, made one. Only these are normalised, everything else (names, types,
     * defaults, keys, foreign keys, flags and every position inside the statement) is compared as read:
     *
     * <ul>
     *   <li>The position of a {@code CREATE TABLE} or {@code ALTER TABLE} change itself: JSqlParser gives where the
     *       table's name stands, the token reader where the statement starts; both are the statement's, and the
     *       findings that point at a statement use its line. Both become the statement's start.
     *   <li>An inline {@code PRIMARY KEY} or {@code UNIQUE} of a column without a constraint name and not {@code
     *       DEFERRABLE}: JSqlParser gives it as the column's flag, the token reader as the flag and a {@link KeySpec}
     *       too; the replay takes the two as one key ({@code SchemaReplay}: "a reader may give an inline key both as a
     *       column flag and as a KeySpec"). Such a KeySpec is dropped. A named or deferrable inline key keeps its
     *       KeySpec, so a reader that loses the name or the deferrability still disagrees.
     * </ul>
     */
    private static List<SchemaChange> normalise(List<SchemaChange> changes, SourcePosition start) {
        return changes.stream().map(change -> normalise(change, start)).toList();
    }

    private static SchemaChange normalise(SchemaChange change, SourcePosition start) {
        if (change instanceof SchemaChange.CreateTable c) {
            List<KeySpec> keys = c.keys().stream()
                    .filter(k -> !isPlainInlineKey(k, c.columns()))
                    .toList();
            return new SchemaChange.CreateTable(
                    c.table(), c.ifNotExists(), c.columns(), keys, c.foreignKeys(), c.columnsKnown(), start, c.form());
        }
        if (change instanceof SchemaChange.AlterTable a) {
            return new SchemaChange.AlterTable(a.table(), a.ifExists(), a.actions(), start);
        }
        return change;
    }

    private static boolean isPlainInlineKey(KeySpec key, List<ColumnSpec> columns) {
        return key.constraintName() == null
                && !key.deferrable()
                && key.columns().size() == 1
                && columns.stream()
                        .anyMatch(c ->
                                c.name().equals(key.columns().get(0)) && (key.primary() ? c.primaryKey() : c.unique()));
    }

    private static boolean isMysql(Path file) {
        String path = file.toString().toLowerCase(Locale.ROOT);
        return path.contains("mysql") || path.contains("mariadb");
    }
}
