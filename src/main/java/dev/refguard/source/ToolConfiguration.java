package dev.refguard.source;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the build file says about the migration tools, as plain text: the {@code <configuration>} of a
 * {@code flyway-maven-plugin} and of a {@code liquibase-maven-plugin}, each a map from the parameter's name to its
 * value. List parameters ({@code locations}) are comma-separated; map parameters ({@code placeholders}) come as one
 * entry per key, {@code placeholders.<name>}.
 *
 * @param flyway the Flyway plugin's parameters ({@code locations}, {@code placeholders.<name>},
 *     {@code sqlMigrationPrefix}, {@code sqlMigrationSeparator}, {@code defaultSchema}, {@code schemas}, ...); empty
 *     when the build has no such plugin
 * @param liquibase the Liquibase plugin's parameters ({@code changeLogFile}, ...); empty when none
 */
public record ToolConfiguration(Map<String, String> flyway, Map<String, String> liquibase) {
    /** No tool configured. */
    public static final ToolConfiguration NONE = new ToolConfiguration(Map.of(), Map.of());

    public ToolConfiguration {
        flyway = java.util.Collections.unmodifiableMap(new TreeMap<>(flyway == null ? Map.of() : flyway));
        liquibase = java.util.Collections.unmodifiableMap(new TreeMap<>(liquibase == null ? Map.of() : liquibase));
    }
}
