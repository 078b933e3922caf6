package dev.refguard.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.source.Dialect;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.source.SourceDiscovery;
import dev.refguard.split.MysqlLexis;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * MariaDB is the oracle of the MySQL-family model, as PostgreSQL is of the PostgreSQL one: every history of
 * {@code src/test/resources/fixtures/mysql} is applied to a real MariaDB server file by file with the {@code mariadb}
 * client (going on after errors), and refguard's analysis of the same files with {@code dialect=mariadb} must agree
 * with it both ways:
 *
 * <ul>
 *   <li>every statement the server rejects carries a refguard error of {@value #ORACLE_RULES_TEXT} within it, and
 *       every such refguard error sits on a statement the server rejects;
 *   <li>the foreign keys of {@code information_schema.key_column_usage} are refguard's graph, edge by edge and by
 *       name (column names compared without case, as MySQL compares them).
 * </ul>
 *
 * Needs MariaDB ({@code apt-get install -y mariadb-server}); only {@code -Drefguard.skipMariadb=true} skips it.
 */
class MariadbGraphComparisonTest {
    private static final Path BASE_DIR =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    private static final Path FIXTURES = BASE_DIR.resolve("src/test/resources/fixtures/mysql");
    static final String ORACLE_RULES_TEXT =
            "missing-reference-target, table-redefined, fk-type-mismatch, fk-to-non-unique, identifier-case-mismatch"
                    + " and rejected-statement";
    private static final Set<String> ORACLE_RULES = Set.of(
            "missing-reference-target",
            "table-redefined",
            "fk-type-mismatch",
            "fk-to-non-unique",
            "identifier-case-mismatch",
            "rejected-statement");
    private static final Pattern ERROR_LINE = Pattern.compile("^ERROR \\d+ \\(\\w+\\) at line (\\d+): (.*)$");

    private static MariadbServer server;

    @BeforeAll
    static void startMariadb() {
        assumeFalse(
                Boolean.getBoolean(MariadbServer.SKIP_PROPERTY),
                "skipped by -D" + MariadbServer.SKIP_PROPERTY + "=true");
        server = MariadbServer.start();
        System.out.println("MariadbGraphComparisonTest: " + server);
    }

    private static final java.util.concurrent.atomic.AtomicInteger HISTORIES =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger EDGES =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger REJECTED =
            new java.util.concurrent.atomic.AtomicInteger();

    @AfterAll
    static void stopMariadb() {
        System.out.println("MariadbGraphComparisonTest totals: " + HISTORIES + " histories, " + EDGES
                + " foreign keys compared edge by edge, " + REJECTED + " statements MariaDB rejects, all agreeing");
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachMysqlFixtureAgreesWithMariadb() throws IOException {
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).as("MySQL fixtures below %s", FIXTURES).isNotEmpty();
        return cases.stream().map(dir -> dynamicTest("mysql/" + dir.getFileName(), dir.toUri(), () -> compare(dir)));
    }

    /** One statement of a file, by its lines. */
    private record StatementLines(String file, int first, int last) {
        boolean holds(String f, int line) {
            return file.equals(f) && line >= first && line <= last;
        }
    }

    private static void compare(Path dir) throws IOException {
        List<MigrationHistory> histories = SourceDiscovery.discover(
                        dir, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, false)
                .histories();
        assertThat(histories).as("histories of %s", dir).hasSize(1);
        MigrationHistory history = histories.get(0);

        // the server's verdict, file by file
        String database = server.createDatabase(dir.getFileName().toString());
        List<StatementLines> statements = new ArrayList<>();
        Set<String> rejectedByServer = new TreeSet<>();
        List<String> serverErrors = new ArrayList<>();
        for (MigrationFile file : history.files()) {
            String text = Files.readString(file.path(), StandardCharsets.UTF_8);
            List<StatementLines> ofFile = new ArrayList<>();
            for (SqlStatement st :
                    StatementSplitter.split(MysqlLexis.toPostgres(text)).statements()) {
                int last = st.line()
                        + (int) st.text().chars().filter(c -> c == '\n').count();
                ofFile.add(new StatementLines(file.relativePath(), st.line(), last));
            }
            statements.addAll(ofFile);
            for (String error : server.runScript(database, file.path())) {
                Matcher m = ERROR_LINE.matcher(error);
                assertThat(m.matches()).as("client error line %s", error).isTrue();
                int line = Integer.parseInt(m.group(1));
                StatementLines rejected = ofFile.stream()
                        .filter(s -> s.first() == line)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(
                                file.relativePath() + ":" + line + ": no statement starts here; " + error));
                rejectedByServer.add(rejected.file() + ":" + rejected.first());
                serverErrors.add(file.relativePath() + ":" + line + ": " + m.group(2));
            }
        }

        AnalysisResult result =
                Engine.analyze(RefguardConfig.defaults(dir.toAbsolutePath()).withDialect(Dialect.MARIADB));
        Set<String> rejectedByRefguard = new TreeSet<>();
        List<String> refguardErrors = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.severity() != Severity.ERROR || !ORACLE_RULES.contains(f.ruleId())) {
                continue;
            }
            String path = f.location().file();
            StatementLines holder = statements.stream()
                    .filter(s -> s.holds(path, f.location().line()))
                    .findFirst()
                    .orElse(null);
            refguardErrors.add(f.location() + " " + f.ruleId() + " " + f.message());
            if (holder != null) {
                rejectedByRefguard.add(holder.file() + ":" + holder.first());
            }
        }
        assertThat(rejectedByRefguard)
                .as("statements rejected: MariaDB says%n%s%nrefguard says%n%s", serverErrors, refguardErrors)
                .isEqualTo(rejectedByServer);
        REJECTED.addAndGet(rejectedByServer.size());

        Set<String> serverEdges = new TreeSet<>();
        for (List<String> row : server.query(
                database,
                "select table_name, group_concat(column_name order by ordinal_position), referenced_table_name,"
                        + " group_concat(referenced_column_name order by ordinal_position), constraint_name"
                        + " from information_schema.key_column_usage where table_schema = database()"
                        + " and referenced_table_name is not null group by table_name, constraint_name,"
                        + " referenced_table_name")) {
            serverEdges.add(edge(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)));
        }
        Set<String> refguardEdges = new TreeSet<>();
        for (SchemaGraph.ForeignKey fk : result.graph().foreignKeys()) {
            refguardEdges.add(edge(
                    fk.from().table(),
                    String.join(",", fk.from().columns()),
                    fk.to().table(),
                    String.join(",", fk.to().columns()),
                    fk.name()));
        }
        assertThat(refguardEdges).as("foreign keys of %s", dir.getFileName()).isEqualTo(serverEdges);
        EDGES.addAndGet(serverEdges.size());
        HISTORIES.incrementAndGet();
    }

    /** Tables compare exactly (lower_case_table_names=0); columns and constraint names without case. */
    private static String edge(String from, String fromColumns, String to, String toColumns, String name) {
        return from + "(" + fromColumns.toLowerCase(Locale.ROOT) + ") -> " + to + "("
                + toColumns.toLowerCase(Locale.ROOT) + ") " + name.toLowerCase(Locale.ROOT);
    }
}
