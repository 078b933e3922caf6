package dev.refguard.schema;

import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange.LikeOption;
import dev.refguard.parse.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new table takes from the tables its CREATE TABLE names, as PostgreSQL copies it (docs/replay.md,
 * "Tables from every statement that makes one"): {@code LIKE} copies columns and types, their defaults
 * with {@code INCLUDING DEFAULTS}, and the primary key, unique constraints and indexes with
 * {@code INCLUDING INDEXES} (never FKs); {@code PARTITION OF} takes the parent's columns, primary key and
 * unique constraints; {@code INHERITS} takes columns and defaults, no keys.
 */
final class TableForms {
    private TableForms() {}

    /** How a table is named by a CREATE TABLE. */
    enum Kind {
        LIKE,
        PARTITION_OF,
        INHERITS
    }

    /** One table the new one takes from. */
    record Source(QualifiedName name, Kind kind, Set<LikeOption> including, SourcePosition position) {}

    /**
     * A key the new table gets, under a name PostgreSQL chooses for the new table.
     *
     * @param constraint a primary key or unique constraint (else a bare unique index)
     */
    record CopiedKey(List<String> columns, boolean primary, boolean constraint, boolean deferrable) {}

    /** Copies {@code from}'s columns into {@code into}; returns the keys the new table must get. */
    static List<CopiedKey> copyInto(ModelTable from, ModelTable into, Source source) {
        boolean defaults = source.kind() != Kind.LIKE || source.including().contains(LikeOption.DEFAULTS);
        for (Map.Entry<String, ModelColumn> e : from.columns.entrySet()) {
            ModelColumn c = e.getValue();
            into.columns.putIfAbsent(e.getKey(), defaults ? c : c.withoutDefault());
        }
        into.columnsKnown &= from.columnsKnown;
        into.incomplete |= from.incomplete;
        boolean keys = source.kind() == Kind.PARTITION_OF
                || (source.kind() == Kind.LIKE && source.including().contains(LikeOption.INDEXES));
        List<CopiedKey> copied = new ArrayList<>();
        if (!keys) {
            return copied;
        }
        if (from.primaryKeyName != null) {
            copied.add(new CopiedKey(
                    List.copyOf(from.primaryKey), true, true, from.deferrableKeys.contains(from.primaryKeyName)));
        }
        from.uniqueKeys.forEach((name, cols) -> copied.add(
                new CopiedKey(cols, false, !from.indexOnlyKeys.contains(name), from.deferrableKeys.contains(name))));
        return copied;
    }
}
