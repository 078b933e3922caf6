package dev.refguard.schema;

import java.util.List;
import java.util.Optional;

/**
 * The indexes of the model, as {@code pg_index}/{@code pg_class} know them: those {@code CREATE INDEX}
 * made, and those a primary key or unique constraint owns (same name as the constraint). An index
 * lives in its table's schema, so it follows the table through {@code RENAME} and {@code SET SCHEMA}.
 * See docs/replay.md, "Dependencies".
 */
final class Indexes {
    /**
     * One index.
     *
     * @param table its table
     * @param name its name
     * @param columns its key columns (empty for an expression index)
     * @param unique {@code UNIQUE}
     * @param constraint whether a primary key or unique constraint of that name owns it
     * @param referencable whether an FK may use it (unique, no {@code WHERE}, no expressions)
     */
    record Entry(
            ModelTable table,
            String name,
            List<String> columns,
            boolean unique,
            boolean constraint,
            boolean referencable) {
        Entry {
            columns = List.copyOf(columns);
        }

        Entry renamed(String newName) {
            return new Entry(table, newName, columns, unique, constraint, referencable);
        }
    }

    /** Copy-on-write: a snapshot shares the list until the next change copies it. */
    private final CowCollections.CowList<Entry> entries = new CowCollections.CowList<>();

    /**
     * Every index as {@code schema.name}, for the catalogue guards read: a live view, so a DO block that
     * asks about one index does not pay for a set of all of them.
     */
    java.util.Set<String> qualifiedNames() {
        return new java.util.AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                if (!(o instanceof String key)) {
                    return false;
                }
                for (Entry e : entries) {
                    String schema = e.table().id.schema();
                    if (key.length() == schema.length() + 1 + e.name().length()
                            && key.startsWith(schema)
                            && key.charAt(schema.length()) == '.'
                            && key.endsWith(e.name())) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return entries.stream()
                        .map(e -> e.table().id.schema() + "." + e.name())
                        .distinct()
                        .iterator();
            }

            @Override
            public int size() {
                return (int) entries.stream()
                        .map(e -> e.table().id.schema() + "." + e.name())
                        .distinct()
                        .count();
            }
        };
    }

    /** The index of that name in that schema. */
    Optional<Entry> find(String schema, String name) {
        return entries.stream()
                .filter(e -> e.name().equals(name) && e.table().id.schema().equals(schema))
                .findFirst();
    }

    /**
     * Whether an index of {@code table} starts with {@code columns}, in that order: what InnoDB on MariaDB needs to
     * let a foreign key reference them (a non-unique index, or the leading columns of a composite one, will do).
     */
    boolean hasLeadingColumns(ModelTable table, List<String> columns) {
        return !columns.isEmpty()
                && entries.stream()
                        .anyMatch(e -> e.table() == table
                                && e.columns().size() >= columns.size()
                                && e.columns().subList(0, columns.size()).equals(columns));
    }

    void add(Entry entry) {
        entries.add(entry);
    }

    void remove(ModelTable table, String name) {
        entries.removeIf(e -> e.table() == table && e.name().equals(name));
    }

    void removeTable(ModelTable table) {
        entries.removeIf(e -> e.table() == table);
    }

    /** Drops the indexes over a column, as dropping the column does. */
    void removeColumn(ModelTable table, String column) {
        entries.removeIf(e -> e.table() == table && e.columns().contains(column));
    }

    void rename(ModelTable table, String from, String to) {
        entries.replaceAll(e -> e.table() == table && e.name().equals(from) ? e.renamed(to) : e);
    }

    void renameColumn(ModelTable table, String from, String to) {
        entries.replaceAll(e -> e.table() == table && e.columns().contains(from)
                ? new Entry(
                        table,
                        e.name(),
                        e.columns().stream().map(c -> c.equals(from) ? to : c).toList(),
                        e.unique(),
                        e.constraint(),
                        e.referencable())
                : e);
    }

    /** The indexes now, for a snapshot (O(1); never changed afterwards). */
    List<Entry> save() {
        return entries.save();
    }

    void restore(List<Entry> saved) {
        entries.restore(saved);
    }
}
