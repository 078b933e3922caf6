package dev.refguard.source.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.engine.AnalysisResult;
import dev.refguard.engine.Engine;
import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Finding;
import dev.refguard.source.Layout;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.SourceDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liquibase changelogs read by Liquibase itself, rendered for PostgreSQL, findings at the changelog's lines. */
class LiquibaseSourceTest {
    private static final String XML_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
            """;

    @TempDir
    Path base;

    @Test
    void yamlMasterWithXmlIncludesReportsTheForwardReferenceAtTheChangelogLine() throws IOException {
        write("src/main/resources/db/changelog/db.changelog-master.yaml", """
                databaseChangeLog:
                  - include:
                      file: db/changelog/changes/001-orders.xml
                  - include:
                      file: changes/002-customers.xml
                      relativeToChangelogFile: true
                """);
        write("src/main/resources/db/changelog/changes/001-orders.xml", XML_HEAD + """
                    <changeSet id="1" author="dev">
                        <createTable tableName="orders">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                            <column name="customer_id" type="bigint">
                                <constraints foreignKeyName="fk_orders_customer" references="customers(id)"/>
                            </column>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
        write("src/main/resources/db/changelog/changes/002-customers.xml", XML_HEAD + """
                    <changeSet id="2" author="dev">
                        <createTable tableName="customers">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                            <column name="referrer_id" type="bigint"/>
                        </createTable>
                        <addForeignKeyConstraint baseTableName="customers" baseColumnNames="referrer_id"
                            constraintName="fk_customers_referrer" referencedTableName="customers"
                            referencedColumnNames="id"/>
                    </changeSet>
                </databaseChangeLog>
                """);

        var histories = SourceDiscovery.discover(base, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, true)
                .histories();
        assertThat(histories).singleElement().satisfies(h -> {
            assertThat(h.layout()).isEqualTo(Layout.LIQUIBASE);
            assertThat(h.root()).isEqualTo("src/main/resources/db/changelog/db.changelog-master.yaml");
        });

        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(base));

        assertThat(result.findings())
                .extracting(f -> f.ruleId() + " " + f.location().file() + ":"
                        + f.location().line())
                .containsExactly("missing-reference-target src/main/resources/db/changelog/changes/001-orders.xml:7");
        // PostgreSQL rejects the whole CREATE TABLE orders; the later addForeignKeyConstraint is at its own line
        assertThat(result.graph().foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.file()).isEqualTo("src/main/resources/db/changelog/changes/002-customers.xml");
            assertThat(fk.line()).isEqualTo(11);
        });
    }

    @Test
    void formattedSqlChangesetsKeepTheirOwnLines() throws IOException {
        write("src/main/resources/db/changelog/db.changelog-master.yaml", """
                databaseChangeLog:
                  - include:
                      file: db/changelog/sql/001-invoices.sql
                  - include:
                      file: db/changelog/sql/002-accounts.sql
                """);
        write("src/main/resources/db/changelog/sql/001-invoices.sql", """
                --liquibase formatted sql

                --changeset dev:invoices
                create table invoices (
                    id bigint primary key,
                    account_id bigint not null references accounts (id)
                );
                --rollback drop table invoices;
                """);
        write("src/main/resources/db/changelog/sql/002-accounts.sql", """
                --liquibase formatted sql

                --changeset dev:accounts
                create table accounts (id bigint primary key);
                --rollback drop table accounts;
                """);

        List<Finding> findings = Engine.analyze(RefguardConfig.defaults(base)).findings();

        assertThat(findings)
                .extracting(f -> f.ruleId() + " " + f.location().file() + ":"
                        + f.location().line())
                .containsExactly("missing-reference-target src/main/resources/db/changelog/sql/001-invoices.sql:6");
    }

    @Test
    void aDemoContextChangesetIsSeedData() throws IOException {
        write("src/main/resources/db/changelog/db.changelog-master.xml", XML_HEAD + """
                    <changeSet id="tenants" author="dev" context="demo">
                        <createTable tableName="tenants">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                        </createTable>
                    </changeSet>
                    <changeSet id="users" author="dev">
                        <createTable tableName="users">
                            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
                            <column name="tenant_id" type="bigint">
                                <constraints foreignKeyName="fk_users_tenant" references="tenants(id)"/>
                            </column>
                        </createTable>
                    </changeSet>
                    <changeSet id="mysql-only" author="dev" dbms="mysql">
                        <createTable tableName="mysql_only">
                            <column name="id" type="bigint"/>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """);

        var history = SourceDiscovery.discover(base, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, true)
                .histories()
                .get(0);
        assertThat(history.files()).extracting(MigrationFile::seed).containsExactly(true, false);

        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(base));
        assertThat(result.findings())
                .extracting(f -> f.ruleId() + ":" + f.location().line())
                .containsExactly("seed-only-reference:12");
        assertThat(result.graph().tables()).extracting(t -> t.name()).doesNotContain("mysql_only");
    }

    @Test
    void jsonChangelogsAndIncludeAllRunInPathOrder() throws IOException {
        write("src/main/resources/db/changelog/db.changelog-master.json", """
                {"databaseChangeLog": [
                  {"includeAll": {"path": "db/changelog/all/"}}
                ]}
                """);
        write("src/main/resources/db/changelog/all/b-posts.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "posts", "author": "dev", "changes": [
                    {"createTable": {"tableName": "posts", "columns": [
                      {"column": {"name": "author_id", "type": "bigint",
                        "constraints": {"foreignKeyName": "fk_posts_author", "references": "authors(id)"}}}
                    ]}}
                  ]}}
                ]}
                """);
        write("src/main/resources/db/changelog/all/a-authors.json", """
                {"databaseChangeLog": [
                  {"changeSet": {"id": "authors", "author": "dev", "changes": [
                    {"createTable": {"tableName": "authors", "columns": [
                      {"column": {"name": "id", "type": "bigint", "constraints": {"primaryKey": true}}}
                    ]}}
                  ]}}
                ]}
                """);

        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(base));

        assertThat(result.findings()).isEmpty();
        assertThat(result.graph().foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.file()).isEqualTo("src/main/resources/db/changelog/all/b-posts.json");
            assertThat(fk.line()).isEqualTo(3); // the createTable change
        });
    }

    @Test
    void aChangelogLiquibaseCannotReadIsAFindingNotACrash() throws IOException {
        write("src/main/resources/db/changelog/db.changelog-master.yaml", """
                databaseChangeLog:
                  - include:
                      file: db/changelog/missing.xml
                """);

        AnalysisResult result = Engine.analyze(RefguardConfig.defaults(base));

        assertThat(result.findings()).hasSize(1);
        Finding finding = result.findings().get(0);
        assertThat(finding.location().file()).isEqualTo("src/main/resources/db/changelog/db.changelog-master.yaml");
        // the folders refguard searched, relative; not Liquibase's list of the plugin's jars on this machine
        assertThat(finding.message())
                .contains("db/changelog/missing.xml")
                .contains("refguard looked in src/main/resources, ., src/main/resources/db/changelog)")
                .doesNotContain(".jar")
                .doesNotContain(base.toString());
    }

    @Test
    void anIncludeByBareFileNameIsFoundBesideTheMaster() throws IOException {
        write("database/changelog-master.yaml", """
                databaseChangeLog:
                  - include:
                      file: changelog-1.yaml
                """);
        write("database/changelog-1.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: dev
                      changes:
                        - createTable:
                            tableName: notes
                            columns:
                              - column:
                                  name: author_id
                                  type: bigint
                                  constraints:
                                    foreignKeyName: fk_notes_author
                                    references: authors(id)
                """);

        RefguardConfig defaults = RefguardConfig.defaults(base);
        AnalysisResult result = Engine.analyze(new RefguardConfig(
                base,
                List.of("database/changelog-master.yaml"),
                defaults.seedPatterns(),
                defaults.identityTables(),
                null,
                List.of(),
                defaults.managedSchemas(),
                List.of(),
                java.util.Map.of(),
                defaults.encoding(),
                true,
                defaults.statementTimeout()));

        assertThat(result.findings())
                .extracting(f -> f.ruleId() + " " + f.location().file() + ":"
                        + f.location().line())
                .containsExactly("missing-reference-target database/changelog-1.yaml:6");
    }

    @Test
    void theLiquibasePluginsChangeLogFileIsTheMaster() throws IOException {
        write("database/changelog.xml", XML_HEAD + """
                    <changeSet id="1" author="dev">
                        <createTable tableName="notes">
                            <column name="author_id" type="bigint">
                                <constraints foreignKeyName="fk_notes_author" references="authors(id)"/>
                            </column>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """);
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
                java.util.Map.of(),
                defaults.encoding(),
                true,
                defaults.statementTimeout(),
                new dev.refguard.source.ToolConfiguration(
                        java.util.Map.of(), java.util.Map.of("changeLogFile", "database/changelog.xml")));

        AnalysisResult result = Engine.analyze(config);

        assertThat(result.stats().histories()).containsExactly("database/changelog.xml (Liquibase)");
        assertThat(result.findings())
                .extracting(f -> f.ruleId() + " " + f.location().file() + ":"
                        + f.location().line())
                .containsExactly("missing-reference-target database/changelog.xml:7");
    }

    @Test
    void jhipstersConfigLiquibaseMasterIsFoundAndAConfiguredChangelogFileIsAHistory() throws IOException {
        String fk = XML_HEAD + """
                    <changeSet id="1" author="dev">
                        <createTable tableName="notes">
                            <column name="author_id" type="bigint">
                                <constraints foreignKeyName="fk_notes_author" references="authors(id)"/>
                            </column>
                        </createTable>
                    </changeSet>
                </databaseChangeLog>
                """;
        write("src/main/resources/config/liquibase/master.xml", fk);
        write("database/changelog-master.xml", fk);

        var found = SourceDiscovery.discover(base, List.of(), RefguardConfig.DEFAULT_SEED_PATTERNS, true)
                .histories();
        assertThat(found)
                .extracting(h -> h.root() + " " + h.layout())
                .containsExactly("src/main/resources/config/liquibase/master.xml LIQUIBASE");

        var configured = SourceDiscovery.discover(
                        base, List.of("database/changelog-master.xml"), RefguardConfig.DEFAULT_SEED_PATTERNS, true)
                .histories();
        assertThat(configured).singleElement().satisfies(h -> {
            assertThat(h.root()).isEqualTo("database/changelog-master.xml");
            assertThat(h.layout()).isEqualTo(Layout.LIQUIBASE);
            assertThat(h.files())
                    .extracting(MigrationFile::relativePath)
                    .containsExactly("database/changelog-master.xml");
        });
    }

    @Test
    void aConfiguredSqlFileIsAChangelogOnlyWhenItSaysLiquibaseFormattedSql() throws IOException {
        write("db/formatted.sql", """
                --liquibase formatted sql
                --changeset dev:1
                create table a (id int primary key);
                """);
        write("db/plain.sql", "create table a (id int primary key);\n");

        assertThat(SourceDiscovery.discover(
                                base, List.of("db/formatted.sql"), RefguardConfig.DEFAULT_SEED_PATTERNS, true)
                        .histories())
                .extracting(h -> h.layout())
                .containsExactly(Layout.LIQUIBASE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourceDiscovery.discover(
                        base, List.of("db/plain.sql"), RefguardConfig.DEFAULT_SEED_PATTERNS, true))
                .isInstanceOf(dev.refguard.source.SourceException.class)
                .hasMessageContaining("db/plain.sql does not exist as a directory")
                .hasMessageContaining("Liquibase master changelog");
    }

    @Test
    void seedContextsAndLabels() {
        assertThat(LiquibaseReader.seedContext("demo")).isTrue();
        assertThat(LiquibaseReader.seedContext("dev, local")).isTrue();
        assertThat(LiquibaseReader.seedContext("qa-testdata")).isTrue();
        assertThat(LiquibaseReader.seedContext("sample_data")).isTrue();
        assertThat(LiquibaseReader.seedContext("!test")).isFalse();
        assertThat(LiquibaseReader.seedContext("not dev")).isFalse();
        assertThat(LiquibaseReader.seedContext("prod")).isFalse();
        assertThat(LiquibaseReader.seedContext("device")).isFalse();
        assertThat(LiquibaseReader.seedContext("")).isFalse();
    }

    private void write(String relative, String text) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
