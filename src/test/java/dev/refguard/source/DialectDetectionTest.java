package dev.refguard.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectDetectionTest {
    @TempDir
    Path dir;

    @Test
    void jdbcUrlsAndDriversNameTheirServer() {
        assertThat(Dialect.ofJdbc("jdbc:mysql://localhost:3306/shop")).contains(Dialect.MYSQL);
        assertThat(Dialect.ofJdbc("jdbc:mariadb://db/shop?useSsl=false")).contains(Dialect.MARIADB);
        assertThat(Dialect.ofJdbc("jdbc:tc:mysql:8.4:///shop")).contains(Dialect.MYSQL);
        assertThat(Dialect.ofJdbc("jdbc:postgresql://localhost/app")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.ofJdbc("com.mysql.cj.jdbc.Driver")).contains(Dialect.MYSQL);
        assertThat(Dialect.ofJdbc("org.mariadb.jdbc.Driver")).contains(Dialect.MARIADB);
        assertThat(Dialect.ofJdbc("jdbc:h2:mem:test")).isEmpty();
        // a database named mysql on PostgreSQL is still PostgreSQL
        assertThat(Dialect.ofJdbc("jdbc:postgresql://mysql-host/mysql")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.ofJdbc(null)).isEmpty();
    }

    @Test
    void flywayPluginUrlNamesTheDialect() {
        ToolConfiguration tools = new ToolConfiguration(Map.of("url", "jdbc:mysql://localhost:3306/shop"), Map.of());
        assertThat(DialectDetection.detect(dir, tools)).contains(Dialect.MYSQL);
    }

    @Test
    void liquibasePluginDriverNamesTheDialect() {
        ToolConfiguration tools = new ToolConfiguration(Map.of(), Map.of("driver", "org.mariadb.jdbc.Driver"));
        assertThat(DialectDetection.detect(dir, tools)).contains(Dialect.MARIADB);
    }

    @Test
    void springDatasourceNamesTheDialect() throws IOException {
        Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  datasource:
                    url: ${DB_URL:jdbc:mariadb://localhost:3306/app}
                """);
        assertThat(DialectDetection.detect(dir, ToolConfiguration.NONE)).contains(Dialect.MARIADB);
    }

    @Test
    void springProfileFileNamesTheDialect() throws IOException {
        Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
        Files.writeString(
                resources.resolve("application-prod.properties"),
                "spring.datasource.driver-class-name=com.mysql.cj.jdbc.Driver\n");
        assertThat(DialectDetection.detect(dir, ToolConfiguration.NONE)).contains(Dialect.MYSQL);
    }

    @Test
    void nothingConfiguredOrTwoFamiliesNameNone() throws IOException {
        assertThat(DialectDetection.detect(dir, ToolConfiguration.NONE)).isEmpty();
        ToolConfiguration both = new ToolConfiguration(
                Map.of("url", "jdbc:mysql://localhost/shop"), Map.of("url", "jdbc:postgresql://localhost/shop"));
        assertThat(DialectDetection.detect(dir, both)).isEqualTo(Optional.empty());
    }
}
