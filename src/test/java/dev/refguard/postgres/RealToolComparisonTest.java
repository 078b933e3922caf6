package dev.refguard.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.maven.PomTools;
import dev.refguard.source.Layout;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.source.SourceDiscovery;
import dev.refguard.source.ToolConfiguration;
import dev.refguard.source.ToolInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The migration tools themselves as the oracle of refguard's reading of their histories (docs/sources.md): every
 * fixture and {@code src/it} project whose history is Flyway's or Liquibase's is migrated onto a fresh database of
 * the test PostgreSQL server by flyway-core or liquibase-core, with the configuration the project's pom (or Spring
 * Boot's properties) gives, and PostgreSQL's foreign keys afterwards are compared edge by edge with refguard's graph
 * of the same history, read with the same configuration. This checks what {@link PostgresGraphComparisonTest}
 * cannot, since it applies refguard's own reading of the files: which files the tool runs, in which order, with
 * which placeholders, and the SQL Liquibase generates for its change types.
 *
 * <p>When the tool stops on a file, refguard must report an error in that file (Flyway) or in the history
 * (Liquibase, which keeps the changesets before the failing one), and every foreign key PostgreSQL holds must be in
 * refguard's graph.
 */
class RealToolComparisonTest {
    /** Flyway logs every step through java.util.logging; the comparison's own output is enough. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private static PostgresServer server;
    private static final java.util.concurrent.atomic.AtomicInteger HISTORIES =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger EDGES =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger STOPPED =
            new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void startPostgres() {
        assumeFalse(
                Boolean.getBoolean(PostgresServer.SKIP_PROPERTY),
                "skipped by -D" + PostgresServer.SKIP_PROPERTY + "=true");
        FLYWAY_LOG.setLevel(java.util.logging.Level.OFF);
        server = PostgresServer.start(Path.of(System.getProperty("basedir", ""))
                .toAbsolutePath()
                .normalize()
                .resolve("target"));
    }

    @AfterAll
    static void stopPostgres() {
        System.out.println("RealToolComparisonTest totals: " + HISTORIES + " histories applied by Flyway or Liquibase, "
                + EDGES + " foreign keys compared, " + STOPPED + " stopped by a rejected migration");
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFlywayAndLiquibaseHistoryAgreesWithTheRealTool() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : PostgresGraphComparisonTest.projectDirs()) {
            ToolConfiguration tools = PomTools.toolConfiguration(dir);
            for (MigrationHistory history : SourceDiscovery.discover(
                            dir, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, false, tools)
                    .histories()) {
                if (history.layout() == Layout.FLYWAY || history.layout() == Layout.LIQUIBASE) {
                    String name = dir.getFileName() + ": " + history.root() + " ("
                            + history.layout().displayName() + ")";
                    tests.add(
                            dynamicTest(name, dir.resolve(history.root()).toUri(), () -> compare(dir, tools, history)));
                }
            }
        }
        assertThat(tests)
                .as("Flyway and Liquibase histories among the fixtures")
                .hasSizeGreaterThanOrEqualTo(6);
        return tests.stream();
    }

    private void compare(Path dir, ToolConfiguration tools, MigrationHistory history) throws Exception {
        AnalysisResult analysis = Engine.analyze(withTools(dir, tools));
        List<String> refguard = analysis.graph().foreignKeys().stream()
                .filter(fk -> fk.history().equals(history.root()))
                .map(fk -> ForeignKeyEdge.of(fk).namedEdge())
                .sorted()
                .toList();
        String database =
                server.createDatabase("tool_" + dir.getFileName().toString().toLowerCase(Locale.ROOT));
        try {
            String failure = history.layout() == Layout.FLYWAY
                    ? flywayMigrate(dir, tools, history, database)
                    : liquibaseUpdate(dir, history, database);
            List<String> postgres;
            try (Connection c = server.connect(database)) {
                postgres = PostgresCatalog.foreignKeys(c, Set.of()).stream()
                        .map(ForeignKeyEdge::namedEdge)
                        .sorted()
                        .toList();
            }
            HISTORIES.incrementAndGet();
            EDGES.addAndGet(postgres.size());
            List<Finding> errors = analysis.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .toList();
            if (failure == null) {
                assertThat(refguard)
                        .as("foreign keys after the tool applied every file; refguard's errors: %s", errors)
                        .isEqualTo(postgres);
                return;
            }
            STOPPED.incrementAndGet();
            assertThat(errors)
                    .as("the tool stopped: %s; refguard must report an error there", failure)
                    .anySatisfy(f -> assertThat(failure).contains(f.location().file()));
            assertThat(refguard)
                    .as("foreign keys PostgreSQL holds after the tool stopped (%s)", failure)
                    .containsAll(postgres);
        } finally {
            server.dropDatabase(database);
        }
    }

    /**
     * Runs Flyway; returns {@code null} when every migration applied, else the history's file it stopped on (the
     * first one Flyway did not record as applied).
     */
    private static String flywayMigrate(Path dir, ToolConfiguration tools, MigrationHistory history, String database)
            throws SQLException {
        ToolInputs.Flyway settings = ToolInputs.flyway(dir, tools, dir.resolve(history.root()));
        FluentConfiguration configuration = Flyway.configure(RealToolComparisonTest.class.getClassLoader())
                .dataSource("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, "postgres", "")
                .locations(settings.locations().stream()
                        .map(p -> "filesystem:" + p)
                        .toArray(String[]::new))
                .sqlMigrationPrefix(settings.naming().versionedPrefix())
                .repeatableSqlMigrationPrefix(settings.naming().repeatablePrefix())
                .sqlMigrationSeparator(settings.naming().separator())
                .sqlMigrationSuffixes(settings.naming().suffixes().toArray(String[]::new))
                .placeholderReplacement(settings.replacePlaceholders())
                .placeholders(settings.placeholders())
                .failOnMissingLocations(false);
        if (!settings.defaultSchema().equals("public")) {
            configuration =
                    configuration.defaultSchema(settings.defaultSchema()).schemas(settings.defaultSchema());
        }
        try {
            configuration.load().migrate();
            return null;
        } catch (RuntimeException e) {
            Set<String> applied = new HashSet<>();
            try (Connection c = server.connect(database);
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select script from \"" + settings.defaultSchema()
                            + "\".flyway_schema_history where success")) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            } catch (SQLException noTable) {
                // the first migration failed: Flyway's table may not be there either
            }
            for (MigrationFile file : history.files()) {
                String path = file.path().toString().replace('\\', '/');
                if (applied.stream().noneMatch(script -> path.endsWith("/" + script))) {
                    return file.relativePath() + ": " + e.getMessage();
                }
            }
            throw new AssertionError("Flyway failed though it applied every file of the history", e);
        }
    }

    /** Runs {@code liquibase update}; returns {@code null} when it succeeded, else Liquibase's message. */
    private static String liquibaseUpdate(Path dir, MigrationHistory history, String database) throws Exception {
        Path master = dir.resolve(history.root()).toAbsolutePath().normalize();
        List<Path> roots = ToolInputs.liquibaseRoots(dir, master);
        Path root = roots.stream().filter(master::startsWith).findFirst().orElse(master.getParent());
        List<ResourceAccessor> accessors = new ArrayList<>();
        accessors.add(new DirectoryResourceAccessor(root.toFile()));
        for (Path r : roots) {
            if (!r.equals(root) && r.toFile().isDirectory()) {
                accessors.add(new DirectoryResourceAccessor(r.toFile()));
            }
        }
        String logical = root.relativize(master).toString().replace('\\', '/');
        Map<String, Object> scope = Map.of(
                "liquibase.analytics.enabled",
                false,
                Scope.Attr.ui.name(),
                new liquibase.ui.LoggerUIService(),
                Scope.Attr.logService.name(),
                new liquibase.logging.core.NoOpLogService());
        try (Connection c = server.connect(database);
                ResourceAccessor accessor = new CompositeResourceAccessor(accessors)) {
            return Scope.child(scope, () -> {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                try {
                    new Liquibase(logical, accessor, db).update(new Contexts(), new LabelExpression());
                    return null;
                } catch (Exception e) {
                    return history.files().stream()
                                    .map(MigrationFile::relativePath)
                                    .collect(Collectors.joining(", ")) + ": " + e.getMessage();
                }
            });
        }
    }

    private static RefguardConfig withTools(Path dir, ToolConfiguration tools) {
        RefguardConfig defaults = RefguardConfig.defaults(dir);
        return new RefguardConfig(
                dir,
                List.of(),
                defaults.seedPatterns(),
                defaults.identityTables(),
                null,
                List.of(),
                defaults.managedSchemas(),
                List.of(),
                Map.of(),
                defaults.encoding(),
                false,
                defaults.statementTimeout(),
                tools);
    }
}
