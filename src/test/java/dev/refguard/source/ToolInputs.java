package dev.refguard.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What refguard resolves of a project's migration-tool configuration, for tests that hand the same configuration to
 * the real tool (flyway-core, liquibase-core) and compare what it does with refguard's replay.
 */
public final class ToolInputs {
    private ToolInputs() {}

    /**
     * Flyway's settings as refguard resolves them for a module.
     *
     * @param locations the folders to migrate from (the configured ones, else {@code defaultRoot})
     * @param placeholders the project's placeholders, without Flyway's own {@code flyway:*} built-ins
     * @param defaultSchema Flyway's default schema ({@code public} unless configured)
     */
    public record Flyway(
            List<Path> locations,
            FlywayNaming naming,
            Map<String, String> placeholders,
            boolean replacePlaceholders,
            String defaultSchema) {}

    /** Flyway as configured for {@code baseDir} by {@code tools} or Spring Boot's properties. */
    public static Flyway flyway(Path baseDir, ToolConfiguration tools, Path defaultRoot) {
        Path base = baseDir.toAbsolutePath().normalize();
        FlywaySettings settings = FlywaySettings.resolve(base, tools.flyway(), SpringConfig.read(base));
        List<Path> locations = new ArrayList<>();
        settings.locations().stream()
                .filter(l -> !l.seed())
                .forEach(l -> locations.add(l.dir().toAbsolutePath().normalize()));
        settings.locations().stream()
                .filter(FlywaySettings.Location::seed)
                .forEach(l -> locations.add(l.dir().toAbsolutePath().normalize()));
        if (locations.isEmpty()) {
            locations.add(defaultRoot.toAbsolutePath().normalize());
        }
        Map<String, String> placeholders = new TreeMap<>();
        String defaultSchema = FlywaySettings.DEFAULT_SCHEMA;
        if (settings.placeholders() != null) {
            for (Map.Entry<String, String> e : settings.placeholders().values().entrySet()) {
                if (e.getKey().regionMatches(true, 0, "flyway:", 0, "flyway:".length())) {
                    if (e.getKey().equalsIgnoreCase("flyway:defaultSchema")) {
                        defaultSchema = e.getValue();
                    }
                } else {
                    placeholders.put(e.getKey(), e.getValue());
                }
            }
        }
        return new Flyway(locations, settings.naming(), placeholders, settings.placeholders() != null, defaultSchema);
    }

    /** The folders Liquibase resolves {@code master}'s changelog paths from, as refguard reads them. */
    public static List<Path> liquibaseRoots(Path baseDir, Path master) {
        Path base = baseDir.toAbsolutePath().normalize();
        return new HistoryReader(base, SeedClassifier.of(List.of())).liquibaseRoots(master);
    }
}
