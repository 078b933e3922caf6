package dev.refguard.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Severity;
import dev.refguard.postgres.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code drift} comparison against a real PostgreSQL server: the history of {@code drift/project} applied
 * exactly gives no finding, and applied with one drift of each kind made by hand gives exactly those findings.
 * Each database starts as a Supabase one does ({@code postgres/supabase-auth-stub.sql}: {@code auth},
 * {@code storage}), so the managed schemas are there to be left out. Needs PostgreSQL server binaries; only
 * {@code -Drefguard.skipPostgres=true} skips it.
 */
class DriftTest {
    private static final Path BASE_DIR =
            Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    private static final Path PROJECT = BASE_DIR.resolve("src/test/resources/drift/project");
    private static final Path MIGRATIONS = PROJECT.resolve("supabase/migrations");
    private static final String INIT = "supabase/migrations/20240101000000_init.sql";
    private static final String ORDER_ITEMS = "supabase/migrations/20240102000000_order_items.sql";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static PostgresServer server;
    private static RefguardConfig config;
    private static Engine.Analysis analysis;

    @BeforeAll
    static void startPostgres() {
        assumeFalse(
                Boolean.getBoolean(PostgresServer.SKIP_PROPERTY),
                "skipped by -D" + PostgresServer.SKIP_PROPERTY + "=true");
        server = PostgresServer.start(BASE_DIR.resolve("target"));
        config = RefguardConfig.defaults(PROJECT);
        analysis = Engine.analyzeModel(config, Map.of());
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theHistoryItselfIsClean() {
        assertThat(analysis.result().findings()).isEmpty();
        assertThat(analysis.result().stats().tables()).isEqualTo(8);
    }

    @Test
    void aDatabaseWithTheHistoryAppliedExactlyHasNoDrift() throws Exception {
        String database = prepared("drift_clean", "");

        AnalysisResult result = Drift.check(analysis, config, target(database));

        assertThat(result.findings()).isEmpty();
        assertThat(result.rules()).extracting(r -> r.id()).contains("drift-table-not-in-migrations");
    }

    @Test
    void eachDriftIsReportedOnceWhereItIs() throws Exception {
        String database = prepared("drift_each", """
                -- made in a dashboard
                create table public.audit_log (id bigint primary key, payload jsonb);
                alter table public.orders add column discount numeric;
                alter table public.products add constraint products_name_key unique (name);
                -- dropped by hand
                drop table public.archive;
                alter table public.customers drop constraint customers_email_key;
                -- changed by hand
                alter table public.order_items drop constraint order_items_product_id_fkey;
                alter table public.order_items add constraint order_items_product_id_fkey
                  foreign key (product_id) references public.legacy_products (id);
                alter table public.orders alter column amount type bigint;
                -- a migration applied from a file the repository lacks, and one never applied
                insert into supabase_migrations.schema_migrations (version) values ('20240103000000');
                delete from supabase_migrations.schema_migrations where version = '20240102000000';
                -- the platform's own schemas are not compared
                create table auth.dashboard_notes (id int primary key);
                alter table storage.buckets add column colour text;
                """);

        List<Finding> findings = Drift.check(analysis, config, target(database)).findings();

        assertThat(findings)
                .extracting(f -> f.ruleId() + " @ " + f.location())
                .containsExactlyInAnyOrder(
                        "drift-table-not-in-migrations @ database:public.audit_log",
                        "drift-column-not-in-migrations @ database:public.orders.discount",
                        "drift-key-not-in-migrations @ database:public.products",
                        // at the table's name in its CREATE TABLE, at the FK's target
                        "drift-missing-in-database @ " + at(INIT, "create table public.archive", "public.archive"),
                        "drift-missing-in-database @ " + at(INIT, "create table public.customers", "public."),
                        "drift-fk-differs @ " + at(ORDER_ITEMS, "product_id integer", "public.products"),
                        "drift-column-type-differs @ " + at(INIT, "create table public.orders", "public.orders"),
                        "drift-applied-migration-missing @ database:supabase_migrations.schema_migrations",
                        "drift-migration-not-applied @ " + ORDER_ITEMS);
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isIn(Severity.ERROR, Severity.WARNING));
        assertThat(messages(findings))
                .contains("table audit_log is in the database, but no migration creates it")
                .contains("column orders.discount (numeric) is in the database, but no migration adds it")
                .contains("unique key products_name_key (name) of products is in the database")
                .contains("table archive is created by " + INIT + ", but the database has no such table")
                .contains("unique key (email) of customers is in the migrations, but not in the database")
                .contains("references legacy_products(id) in the database, but products(id) in the migrations")
                .contains("column orders.amount is bigint in the database, but integer in the migrations")
                .contains("migration 20240103000000 is recorded as applied")
                .contains("migration 20240102000000_order_items.sql has no row");
        // the SQL fixes that make the migrations say what the database holds
        assertThat(findings)
                .extracting(Finding::fix)
                .contains(
                        "alter table public.orders add column discount numeric;",
                        "alter table public.orders alter column amount type bigint;",
                        "alter table public.order_items drop constraint order_items_product_id_fkey;\n"
                                + "alter table public.order_items add constraint order_items_product_id_fkey"
                                + " foreign key (product_id) references public.legacy_products (id);");
    }

    @Test
    void aConfiguredSeverityAppliesToDriftFindings() throws Exception {
        String database = prepared("drift_severity", "create table public.audit_log (id int);");
        RefguardConfig lenient = withSeverities(Map.of("drift-table-not-in-migrations", Severity.INFO));

        List<Finding> findings =
                Drift.check(analysis, lenient, target(database)).findings();

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void anUnreachableDatabaseIsOneLineWithinTheTimeout() {
        DatabaseTarget nowhere = new DatabaseTarget(
                "jdbc:postgresql://127.0.0.1:1/x?password=in-the-url", "someone", "s3cret-pw", Duration.ofSeconds(3));
        long start = System.nanoTime();

        assertThatThrownBy(() -> Drift.check(analysis, config, nowhere))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith(
                        "cannot reach the database (timeout 3 s) at jdbc:postgresql://127.0.0.1:1/x?...: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("s3cret-pw")
                .hasMessageNotContaining("in-the-url");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aServerThatNeverAnswersIsOneLineWithinTheTimeout() throws Exception {
        // the kernel accepts the TCP connection into the backlog; nothing ever reads or answers the startup packet
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            DatabaseTarget mute = new DatabaseTarget(
                    "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/x",
                    "someone",
                    "s3cret-pw",
                    Duration.ofSeconds(2));
            long start = System.nanoTime();

            assertThatThrownBy(() -> Drift.check(analysis, config, mute))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("cannot reach the database (timeout 2 s) at jdbc:postgresql://127.0.0.1:")
                    .hasMessageNotContaining("\n")
                    .hasMessageNotContaining("s3cret-pw");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRefusedLoginIsOneLineThatNamesTheUserNotThePassword() throws Exception {
        String database = prepared("drift_login", "");
        DatabaseTarget stranger = new DatabaseTarget(
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, "no_such_role", "s3cret-pw", TIMEOUT);

        assertThatThrownBy(() -> Drift.check(analysis, config, stranger))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("the database refused the login of user 'no_such_role'")
                .hasMessageContaining("SQLSTATE 28")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> new DatabaseTarget("jdbc:mysql://db/x?password=p", "u", null, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("password=p");
    }

    // ---------------------------------------------------------------- helpers

    private static DatabaseTarget target(String database) {
        return new DatabaseTarget(
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database,
                PostgresServer.SUPERUSER,
                null,
                TIMEOUT);
    }

    /**
     * A fresh database as Supabase keeps one: the platform stub, every migration of the history, a row per
     * migration in {@code supabase_migrations.schema_migrations}; then {@code drift}.
     */
    private static String prepared(String prefix, String drift) throws SQLException, IOException {
        String database = server.createDatabase(prefix);
        try (Connection c = server.connect(database);
                Statement s = c.createStatement()) {
            s.execute(resource("/postgres/supabase-auth-stub.sql"));
            s.execute("create schema if not exists supabase_migrations;"
                    + " create table supabase_migrations.schema_migrations"
                    + " (version text primary key, statements text[], name text)");
            for (Path file : migrationFiles()) {
                s.execute(Files.readString(file, StandardCharsets.UTF_8));
                String version = file.getFileName().toString().split("_", 2)[0];
                s.execute("insert into supabase_migrations.schema_migrations (version) values ('" + version + "')");
            }
            if (!drift.isBlank()) {
                s.execute(drift);
            }
        }
        return database;
    }

    private static List<Path> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DriftTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static RefguardConfig withSeverities(Map<String, Severity> severities) {
        RefguardConfig d = config;
        return new RefguardConfig(
                d.baseDir(),
                d.directories(),
                d.seedPatterns(),
                d.identityTables(),
                d.canonicalIdentityTable(),
                d.sharedTables(),
                d.managedSchemas(),
                d.externalTables(),
                severities,
                d.encoding(),
                d.skipModuleDirectories(),
                d.statementTimeout());
    }

    /** The 1-based line of {@code file} holding {@code text}. */
    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    /** {@code file:line:column} of {@code word} on the line of {@code file} holding {@code text}. */
    private static String at(String file, String text, String word) throws IOException {
        int line = lineOf(file, text);
        String content = Files.readAllLines(PROJECT.resolve(file), StandardCharsets.UTF_8)
                .get(line - 1);
        assertThat(content).contains(word);
        return file + ":" + line + ":" + (content.indexOf(word) + 1);
    }

    private static String messages(List<Finding> findings) {
        return String.join("\n", findings.stream().map(Finding::message).toList());
    }
}
