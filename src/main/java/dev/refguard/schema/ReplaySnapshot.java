package dev.refguard.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of the model at a subtransaction's start ({@code BEGIN ... EXCEPTION} in a {@code DO} block), to
 * put back when an error is caught: PostgreSQL then undoes everything the block did (docs/replay-guards.md).
 * Tables and FKs are restored in place, so every reference to them stays valid.
 */
final class ReplaySnapshot {
    private record TableState(
            TableId id,
            Map<String, ModelColumn> columns,
            boolean columnsKnown,
            List<String> primaryKey,
            String primaryKeyName,
            Map<String, List<String>> uniqueKeys,
            List<ModelForeignKey> foreignKeys,
            boolean incomplete) {}

    private record ForeignKeyState(String name, List<String> fromColumns, List<String> toColumns) {}

    private final Map<TableId, ModelTable> tables;
    private final Map<ModelTable, TableState> tableStates = new HashMap<>();
    private final List<ModelForeignKey> foreignKeys;
    private final Map<ModelForeignKey, ForeignKeyState> foreignKeyStates = new HashMap<>();
    private final Map<String, Object> uniqueIndexes;
    private final Set<String> constraintNames;
    private final CatalogObjects objects;
    private final Set<TableId> touchedByUnreadable;
    final int eventCount;

    ReplaySnapshot(
            Map<TableId, ModelTable> tables,
            List<ModelForeignKey> foreignKeys,
            Map<String, ?> uniqueIndexes,
            ConstraintNames names,
            CatalogObjects objects,
            Set<TableId> touchedByUnreadable,
            int eventCount) {
        this.tables = new LinkedHashMap<>(tables);
        for (ModelTable t : tables.values()) {
            tableStates.put(
                    t,
                    new TableState(
                            t.id,
                            new LinkedHashMap<>(t.columns),
                            t.columnsKnown,
                            List.copyOf(t.primaryKey),
                            t.primaryKeyName,
                            new LinkedHashMap<>(t.uniqueKeys),
                            List.copyOf(t.foreignKeys),
                            t.incomplete));
        }
        this.foreignKeys = List.copyOf(foreignKeys);
        for (ModelForeignKey fk : foreignKeys) {
            foreignKeyStates.put(
                    fk, new ForeignKeyState(fk.name, List.copyOf(fk.fromColumns), List.copyOf(fk.toColumns)));
        }
        this.uniqueIndexes = new HashMap<>(uniqueIndexes);
        this.constraintNames = names.save();
        this.objects = objects.copy();
        this.touchedByUnreadable = Set.copyOf(touchedByUnreadable);
        this.eventCount = eventCount;
    }

    @SuppressWarnings("unchecked")
    void restore(
            Map<TableId, ModelTable> liveTables,
            List<ModelForeignKey> liveForeignKeys,
            Map<String, ?> liveUniqueIndexes,
            ConstraintNames names,
            CatalogObjects liveObjects,
            Set<TableId> liveTouched) {
        liveTables.clear();
        liveTables.putAll(tables);
        tableStates.forEach((t, s) -> {
            t.id = s.id();
            t.columns.clear();
            t.columns.putAll(s.columns());
            t.columnsKnown = s.columnsKnown();
            t.primaryKey.clear();
            t.primaryKey.addAll(s.primaryKey());
            t.primaryKeyName = s.primaryKeyName();
            t.uniqueKeys.clear();
            t.uniqueKeys.putAll(s.uniqueKeys());
            t.foreignKeys.clear();
            t.foreignKeys.addAll(s.foreignKeys());
            t.incomplete = s.incomplete();
        });
        liveForeignKeys.clear();
        liveForeignKeys.addAll(foreignKeys);
        foreignKeyStates.forEach((fk, s) -> {
            fk.name = s.name();
            fk.fromColumns.clear();
            fk.fromColumns.addAll(s.fromColumns());
            fk.toColumns.clear();
            fk.toColumns.addAll(s.toColumns());
        });
        liveUniqueIndexes.clear();
        ((Map<String, Object>) liveUniqueIndexes).putAll(uniqueIndexes);
        names.restore(constraintNames);
        liveObjects.restore(objects);
        liveTouched.clear();
        liveTouched.addAll(touchedByUnreadable);
    }
}
