package dev.refguard.fix;

import java.nio.file.Path;

/**
 * Where the new migration goes, and what the migration tool needs around the SQL.
 *
 * @param file the new file (absolute); it does not exist yet
 * @param relativePath {@code file} relative to the base directory, with {@code /}
 * @param createdDirectory the folder the file needs and that must be created with it (a Prisma migration's own
 *     folder), or {@code null} when the file goes into an existing folder
 * @param header what stands before the SQL (a tool's marker, e.g. {@code -- migrate:up}); may be empty
 * @param blockStart what stands before each block of SQL (goose's {@code StatementBegin}); may be empty
 * @param blockEnd what stands after each block of SQL; may be empty
 * @param note what the user must do for the tool to run the file (add an include to a Liquibase master), or empty
 */
public record FixTarget(
        Path file,
        String relativePath,
        Path createdDirectory,
        String header,
        String blockStart,
        String blockEnd,
        String note) {

    /** A plain SQL file in an existing folder, run by its name alone. */
    static FixTarget plain(Path file, String relativePath) {
        return new FixTarget(file, relativePath, null, "", "", "", "");
    }
}
