package dev.refguard.source;

import java.util.Locale;
import java.util.Optional;

/**
 * What Flyway makes of an SQL file name under its default naming: {@code V<version>__<description>.sql}
 * (versioned), {@code R__<description>.sql} (repeatable), {@code U<version>__<description>.sql} (undo),
 * {@code B<version>__<description>.sql} (baseline: on a fresh database the latest one runs first, in place of the
 * versioned migrations up to its version).
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
        UNDO,
        /** {@code B}: the whole schema up to its version, run on a fresh database instead of the versions before. */
        BASELINE
    }

    /**
     * Reads a file name under Flyway's default naming, e.g. {@code V1_2__add_users.sql}.
     *
     * @return the parsed name, or empty when Flyway would not take the file for a migration: no known
     *     prefix, no {@code __} separator, not ending in {@code .sql}, or a version that is not numeric
     */
    public static Optional<FlywayFileName> parse(String fileName) {
        return parse(fileName, FlywayNaming.DEFAULT);
    }

    /**
     * Reads a file name under {@code naming}. The prefixes are case-sensitive, as Flyway reads them; when two
     * prefixes fit (say {@code V} and {@code VR}) the longer one decides.
     *
     * @return the parsed name, or empty when Flyway would not take the file for a migration
     */
    public static Optional<FlywayFileName> parse(String fileName, FlywayNaming naming) {
        if (fileName == null) {
            return Optional.empty();
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        String suffix = naming.suffixes().stream()
                .filter(s -> lower.endsWith(s.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
        if (suffix == null) {
            return Optional.empty();
        }
        String stem = fileName.substring(0, fileName.length() - suffix.length());
        Kind kind = null;
        String prefix = "";
        for (var candidate : java.util.List.of(
                java.util.Map.entry(Kind.VERSIONED, naming.versionedPrefix()),
                java.util.Map.entry(Kind.REPEATABLE, naming.repeatablePrefix()),
                java.util.Map.entry(Kind.UNDO, naming.undoPrefix()),
                java.util.Map.entry(Kind.BASELINE, naming.baselinePrefix()))) {
            String p = candidate.getValue();
            if (!p.isEmpty() && stem.startsWith(p) && p.length() > prefix.length()) {
                kind = candidate.getKey();
                prefix = p;
            }
        }
        if (kind == null) {
            return Optional.empty();
        }
        String rest = stem.substring(prefix.length());
        int separator = rest.indexOf(naming.separator());
        // Flyway takes V1.sql too: a version with an empty description
        String versionText = separator < 0 ? rest : rest.substring(0, separator);
        String description = separator < 0
                ? ""
                : rest.substring(separator + naming.separator().length()).replace('_', ' ');
        if (kind == Kind.REPEATABLE) {
            return versionText.isEmpty() ? Optional.of(new FlywayFileName(kind, null, description)) : Optional.empty();
        }
        Kind found = kind;
        return FlywayVersion.parse(versionText).map(version -> new FlywayFileName(found, version, description));
    }
}
