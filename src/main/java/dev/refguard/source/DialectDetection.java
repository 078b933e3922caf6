package dev.refguard.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dialect a project's own configuration names, when the {@code dialect} parameter is not set: the JDBC URL or
 * driver of its {@code flyway-maven-plugin} or {@code liquibase-maven-plugin}, else of Spring Boot's
 * {@code spring.flyway.*}, {@code spring.liquibase.*} and {@code spring.datasource.*} properties (profile files
 * included: a project that runs MySQL in every profile it configures is a MySQL project).
 */
public final class DialectDetection {
    private static final List<String> SPRING_KEYS = List.of(
            "spring.flyway.url",
            "spring.flyway.driver-class-name",
            "spring.liquibase.url",
            "spring.liquibase.driver-class-name",
            "spring.datasource.url",
            "spring.datasource.driver-class-name",
            "spring.datasource.hikari.jdbc-url",
            "spring.datasource.hikari.driver-class-name");

    private DialectDetection() {}

    /**
     * The dialect the configuration of the module at {@code baseDir} names, or empty when it names none (or names
     * more than one family, which the user must settle with the parameter).
     *
     * @param tools what the build file configures for the migration tools
     */
    public static Optional<Dialect> detect(Path baseDir, ToolConfiguration tools) {
        List<Dialect> named = new ArrayList<>();
        for (Map<String, String> plugin : List.of(tools.flyway(), tools.liquibase())) {
            for (String key : List.of("url", "driver")) {
                Dialect.ofJdbc(plugin.get(key)).ifPresent(named::add);
            }
        }
        if (named.isEmpty()) {
            SpringConfig spring = SpringConfig.read(baseDir.toAbsolutePath().normalize());
            List<Map<String, String>> files = new ArrayList<>();
            files.add(spring.base());
            files.addAll(spring.profiles().values());
            for (Map<String, String> properties : files) {
                for (String key : SPRING_KEYS) {
                    Dialect.ofJdbc(spring.get(properties, key)).ifPresent(named::add);
                }
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Dialect first = named.get(0);
        // MySQL and MariaDB read the same SQL; where both are named, the stricter MySQL rules apply
        boolean oneFamily = named.stream().allMatch(d -> d.mysqlFamily() == first.mysqlFamily());
        if (!oneFamily) {
            return Optional.empty();
        }
        return Optional.of(named.contains(Dialect.MYSQL) ? Dialect.MYSQL : first);
    }
}
