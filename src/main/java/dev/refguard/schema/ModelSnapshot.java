package dev.refguard.schema;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model's state at one moment, restored in place on {@code ROLLBACK}, {@code ROLLBACK TO SAVEPOINT}
 * and when a statement fails half way (PostgreSQL undoes the whole statement). Table and FK objects keep
 * their identity, so the FKs that point at a table stay valid after a restore. See docs/replay.md,
 * "Transactions".
 *
 * <p>A snapshot covers the model's containers (which tables exist, which FKs are in force, indexes,
 * constraint names, schemas, the search path, the user-defined types) and the fields of the tables in its scope: every table for a
 * transaction, the tables one statement may change for a statement.
 */
final class ModelSnapshot {
    /** The live containers a snapshot restores into. */
    record Live(
            CowCollections.CowMap<TableId, ModelTable> tables,
            CowCollections.CowList<ModelForeignKey> foreignKeys,
            Indexes indexes,
            ConstraintNames constraintNames,
            CowCollections.CowSet<String> schemas,
            SearchPath searchPath,
            TypeCatalog types) {}

    private record TableState(
            TableId id,
            Map<String, ModelColumn> columns,
            boolean columnsKnown,
            List<String> primaryKey,
            String primaryKeyName,
            Map<String, List<String>> uniqueKeys,
            List<String> keyOrder,
            Set<String> deferrableKeys,
            Set<String> indexOnlyKeys,
            List<ModelForeignKey> foreignKeys,
            boolean incomplete,
            boolean unlogged) {}

    private record ForeignKeyState(
            String name, List<String> fromColumns, List<String> toColumns, String referencedKey) {}

    private final Live live;
    private final Map<TableId, ModelTable> tables;
    private final List<ModelForeignKey> foreignKeys;
    private final List<Indexes.Entry> indexes;
    private final Set<String> constraintNames;
    private final Set<String> schemas;
    private final SearchPath.State searchPath;
    private final Map<String, TypeCatalog.UserType> types;
    private final Map<ModelTable, TableState> tableStates = new IdentityHashMap<>();
    private final Map<ModelForeignKey, ForeignKeyState> foreignKeyStates = new IdentityHashMap<>();

    private ModelSnapshot(Live live, Collection<ModelTable> scope) {
        this.live = live;
        // the containers are copy-on-write: saving them is O(1), the first change after it copies
        this.tables = live.tables().save();
        this.foreignKeys = live.foreignKeys().save();
        this.indexes = live.indexes().save();
        this.constraintNames = live.constraintNames().save();
        this.schemas = live.schemas().save();
        this.searchPath = live.searchPath().save();
        this.types = live.types().save();
        for (ModelTable t : scope) {
            tableStates.put(
                    t,
                    new TableState(
                            t.id,
                            t.columns.save(),
                            t.columnsKnown,
                            t.primaryKey.save(),
                            t.primaryKeyName,
                            t.uniqueKeys.save(),
                            t.keyOrder.save(),
                            t.deferrableKeys.save(),
                            t.indexOnlyKeys.save(),
                            t.foreignKeys.save(),
                            t.incomplete,
                            t.unlogged));
        }
        if (tableStates.isEmpty()) {
            return; // no table in scope: no FK of theirs to keep
        }
        for (ModelForeignKey fk : live.foreignKeys()) {
            if (tableStates.containsKey(fk.from) || tableStates.containsKey(fk.to)) {
                foreignKeyStates.put(
                        fk, new ForeignKeyState(fk.name, fk.fromColumns.save(), fk.toColumns.save(), fk.referencedKey));
            }
        }
    }

    /** The whole model: what {@code BEGIN} and {@code SAVEPOINT} keep. */
    static ModelSnapshot of(Live live) {
        return new ModelSnapshot(live, List.copyOf(live.tables().values()));
    }

    /** The containers and the fields of the tables in {@code scope}: what one statement may change. */
    static ModelSnapshot of(Live live, Collection<ModelTable> scope) {
        return new ModelSnapshot(live, scope);
    }

    /** Puts the model back as it was when this snapshot was taken. */
    void restore() {
        live.tables().restore(tables);
        live.foreignKeys().restore(foreignKeys);
        live.indexes().restore(indexes);
        live.constraintNames().restore(constraintNames);
        live.schemas().restore(schemas);
        live.searchPath().restore(searchPath);
        live.types().restore(types);
        tableStates.forEach((t, s) -> {
            t.id = s.id();
            t.columns.restore(s.columns());
            t.columnsKnown = s.columnsKnown();
            t.primaryKey.restore(s.primaryKey());
            t.primaryKeyName = s.primaryKeyName();
            t.uniqueKeys.restore(s.uniqueKeys());
            t.keyOrder.restore(s.keyOrder());
            t.deferrableKeys.restore(s.deferrableKeys());
            t.indexOnlyKeys.restore(s.indexOnlyKeys());
            t.foreignKeys.restore(s.foreignKeys());
            t.incomplete = s.incomplete();
            t.unlogged = s.unlogged();
        });
        foreignKeyStates.forEach((fk, s) -> {
            fk.name = s.name();
            fk.fromColumns.restore(s.fromColumns());
            fk.toColumns.restore(s.toColumns());
            fk.referencedKey = s.referencedKey();
        });
    }
}
