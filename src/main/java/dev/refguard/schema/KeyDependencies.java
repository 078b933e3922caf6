package dev.refguard.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * What depends on what, as {@code pg_depend} records it for the objects the model follows: an FK depends
 * on the key (primary key, unique constraint or unique index) of the referenced table it uses, and on its
 * own columns; a key depends on its columns. Dropping an object takes the objects that depend on it
 * automatically (a column's keys, a table's own FKs) and refuses, without {@code CASCADE}, to take those of
 * other objects (the FKs that use a key). See docs/replay.md, "Dependencies".
 */
final class KeyDependencies {
    private KeyDependencies() {}

    /** The FKs that use the key {@code keyName} of {@code table}: dropping the key needs {@code CASCADE}. */
    static List<ModelForeignKey> dependentsOfKey(List<ModelForeignKey> all, ModelTable table, String keyName) {
        List<ModelForeignKey> out = new ArrayList<>();
        for (ModelForeignKey fk : all) {
            if (fk.to == table && keyName.equals(keyOf(fk))) {
                out.add(fk);
            }
        }
        return out;
    }

    /** The keys (by name) over {@code column}: dropping the column drops them. */
    static List<String> keysOver(ModelTable table, String column) {
        List<String> keys = new ArrayList<>();
        if (table.primaryKeyName != null && table.primaryKey.contains(column)) {
            keys.add(table.primaryKeyName);
        }
        table.uniqueKeys.forEach((name, cols) -> {
            if (cols.contains(column)) {
                keys.add(name);
            }
        });
        return keys;
    }

    /**
     * The FKs that dropping {@code column} takes only with {@code CASCADE}: those that use one of the
     * column's keys, except the table's own FKs over the column (they go with it anyway).
     */
    static List<ModelForeignKey> dependentsOfColumn(
            List<ModelForeignKey> all, ModelTable table, String column, List<String> keysOverColumn) {
        List<ModelForeignKey> out = new ArrayList<>();
        for (ModelForeignKey fk : all) {
            if (fk.to != table || (fk.from == table && fk.fromColumns.contains(column))) {
                continue;
            }
            String key = keyOf(fk);
            if (key != null ? keysOverColumn.contains(key) : fk.toColumns.contains(column)) {
                out.add(fk);
            }
        }
        return out;
    }

    /** The key an FK depends on; for an FK of unknown key (a platform table's), the primary key when it matches. */
    private static String keyOf(ModelForeignKey fk) {
        if (fk.referencedKey != null) {
            return fk.referencedKey;
        }
        return fk.to.referencableKey(fk.toColumns).orElse(null);
    }
}
