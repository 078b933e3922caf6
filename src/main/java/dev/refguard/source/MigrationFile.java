package dev.refguard.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One SQL file of a migration history.
 *
 * @param path the file on disk (absolute)
 * @param relativePath the path relative to the base directory, with {@code /} separators; this is the
 *     name every finding and report uses
 * @param seed whether the file holds seed/demo data rather than production schema
 */
public record MigrationFile(Path path, String relativePath, boolean seed) {
    public MigrationFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
    }

    /** The file name without directories, e.g. {@code 20260217000000_add_tokens.sql} or {@code migration.sql}. */
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }
}
