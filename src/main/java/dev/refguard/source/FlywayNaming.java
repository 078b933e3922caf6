package dev.refguard.source;

import java.util.Objects;

/**
 * How Flyway tells a migration by its file name: the prefixes of versioned, repeatable and undo migrations and the
 * separator before the description ({@code sqlMigrationPrefix}, {@code repeatableSqlMigrationPrefix},
 * {@code undoSqlMigrationPrefix}, {@code sqlMigrationSeparator}).
 */
public record FlywayNaming(String versionedPrefix, String repeatablePrefix, String undoPrefix, String separator) {
    /** Flyway's defaults: {@code V1__x.sql}, {@code R__x.sql}, {@code U1__x.sql}. */
    public static final FlywayNaming DEFAULT = new FlywayNaming("V", "R", "U", "__");

    public FlywayNaming {
        Objects.requireNonNull(versionedPrefix, "versionedPrefix");
        Objects.requireNonNull(repeatablePrefix, "repeatablePrefix");
        Objects.requireNonNull(undoPrefix, "undoPrefix");
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("the separator is not empty");
        }
    }

    /** The defaults with the given values, where not blank. */
    public static FlywayNaming of(
            String versionedPrefix, String repeatablePrefix, String undoPrefix, String separator) {
        return new FlywayNaming(
                orDefault(versionedPrefix, DEFAULT.versionedPrefix),
                orDefault(repeatablePrefix, DEFAULT.repeatablePrefix),
                orDefault(undoPrefix, DEFAULT.undoPrefix),
                orDefault(separator, DEFAULT.separator));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
