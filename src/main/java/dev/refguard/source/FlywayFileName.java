package dev.refguard.source;

import java.util.Locale;
import java.util.Optional;

/**
 * What Flyway makes of an SQL file name under its default naming: {@code V<version>__<description>.sql}
 * (versioned), {@code R__<description>.sql} (repeatable), {@code U<version>__<description>.sql} (undo).
 *
 * @param kind versioned, repeatable or undo
 * @param version the version, or {@code null} for a repeatable migration
 * @param description the description with {@code _} read as spaces, as Flyway shows it
 */
public record FlywayFileName(Kind kind, FlywayVersion version, String description) {

    /** The kinds of Flyway SQL migration, by their file name prefix. */
    public enum Kind {
        /** {@code V}: runs once, in version order. */
        VERSIONED,
        /** {@code R}: runs after all versioned migrations, in description order. */
        REPEATABLE,
        /** {@code U}: reverts a versioned migration; never part of a forward replay. */
        UNDO
    }

    private static final String SEPARATOR = "__";
    private static final String SUFFIX = ".sql";

    /**
     * Reads a file name, e.g. {@code V1_2__add_users.sql}.
     *
     * @return the parsed name, or empty when Flyway would not take the file for a migration: no known
     *     prefix, no {@code __} separator, not ending in {@code .sql}, or a version that is not numeric
     */
    public static Optional<FlywayFileName> parse(String fileName) {
        if (fileName == null
                || fileName.length() < 2 + SEPARATOR.length() + SUFFIX.length()
                || !fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        int separator = stem.indexOf(SEPARATOR);
        if (separator < 1) {
            return Optional.empty();
        }
        // Flyway's prefixes are case-sensitive: only an upper-case V, R or U marks a migration.
        Kind kind = switch (stem.charAt(0)) {
            case 'V' -> Kind.VERSIONED;
            case 'R' -> Kind.REPEATABLE;
            case 'U' -> Kind.UNDO;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        String versionText = stem.substring(1, separator);
        String description = stem.substring(separator + SEPARATOR.length()).replace('_', ' ');
        if (kind == Kind.REPEATABLE) {
            return versionText.isEmpty() ? Optional.of(new FlywayFileName(kind, null, description)) : Optional.empty();
        }
        return FlywayVersion.parse(versionText).map(version -> new FlywayFileName(kind, version, description));
    }
}
