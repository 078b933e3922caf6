package dev.refguard.schema;

import dev.refguard.parse.SourcePosition;
import dev.refguard.source.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table in the replayed model; mutated only by {@link SchemaReplay}. Events and the final result
 * hold {@link #snapshot() snapshots}, which nothing changes afterwards (docs/replay.md, "Events").
 */
public final class ModelTable {
    TableId id;
    final TableOrigin origin;
    final MigrationFile createdBy;
    final SourcePosition createdAt;
    final CowCollections.CowMap<String, ModelColumn> columns = new CowCollections.CowMap<>(true);
    boolean columnsKnown;
    /**
     * Whether every key of the table is in the model although its columns are not ({@code CREATE TABLE ... AS},
     * {@code SELECT ... INTO}, a typed table): an FK over columns no key covers is rejected.
     */
    boolean keysKnown;
    /** {@code UNLOGGED}: a permanent table's FK may not reference it (a temporary one lives in {@code pg_temp}). */
    boolean unlogged;
    /** {@code PARTITION BY}: a partitioned table, which {@code PARTITION OF} may name and {@code INHERITS} may not. */
    boolean partitioned;

    final CowCollections.CowList<String> primaryKey = new CowCollections.CowList<>();
    String primaryKeyName;
    /** Unique constraints and unique indexes: name to columns. */
    final CowCollections.CowMap<String, List<String>> uniqueKeys = new CowCollections.CowMap<>(true);
    /** Keys declared {@code DEFERRABLE}: no FK may reference them. */
    final CowCollections.CowSet<String> deferrableKeys = new CowCollections.CowSet<>();
    /** The names of the primary key and of {@link #uniqueKeys}, in creation order (the order of their index OIDs). */
    final CowCollections.CowList<String> keyOrder = new CowCollections.CowList<>();
    /** Entries of {@link #uniqueKeys} that are bare unique indexes, not constraints. */
    final CowCollections.CowSet<String> indexOnlyKeys = new CowCollections.CowSet<>();

    final CowCollections.CowList<ModelForeignKey> foreignKeys = new CowCollections.CowList<>();
    boolean incomplete;
    /** Created, renamed, moved, dropped: in order (kept by {@link TableStories}). */
    final List<TableStep> story = new ArrayList<>();
    /**
     * The table's identity, like a PostgreSQL OID: the same for the live table and every snapshot of it, so
     * rules can tell whether an event's snapshot and a table of the final model are one object.
     */
    final long oid;

    ModelTable(
            TableId id, TableOrigin origin, MigrationFile createdBy, SourcePosition createdAt, boolean columnsKnown) {
        this(ObjectIds.next(), id, origin, createdBy, createdAt, columnsKnown);
    }

    private ModelTable(
            long oid,
            TableId id,
            TableOrigin origin,
            MigrationFile createdBy,
            SourcePosition createdAt,
            boolean columnsKnown) {
        this.oid = oid;
        this.id = id;
        this.origin = origin;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.columnsKnown = columnsKnown;
    }

    /** The table's identity: equal for a table and its snapshots, different for any two tables. */
    public long oid() {
        return oid;
    }

    /** The table's current name. */
    public TableId id() {
        return id;
    }

    /** Why it exists. */
    public TableOrigin origin() {
        return origin;
    }

    /** The file that created it, or {@code null} for tables that exist without a migration. */
    public MigrationFile createdBy() {
        return createdBy;
    }

    /** Where it was created, or {@code null}. */
    public SourcePosition createdAt() {
        return createdAt;
    }

    /** Columns in declaration order. */
    public List<ModelColumn> columns() {
        return List.copyOf(columns.values());
    }

    /** The column named {@code folded}, if the model knows it. */
    public Optional<ModelColumn> column(String folded) {
        return Optional.ofNullable(columns.get(folded));
    }

    /** Whether every column is known (false for platform tables and {@code CREATE TABLE ... AS}). */
    public boolean columnsKnown() {
        return columnsKnown;
    }

    /** Whether the model knows every key of the table: it knows every column, or the statement said its keys. */
    boolean keysKnown() {
        return columnsKnown || keysKnown;
    }

    /** Primary key columns, empty when none or unknown. */
    public List<String> primaryKey() {
        return List.copyOf(primaryKey);
    }

    /** Unique constraints and unique indexes, each a list of columns. */
    public List<List<String>> uniqueKeys() {
        return List.copyOf(uniqueKeys.values());
    }

    /**
     * The key an FK over {@code cols} would use, as PostgreSQL's {@code transformFkeyCheckAttrs} picks it:
     * the first key (primary key first, then unique keys in creation order) over exactly those columns, in
     * any order, that is not {@code DEFERRABLE}.
     */
    Optional<String> referencableKey(List<String> cols) {
        for (String name : keyOrder) {
            List<String> keyCols = name.equals(primaryKeyName) ? primaryKey : uniqueKeys.get(name);
            if (keyCols != null && sameSet(keyCols, cols) && !deferrableKeys.contains(name)) {
                return Optional.of(name);
            }
        }
        // keys the table had before key order was followed (platform tables)
        if (primaryKeyName != null && sameSet(primaryKey, cols) && !deferrableKeys.contains(primaryKeyName)) {
            return Optional.of(primaryKeyName);
        }
        return uniqueKeys.entrySet().stream()
                .filter(e -> sameSet(e.getValue(), cols) && !deferrableKeys.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Whether {@code cols} is unique only through {@code DEFERRABLE} keys. */
    boolean onlyDeferrableKey(List<String> cols) {
        return isUniqueKey(cols) && referencableKey(cols).isEmpty();
    }

    /** Whether {@code name} is this table's primary key or one of its unique constraints (not a bare index). */
    boolean hasKeyConstraint(String name) {
        return name.equals(primaryKeyName) || (uniqueKeys.containsKey(name) && !indexOnlyKeys.contains(name));
    }

    /** Whether {@code cols} (in any order) is the primary key or a unique key. */
    public boolean isUniqueKey(List<String> cols) {
        if (sameSet(primaryKey, cols)) {
            return true;
        }
        return uniqueKeys.values().stream().anyMatch(k -> sameSet(k, cols));
    }

    /** Whether two column lists hold the same columns, in any order. */
    static boolean sameColumns(List<String> a, List<String> b) {
        return sameSet(a, b);
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return !a.isEmpty() && a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
    }

    /** The FKs declared on this table, in force now. */
    public List<ModelForeignKey> foreignKeys() {
        return List.copyOf(foreignKeys);
    }

    /** What happened to the table, in order: created, renamed, moved, dropped (file and line of each). */
    public List<TableStep> story() {
        return List.copyOf(story);
    }

    /** Whether a statement that could not be read touched it. */
    public boolean incomplete() {
        return incomplete;
    }

    /** The names of the primary key and unique constraints, bare unique indexes left out. */
    public List<String> keyConstraintNames() {
        List<String> names = new ArrayList<>();
        if (primaryKeyName != null) {
            names.add(primaryKeyName);
        }
        uniqueKeys.keySet().stream().filter(n -> !indexOnlyKeys.contains(n)).forEach(names::add);
        return names;
    }

    /** Whether the key of that name is {@code DEFERRABLE}. */
    public boolean deferrable(String keyName) {
        return deferrableKeys.contains(keyName);
    }

    /**
     * A copy of the table as it is now, for events and results: later statements never change it. Its FKs
     * are copies too, whose referenced tables are copies without FKs of their own.
     */
    public ModelTable snapshot() {
        ModelTable copy = copyWithoutForeignKeys();
        for (ModelForeignKey fk : foreignKeys) {
            copy.foreignKeys.add(fk.copy(copy, fk.to == this ? copy : fk.to.copyWithoutForeignKeys()));
        }
        return copy;
    }

    ModelTable copyWithoutForeignKeys() {
        ModelTable copy = new ModelTable(oid, id, origin, createdBy, createdAt, columnsKnown);
        copy.story.addAll(story);
        // copy-on-write: the copy shares the collections until either side changes them
        copy.columns.restore(columns.save());
        copy.primaryKey.restore(primaryKey.save());
        copy.primaryKeyName = primaryKeyName;
        copy.uniqueKeys.restore(uniqueKeys.save());
        copy.keyOrder.restore(keyOrder.save());
        copy.deferrableKeys.restore(deferrableKeys.save());
        copy.indexOnlyKeys.restore(indexOnlyKeys.save());
        copy.incomplete = incomplete;
        copy.keysKnown = keysKnown;
        copy.unlogged = unlogged;
        copy.partitioned = partitioned;
        return copy;
    }

    /** {@code schema.name} with {@code public.} left out, e.g. {@code setlists} or {@code auth.users}. */
    public String displayName() {
        return id.displayName();
    }
}
