package dev.refguard.rules;

import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.ReferenceResolved;
import dev.refguard.schema.TableId;
import java.util.List;

/** How findings name tables, columns and FKs: short in messages, exact SQL in hints. */
final class Describe {
    private Describe() {}

    /** {@code users} for {@code public.users}, else {@code schema.name}, quoted where needed. */
    static String table(TableId id) {
        return id.displayName();
    }

    static String columns(List<String> folded) {
        return String.join(", ", folded.stream().map(Identifier::sql).toList());
    }

    /** {@code setlists.last_modified_by} or {@code line_items.(tenant_id, order_id)}. */
    static String source(TableId table, List<String> columns) {
        String cols = columns.size() == 1 ? Identifier.sql(columns.get(0)) : "(" + columns(columns) + ")";
        return table(table) + "." + cols;
    }

    /** The referencing side, named as it was at the statement. */
    static String source(ForeignKeyDeclared e) {
        return source(e.sourceName(), e.sourceColumns());
    }

    /** {@code auth.users(id)}; just the table when the columns are unknown. */
    static String target(TableId id, List<String> columns) {
        return columns.isEmpty() ? id.sql() : id.sql() + "(" + columns(columns) + ")";
    }

    /** The FK's constraint name as PostgreSQL would know it, for hints. */
    static String constraintName(ForeignKeyDeclared e) {
        if (e instanceof ReferenceResolved r && r.added() != null) {
            return r.added().name();
        }
        if (e.spec().constraintName() != null) {
            return e.spec().constraintName().folded();
        }
        return e.sourceName().name() + "_" + String.join("_", e.sourceColumns()) + "_fkey";
    }

    /** {@code ON DELETE CASCADE} etc. as written, with a leading space, or empty. */
    static String actions(String onDelete, String onUpdate) {
        StringBuilder out = new StringBuilder();
        if (onDelete != null && !onDelete.equals("NO ACTION")) {
            out.append(" ON DELETE ").append(onDelete);
        }
        if (onUpdate != null && !onUpdate.equals("NO ACTION")) {
            out.append(" ON UPDATE ").append(onUpdate);
        }
        return out.toString();
    }

    /** The file name of a migration, for messages. */
    static String file(dev.refguard.source.MigrationFile file) {
        return file.relativePath();
    }
}
