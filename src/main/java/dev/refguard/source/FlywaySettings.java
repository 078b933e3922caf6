package dev.refguard.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Flyway is configured for a module: by the {@code flyway-maven-plugin} in the pom, else by Spring Boot's
 * {@code spring.flyway.*} properties. Locations that only a Spring profile adds ({@code application-dev.yml} naming
 * {@code classpath:db/testdata}) hold seed data: production never runs them.
 *
 * @param locations the folders Flyway reads, in the order configured; empty when none is configured (Flyway's
 *     default {@code classpath:db/migration} is then found by auto-discovery)
 * @param naming the file naming
 * @param placeholders the placeholder replacement, or {@code null} when {@code placeholderReplacement} is off
 * @param configuredIn where the locations come from, for messages ({@code flyway-maven-plugin},
 *     {@code application.yml}); empty when none
 */
record FlywaySettings(
        List<Location> locations, FlywayNaming naming, FlywayPlaceholders placeholders, String configuredIn) {
    /** Flyway's default schema on PostgreSQL: the connection's current schema, {@code public}. */
    static final String DEFAULT_SCHEMA = "public";

    /**
     * One configured location.
     *
     * @param written as configured, e.g. {@code classpath:db/migration}
     * @param dir the folder it names in the module
     * @param seed whether only a Spring profile adds it
     */
    record Location(String written, Path dir, boolean seed) {}

    /** The settings of Flyway's defaults: nothing configured, default naming, only the built-in placeholders. */
    static FlywaySettings defaults() {
        return new FlywaySettings(
                List.of(),
                FlywayNaming.DEFAULT,
                new FlywayPlaceholders(
                        "${", "}", FlywayPlaceholders.builtIns(DEFAULT_SCHEMA, "flyway_schema_history", null, null)),
                "");
    }

    /** Whether the project names its own locations. */
    boolean configured() {
        return !locations.isEmpty();
    }

    /** How a Flyway file of this module is read: placeholders replaced, lines kept. */
    SqlText sqlText() {
        return placeholders == null
                ? SqlText.AS_WRITTEN
                : new SqlText.Rewritten("Flyway placeholders " + placeholders, placeholders::replace);
    }

    /**
     * The settings of the module at {@code moduleDir}.
     *
     * @param plugin the {@code flyway-maven-plugin}'s parameters (see {@link ToolConfiguration#flyway()})
     * @param spring the module's Spring Boot configuration
     */
    static FlywaySettings resolve(Path moduleDir, Map<String, String> plugin, SpringConfig spring) {
        boolean fromPlugin = !plugin.isEmpty();
        Map<String, String> base = fromPlugin ? plugin : springFlyway(spring, spring.base());
        List<Location> locations = new ArrayList<>();
        String configuredIn = "";
        Set<String> schemaLocations = new LinkedHashSet<>(split(base.get("locations")));
        if (!schemaLocations.isEmpty()) {
            configuredIn = fromPlugin ? "flyway-maven-plugin" : "Spring Boot's spring.flyway.locations";
        }
        Set<String> seedLocations = new LinkedHashSet<>();
        Map<String, String> placeholders = new LinkedHashMap<>(below(base, "placeholders"));
        if (!fromPlugin) {
            for (Map<String, String> profile : spring.profiles().values()) {
                Map<String, String> settings = springFlyway(spring, profile);
                List<String> profileLocations = split(settings.get("locations"));
                if (!profileLocations.isEmpty() && schemaLocations.isEmpty()) {
                    // the base files keep Flyway's default; the profile adds to it
                    schemaLocations.add("classpath:db/migration");
                    configuredIn = "Spring Boot's spring.flyway.locations";
                }
                profileLocations.stream()
                        .filter(l -> !schemaLocations.contains(l))
                        .forEach(seedLocations::add);
                below(settings, "placeholders").forEach(placeholders::putIfAbsent);
            }
        }
        schemaLocations.forEach(l -> locations.add(location(moduleDir, l, false)));
        seedLocations.forEach(l -> locations.add(location(moduleDir, l, true)));
        FlywayNaming naming = FlywayNaming.of(
                base.get("sqlMigrationPrefix"),
                base.get("repeatableSqlMigrationPrefix"),
                base.get("undoSqlMigrationPrefix"),
                base.get("sqlMigrationSeparator"),
                null, // Flyway's open-source edition has no setting for it: always B
                base.get("sqlMigrationSuffixes"));
        String defaultSchema = base.get("defaultSchema");
        if (defaultSchema == null || defaultSchema.isBlank()) {
            List<String> schemas = split(base.get("schemas"));
            defaultSchema = schemas.isEmpty() ? DEFAULT_SCHEMA : schemas.get(0);
        }
        String table = base.getOrDefault("table", "flyway_schema_history");
        Map<String, String> values = new LinkedHashMap<>(FlywayPlaceholders.builtIns(
                defaultSchema.strip(), table.strip(), base.get("user"), database(base.get("url"))));
        values.putAll(placeholders);
        boolean replace = !"false"
                .equalsIgnoreCase(
                        String.valueOf(base.get("placeholderReplacement")).strip());
        FlywayPlaceholders replacer = replace
                ? new FlywayPlaceholders(base.get("placeholderPrefix"), base.get("placeholderSuffix"), values)
                : null;
        return new FlywaySettings(locations, naming, replacer, configuredIn);
    }

    /** Spring's {@code spring.flyway.*} keys as the plugin's parameter names ({@code sql-migration-prefix}). */
    private static Map<String, String> springFlyway(SpringConfig spring, Map<String, String> properties) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : List.of(
                "locations",
                "sqlMigrationPrefix",
                "repeatableSqlMigrationPrefix",
                "undoSqlMigrationPrefix",
                "sqlMigrationSeparator",
                "sqlMigrationSuffixes",
                "defaultSchema",
                "schemas",
                "table",
                "user",
                "url",
                "placeholderPrefix",
                "placeholderSuffix",
                "placeholderReplacement")) {
            String value = spring.get(properties, "spring.flyway." + key);
            if (value != null) {
                out.put(key, value);
            }
        }
        if (!out.containsKey("url")) {
            String url = spring.get(properties, "spring.datasource.url");
            if (url != null) {
                out.put("url", url);
            }
        }
        spring.below(properties, "spring.flyway.placeholders").forEach((k, v) -> out.put("placeholders." + k, v));
        return out;
    }

    private static Map<String, String> below(Map<String, String> settings, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                found.put(k.substring(prefix.length() + 1), v);
            }
        });
        return found;
    }

    /** The folder a location names in the module: {@code classpath:} below {@code src/main/resources}. */
    private static Location location(Path moduleDir, String written, boolean seed) {
        String path = written.strip().replace("{vendor}", "postgresql");
        Path dir;
        if (path.startsWith("filesystem:")) {
            dir = moduleDir.resolve(path.substring("filesystem:".length()));
        } else {
            String inClasspath = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
            while (inClasspath.startsWith("/")) {
                inClasspath = inClasspath.substring(1);
            }
            dir = moduleDir.resolve("src/main/resources").resolve(inClasspath);
        }
        return new Location(written.strip(), dir.toAbsolutePath().normalize(), seed);
    }

    /** The database a JDBC URL names ({@code jdbc:postgresql://host/app?x} gives {@code app}), or null. */
    private static String database(String url) {
        if (url == null) {
            return null;
        }
        String rest = url.replaceFirst("\\?.*$", "");
        int slash = rest.lastIndexOf('/');
        return slash < 0 || slash == rest.length() - 1 ? null : rest.substring(slash + 1);
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.contains("${"))
                .toList();
    }
}
