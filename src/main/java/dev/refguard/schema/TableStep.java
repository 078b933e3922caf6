package dev.refguard.schema;

import dev.refguard.source.MigrationFile;

/**
 * One step of a table's story: where it was created, renamed, moved to another schema, or dropped. Messages use
 * it to say what became of a name a statement uses ("{@code gadgets} was renamed to {@code items} by
 * {@code 010_items.sql:62}").
 *
 * @param kind what happened
 * @param name the table's name before the step (for {@link Kind#CREATED}: the name it was created with)
 * @param newName the name after a rename or move; {@code null} for the other kinds
 * @param file the migration that did it
 * @param line the line of its statement
 */
public record TableStep(Kind kind, TableId name, TableId newName, MigrationFile file, int line) {

    /** What a step did to the table. */
    public enum Kind {
        /** {@code CREATE TABLE} (or a statement that makes a table). */
        CREATED,
        /** {@code ALTER TABLE ... RENAME TO}. */
        RENAMED,
        /** {@code ALTER TABLE ... SET SCHEMA}. */
        MOVED,
        /** {@code DROP TABLE}, {@code DROP SCHEMA ... CASCADE}. */
        DROPPED,
        /** A {@code CREATE TABLE} PostgreSQL rejects: the table was never made. */
        REJECTED
    }

    /** {@code 010_items.sql:62}: the file and line, for messages. */
    public String where() {
        return file.relativePath() + ":" + line;
    }

    /**
     * What became of the old name, for messages: {@code gadgets was renamed to items by 010_items.sql:62},
     * {@code gadgets was dropped by 011_cleanup.sql:3}.
     */
    public String describe() {
        return switch (kind) {
            case CREATED -> name.displayName() + " was created by " + where();
            case RENAMED -> name.displayName() + " was renamed to " + newName.displayName() + " by " + where();
            case MOVED -> name.displayName() + " was moved to " + newName.displayName() + " by " + where();
            case DROPPED -> name.displayName() + " was dropped by " + where();
            case REJECTED ->
                "the CREATE TABLE of " + name.displayName() + " at " + where() + " fails, so it was never created";
        };
    }
}
