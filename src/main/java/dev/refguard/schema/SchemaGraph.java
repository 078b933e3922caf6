package dev.refguard.schema;

import java.util.List;

/**
 * The final tables and foreign keys of every history, in a stable order; this is what {@code refguard.json}
 * and the diagrams show, and what must match PostgreSQL's own catalog after the same migrations. The foreign
 * keys PostgreSQL would reject (a missing target, a type mismatch, ...) are kept apart, in
 * {@code rejectedForeignKeys}: they are not in the catalog, but the diagrams draw them, because they are the
 * incident.
 */
public record SchemaGraph(
        List<Table> tables, List<ForeignKey> foreignKeys, List<RejectedForeignKey> rejectedForeignKeys) {
    public SchemaGraph {
        tables = List.copyOf(tables);
        foreignKeys = List.copyOf(foreignKeys);
        rejectedForeignKeys = List.copyOf(rejectedForeignKeys);
    }

    /** A graph with no rejected foreign key. */
    public SchemaGraph(List<Table> tables, List<ForeignKey> foreignKeys) {
        this(tables, foreignKeys, List.of());
    }

    /**
     * A foreign key a migration declares that PostgreSQL would reject, so that it is not in force.
     *
     * @param foreignKey the key as declared (its tables named as they are at the end, where they still exist)
     * @param reason why: {@code target missing}, {@code missing column}, {@code not a unique key} or {@code type
     *     mismatch}
     */
    public record RejectedForeignKey(ForeignKey foreignKey, String reason) {}

    /**
     * A table at the end of its history.
     *
     * @param history the root of the history it belongs to
     * @param schema folded schema name
     * @param name folded table name
     * @param columns columns in declaration order
     * @param primaryKey primary key columns (empty when none)
     * @param file the file that created it (relative path)
     * @param seed whether a seed/demo file created it
     * @param incomplete whether a statement that could not be read touched it
     */
    public record Table(
            String history,
            String schema,
            String name,
            List<Column> columns,
            List<String> primaryKey,
            String file,
            boolean seed,
            boolean incomplete) {
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
        }
    }

    /** A column and its normalised type, e.g. {@code uuid}, {@code text}, {@code integer}, {@code character varying}. */
    public record Column(String name, String type) {}

    /** One end of a foreign key: folded schema, table and column names. */
    public record Endpoint(String schema, String table, List<String> columns) {
        public Endpoint {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key in force at the end of the history.
     *
     * @param history the root of the history
     * @param from referencing table and columns
     * @param to referenced table and columns (the primary key's columns when the FK named none)
     * @param name constraint name (PostgreSQL's default {@code <table>_<col>_fkey} when none was given)
     * @param onDelete {@code NO ACTION}, {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT} or {@code RESTRICT}
     * @param onUpdate likewise
     * @param file where it was declared
     * @param line line of the declaration
     * @param seed declared in a seed/demo file
     */
    public record ForeignKey(
            String history,
            Endpoint from,
            Endpoint to,
            String name,
            String onDelete,
            String onUpdate,
            String file,
            int line,
            boolean seed) {}
}
