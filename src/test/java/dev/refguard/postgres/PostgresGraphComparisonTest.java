package dev.refguard.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.schema.SchemaGraph;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.source.SourceDiscovery;
import dev.refguard.source.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * PostgreSQL is the oracle of the model (docs/replay.md): every fixture history is applied to a real PostgreSQL
 * server, on top of a stub of Supabase's {@code auth}/{@code storage} schemas, and compared with refguard's analysis
 * of the same files in two ways.
 *
 * <p><b>Statement by statement.</b> Each file is applied with {@code psql -f}, one session a file, going on after
 * errors ({@link PsqlReplay}): each statement runs in its own transaction unless the file says {@code BEGIN}, as
 * psql-based runners (and refguard's replay, docs/replay.md) run them, so every statement PostgreSQL rejects is
 * known with its lines. Then both directions must hold:
 *
 * <ul>
 *   <li>every rejected statement carries a refguard error at that statement (same file, a line within the
 *       statement), or an {@code unparsed-statement} finding there, or is listed among the cascades of a refguard
 *       error (it fails only because an earlier statement failed), or holds a {@code refguard:ignore} comment
 *       (the author silenced refguard's finding there);
 *   <li>every refguard error of {@value #ORACLE_RULES_TEXT} sits on a statement PostgreSQL rejects.
 * </ul>
 *
 * <p><b>Edge by edge.</b> The files are applied as a migration tool that runs each file in one transaction does
 * ({@link MigrationReplay}, over JDBC), up to the first file PostgreSQL rejects; the foreign keys of
 * {@code pg_constraint} are compared edge by edge, then by name, with refguard's graph of those same files. Tools
 * differ here (Prisma and Flyway wrap a file in a transaction, psql does not); the graph is compared where both
 * agree, on the files PostgreSQL applied whole.
 *
 * <p>Any difference fails, except the entries of {@value #ALLOW_LIST}: known limitations, each with its reason. An
 * entry no longer needed fails too, so the list only shrinks. A statement marked {@value
 * MigrationReplay#REJECTION_MARKER} (on one of its lines or the line above it) must be rejected; in
 * {@code fixtures/model}, every rejected statement must be marked. Needs PostgreSQL server binaries; only
 * {@code -Drefguard.skipPostgres=true} skips it.
 */
class PostgresGraphComparisonTest {
    private static final Path BASE_DIR =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    private static final Path FIXTURES = BASE_DIR.resolve("src/test/resources/fixtures");
    private static final Path INTEGRATION_TESTS = BASE_DIR.resolve("src/it");
    /** Histories here test PostgreSQL semantics: every statement PostgreSQL rejects in them is marked. */
    private static final Path MODEL_FIXTURES = FIXTURES.resolve("model");

    static final String ALLOW_LIST = "src/test/resources/postgres/comparison-allow-list.tsv";
    static final String ORACLE_RULES_TEXT =
            "missing-reference-target, table-redefined, fk-type-mismatch, fk-to-non-unique and rejected-statement";
    /** The rules whose errors claim that PostgreSQL rejects the statement. */
    private static final Set<String> ORACLE_RULES = Set.of(
            "missing-reference-target",
            "table-redefined",
            "fk-type-mismatch",
            "fk-to-non-unique",
            "rejected-statement");

    private static PostgresServer server;
    private static Path stubFile;
    private static AllowList allowList;
    private static final Totals totals = new Totals();
    private final Map<Path, AnalysisResult> analyses = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPostgres() throws IOException {
        assumeFalse(
                Boolean.getBoolean(PostgresServer.SKIP_PROPERTY),
                "skipped by -D" + PostgresServer.SKIP_PROPERTY + "=true");
        allowList = AllowList.read(BASE_DIR.resolve(ALLOW_LIST));
        server = PostgresServer.start(BASE_DIR.resolve("target"));
        System.out.println("PostgresGraphComparisonTest: " + server);
        stubFile = SupabaseStub.copyTo(BASE_DIR.resolve("target"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (server != null) {
            server.close();
        }
        if (stubFile != null) {
            Files.deleteIfExists(stubFile);
        }
    }

    @TestFactory
    Stream<DynamicNode> eachFixtureHistoryAgreesWithPostgres() throws IOException {
        List<Path> projects = projectDirs();
        assertThat(projects).as("fixture projects below %s", FIXTURES).isNotEmpty();
        Stream<DynamicNode> histories =
                projects.stream().map(dir -> dynamicContainer(label(dir), dir.toUri(), historyTests(dir)));
        // dynamic tests run in stream order: this one after every history
        return Stream.concat(
                histories,
                Stream.of(dynamicTest("allow-list entries are all still needed", this::allowListHasNoStaleEntry)));
    }

    /** {@code fixtures/<group>/<case>} or {@code src/it/<project>}. */
    private static String label(Path dir) {
        Path shown = dir.startsWith(FIXTURES) ? FIXTURES.getParent().relativize(dir) : BASE_DIR.relativize(dir);
        return shown.toString().replace('\\', '/');
    }

    /** Every {@code src/test/resources/fixtures/<group>/<case>/} and every {@code src/it/<project>/}. */
    static List<Path> projectDirs() throws IOException {
        List<Path> dirs = new ArrayList<>();
        if (Files.isDirectory(FIXTURES)) {
            for (Path group : subdirectories(FIXTURES)) {
                // MySQL histories have their own oracle, MariadbGraphComparisonTest
                if (!group.getFileName().toString().equals("mysql")) {
                    dirs.addAll(subdirectories(group));
                }
            }
        }
        if (Files.isDirectory(INTEGRATION_TESTS)) {
            for (Path project : subdirectories(INTEGRATION_TESTS)) {
                if (!namesMysql(project)) {
                    dirs.add(project);
                }
            }
        }
        return dirs;
    }

    /** An IT project whose build runs its migrations on MySQL or MariaDB (a JDBC URL in its pom). */
    private static boolean namesMysql(Path project) throws IOException {
        Path pom = project.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        String text = Files.readString(pom);
        return text.contains("jdbc:mysql:") || text.contains("jdbc:mariadb:");
    }

    private static List<Path> subdirectories(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Lazily, so that discovery runs (and may fail) inside the project's container, not while listing tests. */
    private Stream<DynamicNode> historyTests(Path dir) {
        return Stream.of(dir).flatMap(d -> {
            List<MigrationHistory> histories = SourceDiscovery.discover(
                            d, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, false)
                    .histories();
            if (histories.isEmpty()) {
                return Stream.of(
                        dynamicTest(label(d) + ": no migration history", () -> abort("no migration history in " + d)));
            }
            return histories.stream().flatMap(h -> {
                String name = label(d) + ": " + h.root() + " (" + h.layout().displayName() + ")";
                return Stream.of(
                        dynamicTest(name + ": statements", d.resolve(h.root()).toUri(), () -> compareStatements(d, h)),
                        dynamicTest(name + ": foreign keys", d.resolve(h.root()).toUri(), () -> compareGraph(d, h)));
            });
        });
    }

    private AnalysisResult analysis(Path dir) {
        return analyses.computeIfAbsent(dir, d -> Engine.analyze(RefguardConfig.defaults(d)));
    }

    // ---------------------------------------------------------------- statement by statement

    /** One disagreement between PostgreSQL and refguard, at a line of a file of a fixture. */
    record Difference(String fixture, String file, int line, String what) {
        String key() {
            return fixture + "\t" + file + "\t" + line;
        }
    }

    /**
     * The SQL the migration tool runs of a file, as a file PostgreSQL is given: the file itself when the tool runs
     * it as written; else, line for line, what refguard reads of it (a dbmate or goose file without its down
     * section, Flyway placeholders replaced, a Liquibase changelog's changesets as Liquibase renders them for
     * PostgreSQL), so that PostgreSQL's line numbers are the file's.
     */
    private static Path runText(MigrationFile file) throws IOException {
        String text;
        if (file.sqlText() instanceof SqlText.Rewritten r) {
            text = r.rewrite().apply(Files.readString(file.path(), StandardCharsets.UTF_8));
        } else if (file.sqlText() instanceof SqlText.Generated g) {
            text = g.text();
        } else {
            return file.path();
        }
        Path dir = Files.createDirectories(BASE_DIR.resolve("target/comparison-run-text"));
        Path run = Files.createTempFile(dir, "run-", ".sql");
        Files.writeString(run, text, StandardCharsets.UTF_8);
        return run;
    }

    private void compareStatements(Path dir, MigrationHistory history) throws Exception {
        List<MigrationFile> files = history.files();
        List<PsqlReplay.Rejection> rejections = new ArrayList<>();
        String database = freshDatabase(dir);
        try {
            stubForeignKeys(database);
            for (MigrationFile file : files) {
                rejections.addAll(PsqlReplay.applyFile(server, database, runText(file), file.relativePath()));
            }
        } finally {
            server.dropDatabase(database);
        }
        assertRejectionsAsMarked(dir, files, rejections);

        Set<String> inHistory = files.stream().map(MigrationFile::relativePath).collect(Collectors.toSet());
        List<Finding> findings = analysis(dir).findings().stream()
                .filter(f -> inHistory.contains(f.location().file()))
                .toList();
        String fixture = label(dir);
        List<Difference> differences = new ArrayList<>();
        int agreements = 0;
        for (PsqlReplay.Rejection rejection : rejections) {
            if (predicted(rejection, findings) || suppressedThere(dir, rejection)) {
                agreements++;
            } else {
                differences.add(new Difference(
                        fixture,
                        rejection.file(),
                        rejection.firstLine(),
                        "PostgreSQL rejects " + rejection + ", refguard reports no error there"));
            }
        }
        for (Finding f : findings) {
            if (f.severity() != Severity.ERROR || !ORACLE_RULES.contains(f.ruleId())) {
                continue;
            }
            if (rejections.stream()
                    .anyMatch(r -> r.covers(f.location().file(), f.location().line()))) {
                agreements++;
            } else {
                differences.add(new Difference(
                        fixture,
                        f.location().file(),
                        f.location().line(),
                        "refguard reports " + show(f) + ", PostgreSQL accepts the statement"));
            }
        }
        List<Difference> unexpected = allowList.unexpected(fixture, differences);
        totals.add(rejections.size(), agreements, differences.size() - unexpected.size());
        assertThat(unexpected)
                .as(() -> "refguard and PostgreSQL disagree (add a line to " + ALLOW_LIST
                        + " only for a known limitation, with its reason)"
                        + lines(unexpected, d -> d.file() + ":" + d.line() + ": " + d.what())
                        + "\nPostgreSQL rejects:" + lines(rejections, PsqlReplay.Rejection::toString)
                        + "\nrefguard finds:" + lines(findings, PostgresGraphComparisonTest::show))
                .isEmpty();
    }

    /** A refguard error, or an unreadable statement, at the statement, or the statement listed as a cascade. */
    private static boolean predicted(PsqlReplay.Rejection rejection, List<Finding> findings) {
        for (Finding f : findings) {
            boolean atStatement =
                    rejection.covers(f.location().file(), f.location().line());
            if (atStatement && (f.severity() == Severity.ERROR || f.ruleId().equals("unparsed-statement"))) {
                return true;
            }
            if (f.severity() == Severity.ERROR
                    && f.cascades().stream()
                            .anyMatch(c -> rejection.covers(
                                    c.location().file(), c.location().line()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the author silenced refguard at the statement with a {@code refguard:ignore} comment (on one of its
     * lines or the line above it) or for the whole file: refguard's finding there exists, and is suppressed.
     */
    private static boolean suppressedThere(Path dir, PsqlReplay.Rejection rejection) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(rejection.file()), StandardCharsets.UTF_8);
        if (lines.stream().anyMatch(l -> l.contains("refguard:ignore-file"))) {
            return true;
        }
        for (int line = Math.max(1, rejection.firstLine() - 1); line <= rejection.lastLine(); line++) {
            if (line <= lines.size() && lines.get(line - 1).contains("refguard:ignore")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A statement marked {@value MigrationReplay#REJECTION_MARKER} on one of its lines or the line just above it
     * must be rejected; in a model fixture, every rejected statement must be marked. This keeps the fixtures
     * honest before refguard is compared with them.
     */
    private static void assertRejectionsAsMarked(
            Path dir, List<MigrationFile> files, List<PsqlReplay.Rejection> rejections) throws IOException {
        List<String> unmarked = new ArrayList<>(rejections.stream()
                .filter(r -> !r.inAbortedBlock())
                .map(PsqlReplay.Rejection::toString)
                .toList());
        for (MigrationFile file : files) {
            List<String> lines = Files.readAllLines(file.path(), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).contains(MigrationReplay.REJECTION_MARKER)) {
                    continue;
                }
                int line = i + 1;
                List<PsqlReplay.Rejection> marked = rejections.stream()
                        .filter(r -> r.covers(file.relativePath(), line) || r.covers(file.relativePath(), line + 1))
                        .toList();
                assertThat(marked)
                        .as(
                                "%s:%d is marked as rejected by PostgreSQL; it rejects:%s",
                                file.relativePath(), line, lines(rejections, PsqlReplay.Rejection::toString))
                        .isNotEmpty();
                marked.forEach(r -> unmarked.remove(r.toString()));
            }
        }
        if (dir.startsWith(MODEL_FIXTURES)) {
            assertThat(unmarked)
                    .as("statements PostgreSQL rejects in a model fixture, not marked "
                            + MigrationReplay.REJECTION_MARKER)
                    .isEmpty();
        }
    }

    private void allowListHasNoStaleEntry() {
        assumeFalse(Boolean.getBoolean(PostgresServer.SKIP_PROPERTY));
        System.out.println("PostgresGraphComparisonTest totals: " + totals);
        assertThat(allowList.stale())
                .as("entries of %s no longer needed: remove them", ALLOW_LIST)
                .isEmpty();
    }

    /** The figures of one run, printed at its end. */
    static final class Totals {
        private int histories;
        private int edges;
        private int rejected;
        private int agreements;
        private int allowed;

        synchronized void add(int rejectedStatements, int agreed, int allowedDifferences) {
            histories++;
            rejected += rejectedStatements;
            agreements += agreed;
            allowed += allowedDifferences;
        }

        synchronized void edges(int count) {
            edges += count;
        }

        @Override
        public synchronized String toString() {
            return histories + " histories, " + edges + " foreign keys compared edge by edge, " + rejected
                    + " statements PostgreSQL rejects, " + agreements + " agreements, " + allowed
                    + " differences allowed by the allow-list";
        }
    }

    /**
     * The known limitations: one line a difference, {@code fixture<TAB>file<TAB>line<TAB>reason}, where line is the
     * first line of the statement PostgreSQL rejects, or the line of refguard's finding.
     */
    static final class AllowList {
        private final Map<String, String> reasons;
        private final Set<String> used = ConcurrentHashMap.newKeySet();
        private final Set<String> compared = ConcurrentHashMap.newKeySet();

        private AllowList(Map<String, String> reasons) {
            this.reasons = reasons;
        }

        static AllowList read(Path file) throws IOException {
            Map<String, String> reasons = new java.util.LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                assertThat(cells.length == 4 && cells[2].matches("\\d+") && !cells[3].isBlank())
                        .as("%s:%d: fixture, file, line and reason, separated by tabs: %s", file, i + 1, line)
                        .isTrue();
                String key = cells[0] + "\t" + cells[1] + "\t" + cells[2];
                assertThat(reasons.put(key, cells[3]))
                        .as("%s:%d: a second entry for %s", file, i + 1, key)
                        .isNull();
            }
            return new AllowList(reasons);
        }

        /** The differences the list does not allow; the ones it allows are marked as needed. */
        List<Difference> unexpected(String fixture, List<Difference> differences) {
            compared.add(fixture);
            List<Difference> rest = new ArrayList<>();
            for (Difference d : differences) {
                if (reasons.containsKey(d.key())) {
                    used.add(d.key());
                } else {
                    rest.add(d);
                }
            }
            return rest;
        }

        /** Entries of fixtures compared in this run that no difference needed. */
        List<String> stale() {
            return reasons.keySet().stream()
                    .filter(k -> compared.contains(k.substring(0, k.indexOf('\t'))) && !used.contains(k))
                    .map(k -> k.replace('\t', ' ') + " (" + reasons.get(k) + ")")
                    .sorted()
                    .toList();
        }
    }

    // ---------------------------------------------------------------- edge by edge

    private void compareGraph(Path dir, MigrationHistory history) throws Exception {
        List<MigrationFile> files = history.files();
        for (MigrationFile file : files) {
            Optional<String> reason = MigrationReplay.unsupportedReason(file.path());
            if (reason.isPresent()) {
                abort("not applied in one transaction a file: " + file.relativePath() + ": " + reason.get());
            }
        }
        List<Path> paths = new ArrayList<>();
        for (MigrationFile file : files) {
            paths.add(runText(file));
        }

        String database = freshDatabase(dir);
        try {
            Set<Long> stubKeys = stubForeignKeys(database);
            MigrationReplay.Outcome outcome = MigrationReplay.apply(server, database, paths);
            List<MigrationFile> applied = files;
            SchemaGraph refguardGraph = analysis(dir).graph();
            if (!outcome.applied()) {
                // PostgreSQL's state after the files before the rejected one: a clean rebuild, since a file may
                // COMMIT part of itself before it fails. Whether refguard predicted the rejection is the
                // statement comparison's question.
                MigrationFile rejected = files.get(outcome.failedIndex());
                applied = files.subList(0, outcome.failedIndex());
                server.dropDatabase(database);
                database = freshDatabase(dir);
                stubKeys = stubForeignKeys(database);
                MigrationReplay.Outcome prefix =
                        MigrationReplay.apply(server, database, paths.subList(0, outcome.failedIndex()));
                assertThat(prefix.applied())
                        .as("the files before %s apply again: %s", rejected.relativePath(), prefix.error())
                        .isTrue();
                refguardGraph = analyzeCopy(dir, applied).graph();
            }

            List<ForeignKeyEdge> postgres;
            try (Connection c = server.connect(database)) {
                postgres = PostgresCatalog.foreignKeys(c, stubKeys);
            }
            List<ForeignKeyEdge> refguard = refguardGraph.foreignKeys().stream()
                    .filter(fk -> fk.history().equals(history.root()))
                    .map(ForeignKeyEdge::of)
                    .toList();
            String after = applied.isEmpty()
                    ? "no file"
                    : applied.get(applied.size() - 1).relativePath() + " (" + applied.size() + " files)";

            assertSameEdges("foreign keys", after, postgres, refguard, ForeignKeyEdge::edge);
            assertSameEdges("constraint names", after, postgres, refguard, ForeignKeyEdge::namedEdge);
            totals.edges(postgres.size());
        } finally {
            server.dropDatabase(database);
        }
    }

    private static String freshDatabase(Path dir) throws SQLException {
        return server.createDatabase("refguard_" + dir.getFileName().toString().toLowerCase(Locale.ROOT));
    }

    /** Applies the Supabase stub and returns its own foreign keys, which no migration declared. */
    private static Set<Long> stubForeignKeys(String database) throws IOException, SQLException {
        Optional<String> error = MigrationReplay.applyFile(server, database, stubFile);
        assertThat(error).as("the Supabase stub applies").isEmpty();
        try (Connection c = server.connect(database)) {
            return PostgresCatalog.foreignKeyOids(c);
        }
    }

    /** Runs refguard on a copy of the project holding only {@code files} (and its pom, which may configure them). */
    private static AnalysisResult analyzeCopy(Path dir, List<MigrationFile> files) throws IOException {
        Path copy = Files.createTempDirectory(BASE_DIR.resolve("target"), "refguard-prefix-");
        try {
            for (MigrationFile file : files) {
                Path target = copy.resolve(file.relativePath());
                Files.createDirectories(target.getParent());
                Files.copy(file.path(), target);
            }
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                Files.copy(dir.resolve("pom.xml"), copy.resolve("pom.xml"));
            }
            return Engine.analyze(RefguardConfig.defaults(copy));
        } finally {
            try (Stream<Path> paths = Files.walk(copy)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void assertSameEdges(
            String what,
            String after,
            List<ForeignKeyEdge> postgres,
            List<ForeignKeyEdge> refguard,
            Function<ForeignKeyEdge, String> show) {
        List<String> expected = postgres.stream().map(show).sorted().toList();
        List<String> actual = refguard.stream().map(show).sorted().toList();
        assertThat(actual)
                .as(() -> what + " after " + after + " differ"
                        + "\nonly in PostgreSQL:" + lines(minus(expected, actual), Function.identity())
                        + "\nonly in refguard:" + lines(minus(actual, expected), Function.identity())
                        + "\nPostgreSQL (" + expected.size() + "):" + lines(expected, Function.identity())
                        + "\nrefguard (" + actual.size() + "):" + lines(actual, Function.identity()))
                .isEqualTo(expected);
    }

    /** {@code a} without one occurrence of each element of {@code b}: a multiset difference, as FKs may repeat. */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    private static String show(Finding f) {
        return f.location() + ": " + f.severity().id() + "[" + f.ruleId() + "] " + f.message();
    }

    private static <T> String lines(List<T> items, Function<T, String> show) {
        return items.isEmpty()
                ? " none"
                : items.stream().map(i -> "\n  " + show.apply(i)).collect(Collectors.joining());
    }
}
