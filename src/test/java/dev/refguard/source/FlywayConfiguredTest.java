package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway as the build configures it: the plugin's or Spring Boot's locations, placeholders and naming. */
class FlywayConfiguredTest {
    @TempDir
    Path base;

    @Test
    void pluginLocationsAndPlaceholdersMakeOneHistory() throws IOException {
        write("sql/flyway/V1__accounts.sql", "create table ${schema}.accounts (id bigint primary key);\n");
        write("sql/flyway/V2__invoices.sql", """
                create table ${Schema}.invoices (
                  id bigint primary key,
                  account_id bigint references app.accounts (id)
                );
                """);
        // Flyway's default folder is not run when locations are configured
        write("src/main/resources/db/migration/V1__old.sql", "create table old (id int references nowhere (id));\n");

        AnalysisResult result = analyze(Map.of("locations", "filesystem:sql/flyway", "placeholders.schema", "app"));

        assertThat(result.stats().histories()).containsExactly("sql/flyway (Flyway)");
        assertThat(result.findings()).isEmpty();
        assertThat(result.graph().foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.to().schema()).isEqualTo("app");
            assertThat(fk.line()).isEqualTo(3);
        });
    }

    @Test
    void withoutThePlaceholderValueTheReferenceIsNotResolved() throws IOException {
        write(
                "sql/flyway/V1__accounts.sql",
                "create schema app;\ncreate table ${schema}.accounts (id bigint primary key);\n");
        write(
                "sql/flyway/V2__invoices.sql",
                "create table invoices (account_id bigint references app.accounts (id));\n");

        AnalysisResult result = analyze(Map.of("locations", "filesystem:sql/flyway"));

        assertThat(result.findings()).extracting(f -> f.ruleId()).contains("missing-reference-target");
    }

    @Test
    void springLocationsAreMergedByVersionAndBuiltInsResolve() throws IOException {
        write("src/main/resources/application.yml", """
                spring:
                  flyway:
                    locations:
                      - classpath:db/migration/core
                      - classpath:db/migration/billing
                    schemas: shop
                """);
        write(
                "src/main/resources/db/migration/core/V1__customers.sql",
                "create schema if not exists shop;\ncreate table ${flyway:defaultSchema}.customers (id bigint primary key);\n");
        write(
                "src/main/resources/db/migration/billing/V2__invoices.sql",
                "create table shop.invoices (id bigint primary key, customer_id bigint references shop.customers (id));\n");
        write(
                "src/main/resources/db/migration/core/V3__refunds.sql",
                "create table shop.refunds (invoice_id bigint references shop.invoices (id));\n");

        var discovery = SourceDiscovery.discover(base, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, true);

        assertThat(discovery.histories()).singleElement().satisfies(h -> {
            assertThat(h.root())
                    .isEqualTo("src/main/resources/db/migration/core,src/main/resources/db/migration/billing");
            assertThat(h.files())
                    .extracting(MigrationFile::fileName)
                    .containsExactly("V1__customers.sql", "V2__invoices.sql", "V3__refunds.sql");
        });
        assertThat(analyze(Map.of()).findings()).isEmpty();
    }

    @Test
    void aLocationOnlyAProfileAddsHoldsSeedData() throws IOException {
        write("src/main/resources/application.properties", "spring.flyway.locations=classpath:db/migration\n");
        write(
                "src/main/resources/application-dev.properties",
                "spring.flyway.locations=classpath:db/migration,classpath:db/devdata\n");
        write("src/main/resources/db/migration/V1__users.sql", "create table users (id bigint primary key);\n");
        write("src/main/resources/db/devdata/V1_1__demo_orgs.sql", "create table orgs (id bigint primary key);\n");
        write(
                "src/main/resources/db/migration/V2__members.sql",
                "create table members (org_id bigint references orgs (id));\n");

        AnalysisResult result = analyze(Map.of());

        assertThat(result.findings()).extracting(f -> f.ruleId()).containsExactly("seed-only-reference");
    }

    @Test
    void customPrefixAndSeparatorDecideWhichFilesRun() throws IOException {
        write("src/main/resources/db/migration/M1-users.sql", "create table users (id bigint primary key);\n");
        write(
                "src/main/resources/db/migration/M2-posts.sql",
                "create table posts (user_id bigint references users (id));\n");
        write(
                "src/main/resources/db/migration/V1__ignored.sql",
                "create table ignored (x int references nowhere (id));\n");

        AnalysisResult result = analyze(Map.of("sqlMigrationPrefix", "M", "sqlMigrationSeparator", "-"));

        assertThat(result.findings()).isEmpty();
        assertThat(result.stats().files()).isEqualTo(2);
    }

    @Test
    void aFreshDatabaseRunsTheLatestBaselineMigrationThenOnlyLaterVersions() throws IOException {
        // as flyway-core 13.12.0 migrates a fresh PostgreSQL 15 database: B2, V3 (B1, V1 and V2 never run)
        write("src/main/resources/db/migration/B1__old_baseline.sql", "create table old (x int references nowhere);\n");
        write("src/main/resources/db/migration/V1__one.sql", "create table one (x int references nowhere);\n");
        write("src/main/resources/db/migration/V2__two.sql", "create table two (x int references nowhere);\n");
        write("src/main/resources/db/migration/B2__baseline.sql", "create table base (id int primary key);\n");
        write(
                "src/main/resources/db/migration/V3__three.sql",
                "create table three (base_id int references base (id));\n");

        AnalysisResult result = analyze(Map.of());

        assertThat(result.findings()).isEmpty();
        assertThat(result.stats().files()).isEqualTo(2);
        assertThat(result.graph().foreignKeys())
                .singleElement()
                .satisfies(fk -> assertThat(fk.to().table()).isEqualTo("base"));
    }

    @Test
    void suffixesChooseTheFilesOfOneDatabaseAmongVendorFolders() throws IOException {
        // Flyway scans db/migration recursively; only names ending in a configured suffix are migrations
        write(
                "src/main/resources/db/migration/POSTGRESQL/B1__base__POSTGRESQL.sql",
                "create table t (id bigint primary key);\n");
        write("src/main/resources/db/migration/H2/B1__base__H2.sql", "create table t (id bigint primary key);\n");
        write(
                "src/main/resources/db/migration/POSTGRESQL/V2__u__POSTGRESQL.sql",
                "create table u (t_id bigint references t (id));\n");
        write("src/main/resources/db/migration/H2/V2__u__H2.sql", "create table u (t_id bigint references t (id));\n");

        AnalysisResult result = analyze(Map.of("sqlMigrationSuffixes", "POSTGRESQL.sql"));

        assertThat(result.findings()).isEmpty();
        assertThat(result.stats().files()).isEqualTo(2);
    }

    private AnalysisResult analyze(Map<String, String> flywayPlugin) {
        RefguardConfig defaults = RefguardConfig.defaults(base);
        RefguardConfig config = new RefguardConfig(
                base,
                List.of(),
                defaults.seedPatterns(),
                defaults.identityTables(),
                null,
                List.of(),
                defaults.managedSchemas(),
                List.of(),
                Map.of(),
                defaults.encoding(),
                true,
                defaults.statementTimeout(),
                new ToolConfiguration(flywayPlugin, Map.of()));
        return Engine.analyze(config);
    }

    private void write(String relative, String text) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
