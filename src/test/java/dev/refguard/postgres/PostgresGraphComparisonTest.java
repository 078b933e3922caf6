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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The graph refguard reports must be exactly the one PostgreSQL builds (SPEC §7). Each fixture history is applied
 * to a real PostgreSQL server, on top of a stub of Supabase's {@code auth}/{@code storage} schemas, and the foreign
 * keys of {@code pg_constraint} are compared edge by edge, then by name, with refguard's graph of the same files.
 *
 * <p>When PostgreSQL rejects a file, refguard must have predicted it (an error finding in that file), and the
 * comparison is made on the history before that file. Needs PostgreSQL server binaries; only
 * {@code -Drefguard.skipPostgres=true} skips it.
 */
class PostgresGraphComparisonTest {
    private static final Path BASE_DIR =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    private static final Path FIXTURES = BASE_DIR.resolve("src/test/resources/fixtures");
    private static final Path INTEGRATION_TESTS = BASE_DIR.resolve("src/it");
    /** Histories here test PostgreSQL semantics: each must apply cleanly unless a file is marked as rejected. */
    private static final Path MODEL_FIXTURES = FIXTURES.resolve("model");

    private static final String STUB = "/postgres/supabase-auth-stub.sql";

    private static PostgresServer server;
    private static Path stubFile;
    private final Map<Path, AnalysisResult> analyses = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPostgres() throws IOException {
        assumeFalse(
                Boolean.getBoolean(PostgresServer.SKIP_PROPERTY),
                "skipped by -D" + PostgresServer.SKIP_PROPERTY + "=true");
        server = PostgresServer.start(BASE_DIR.resolve("target"));
        System.out.println("PostgresGraphComparisonTest: " + server);
        stubFile = Files.createTempFile(BASE_DIR.resolve("target"), "supabase-auth-stub-", ".sql");
        try (var in = PostgresGraphComparisonTest.class.getResourceAsStream(STUB)) {
            assertThat(in).as("test resource %s", STUB).isNotNull();
            Files.copy(in, stubFile, StandardCopyOption.REPLACE_EXISTING);
        }
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
    Stream<DynamicNode> graphOfEachFixtureHistoryEqualsPostgresCatalog() throws IOException {
        List<Path> projects = projectDirs();
        assertThat(projects).as("fixture projects below %s", FIXTURES).isNotEmpty();
        return projects.stream().map(dir -> dynamicContainer(label(dir), dir.toUri(), historyTests(dir)));
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
                dirs.addAll(subdirectories(group));
            }
        }
        if (Files.isDirectory(INTEGRATION_TESTS)) {
            dirs.addAll(subdirectories(INTEGRATION_TESTS));
        }
        return dirs;
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
            return histories.stream()
                    .map(h -> dynamicTest(
                            label(d) + ": " + h.root() + " (" + h.layout().displayName() + ")",
                            d.resolve(h.root()).toUri(),
                            () -> compareWithPostgres(d, h)));
        });
    }

    private void compareWithPostgres(Path dir, MigrationHistory history) throws Exception {
        List<MigrationFile> files = history.files();
        for (MigrationFile file : files) {
            Optional<String> reason = MigrationReplay.unsupportedReason(file.path());
            if (reason.isPresent()) {
                abort("not applied to PostgreSQL: " + file.relativePath() + ": " + reason.get());
            }
        }
        List<Path> paths = files.stream().map(MigrationFile::path).toList();

        String database = freshDatabase(dir);
        try {
            Set<Long> stubKeys = stubForeignKeys(database);
            MigrationReplay.Outcome outcome = MigrationReplay.apply(server, database, paths);
            assertRejectionAsMarked(dir, files, outcome);

            AnalysisResult full = analyses.computeIfAbsent(dir, d -> Engine.analyze(RefguardConfig.defaults(d)));
            List<MigrationFile> applied = files;
            SchemaGraph refguardGraph = full.graph();
            if (!outcome.applied()) {
                MigrationFile rejected = files.get(outcome.failedIndex());
                // refguard predicts the rejection with an error, or says it could not read the statement
                // (PostgreSQL's syntax errors); a finding the author suppressed counts as predicted too
                boolean suppressedThere = Files.readString(rejected.path()).contains("refguard:ignore");
                List<Finding> predicted = full.findings().stream()
                        .filter(f -> f.location().file().equals(rejected.relativePath()))
                        .filter(f -> f.severity() == Severity.ERROR
                                || f.ruleId().equals("unparsed-statement")
                                || (suppressedThere && f.ruleId().equals("invalid-suppression")))
                        .toList();
                assertThat(predicted)
                        .as(
                                "PostgreSQL rejects %s (%s), so refguard must report an error (or an unreadable"
                                        + " statement) in that file; its findings:%n%s",
                                rejected.relativePath(),
                                outcome.error(),
                                lines(full.findings(), PostgresGraphComparisonTest::show))
                        .isNotEmpty();

                // PostgreSQL's state after the files before the rejected one: a clean rebuild, since a file may
                // COMMIT part of itself before it fails
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

    /**
     * A file marked {@value MigrationReplay#REJECTION_MARKER} must be the one PostgreSQL rejects; a model fixture
     * without the mark must apply. This keeps the fixtures honest before refguard is compared with them.
     */
    private static void assertRejectionAsMarked(Path dir, List<MigrationFile> files, MigrationReplay.Outcome outcome)
            throws IOException {
        Optional<MigrationFile> marked = Optional.empty();
        for (MigrationFile file : files) {
            if (MigrationReplay.expectsRejection(file.path())) {
                marked = Optional.of(file);
                break;
            }
        }
        String rejected =
                outcome.applied() ? "none" : files.get(outcome.failedIndex()).relativePath();
        if (marked.isPresent()) {
            assertThat(rejected)
                    .as("file PostgreSQL rejects (%s)", outcome.error())
                    .isEqualTo(marked.get().relativePath());
        } else if (dir.startsWith(MODEL_FIXTURES)) {
            assertThat(outcome.error())
                    .as("PostgreSQL error in %s, a model fixture meant to be valid", rejected)
                    .isEmpty();
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
