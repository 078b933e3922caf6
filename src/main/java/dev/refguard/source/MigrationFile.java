package dev.refguard.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One SQL file of a migration history, or one part of it.
 *
 * @param path the file on disk (absolute)
 * @param relativePath the path relative to the base directory, with {@code /} separators; this is the
 *     name every finding and report uses
 * @param seed whether the file holds seed/demo data rather than production schema
 * @param part which part of the file this is, when a file is read in several parts (the changesets of a
 *     Liquibase changelog, seed and schema ones apart); empty for a whole file
 * @param sqlText how the SQL refguard reads is made from the file
 */
public record MigrationFile(Path path, String relativePath, boolean seed, String part, SqlText sqlText) {
    public MigrationFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
        part = part == null ? "" : part;
        sqlText = sqlText == null ? SqlText.AS_WRITTEN : sqlText;
    }

    /** A whole file, read as written. */
    public MigrationFile(Path path, String relativePath, boolean seed) {
        this(path, relativePath, seed, "", SqlText.AS_WRITTEN);
    }

    /** The file name without directories, e.g. {@code 20260217000000_add_tokens.sql} or {@code migration.sql}. */
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    /** What tells this file (or part) from every other of an analysis: the path, and the part when there is one. */
    public String key() {
        return part.isEmpty() ? relativePath : relativePath + "#" + part;
    }
}
