package dev.refguard.postgres;

import dev.refguard.schema.SchemaGraph;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One foreign key as both sides of the comparison see it: source table and columns, target table and columns (in
 * the constraint's column order), and the constraint name.
 *
 * @param fromSchema schema of the referencing table
 * @param fromTable referencing table
 * @param fromColumns referencing columns, in constraint order
 * @param toSchema schema of the referenced table
 * @param toTable referenced table
 * @param toColumns referenced columns, paired with {@code fromColumns}
 * @param name the constraint name
 */
public record ForeignKeyEdge(
        String fromSchema,
        String fromTable,
        List<String> fromColumns,
        String toSchema,
        String toTable,
        List<String> toColumns,
        String name) {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

    public ForeignKeyEdge {
        fromColumns = List.copyOf(fromColumns);
        toColumns = List.copyOf(toColumns);
    }

    /** The edge of a foreign key in refguard's graph. */
    public static ForeignKeyEdge of(SchemaGraph.ForeignKey fk) {
        return new ForeignKeyEdge(
                fk.from().schema(),
                fk.from().table(),
                fk.from().columns(),
                fk.to().schema(),
                fk.to().table(),
                fk.to().columns(),
                fk.name());
    }

    /** The edge without its name, e.g. {@code public.setlists(created_by) -> public.users(id)}. */
    public String edge() {
        return end(fromSchema, fromTable, fromColumns) + " -> " + end(toSchema, toTable, toColumns);
    }

    /** The edge with its constraint name, e.g. {@code public.setlists(created_by) -> public.users(id) [setlists_created_by_fkey]}. */
    public String namedEdge() {
        return edge() + " [" + quote(name) + "]";
    }

    private static String end(String schema, String table, List<String> columns) {
        return quote(schema) + "." + quote(table) + "("
                + columns.stream().map(ForeignKeyEdge::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** Quotes like PostgreSQL's {@code quote_ident}, so {@code "User"} and {@code user} read differently. */
    static String quote(String identifier) {
        if (identifier == null) {
            return "<null>";
        }
        return PLAIN_IDENTIFIER.matcher(identifier).matches()
                ? identifier
                : '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
