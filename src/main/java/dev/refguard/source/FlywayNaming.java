package dev.refguard.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How Flyway tells a migration by its file name: the prefixes of versioned, repeatable, undo and baseline migrations,
 * the separator before the description and the file name endings ({@code sqlMigrationPrefix},
 * {@code repeatableSqlMigrationPrefix}, {@code undoSqlMigrationPrefix}, {@code sqlMigrationSeparator},
 * {@code sqlMigrationSuffixes}; the baseline prefix {@code B} is fixed in Flyway's open-source edition).
 */
public record FlywayNaming(
        String versionedPrefix,
        String repeatablePrefix,
        String undoPrefix,
        String separator,
        String baselinePrefix,
        List<String> suffixes) {
    /** Flyway's defaults: {@code V1__x.sql}, {@code R__x.sql}, {@code U1__x.sql}, {@code B1__x.sql}. */
    public static final FlywayNaming DEFAULT = new FlywayNaming("V", "R", "U", "__", "B", List.of(".sql"));

    public FlywayNaming {
        Objects.requireNonNull(versionedPrefix, "versionedPrefix");
        Objects.requireNonNull(repeatablePrefix, "repeatablePrefix");
        Objects.requireNonNull(undoPrefix, "undoPrefix");
        Objects.requireNonNull(baselinePrefix, "baselinePrefix");
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("the separator is not empty");
        }
        suffixes = List.copyOf(suffixes == null || suffixes.isEmpty() ? List.of(".sql") : suffixes);
    }

    /** The defaults with the given values, where not blank; {@code suffixes} comma-separated. */
    public static FlywayNaming of(
            String versionedPrefix,
            String repeatablePrefix,
            String undoPrefix,
            String separator,
            String baselinePrefix,
            String suffixes) {
        List<String> endings = new ArrayList<>();
        if (suffixes != null) {
            for (String s : suffixes.split(",")) {
                if (!s.isBlank()) {
                    endings.add(s.strip());
                }
            }
        }
        return new FlywayNaming(
                orDefault(versionedPrefix, DEFAULT.versionedPrefix),
                orDefault(repeatablePrefix, DEFAULT.repeatablePrefix),
                orDefault(undoPrefix, DEFAULT.undoPrefix),
                orDefault(separator, DEFAULT.separator),
                orDefault(baselinePrefix, DEFAULT.baselinePrefix),
                endings);
    }

    /** The defaults with the given values, where not blank. */
    public static FlywayNaming of(
            String versionedPrefix, String repeatablePrefix, String undoPrefix, String separator) {
        return of(versionedPrefix, repeatablePrefix, undoPrefix, separator, null, null);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
