package dev.refguard.schema;

import dev.refguard.parse.SourcePosition;
import dev.refguard.source.MigrationFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A table in the replayed model; mutated only by {@link SchemaReplay}. */
public final class ModelTable {
    TableId id;
    final TableOrigin origin;
    final MigrationFile createdBy;
    final SourcePosition createdAt;
    final Map<String, ModelColumn> columns = new LinkedHashMap<>();
    boolean columnsKnown;
    final List<String> primaryKey = new ArrayList<>();
    String primaryKeyName;
    /** Unique constraints and unique indexes: name to columns. */
    final Map<String, List<String>> uniqueKeys = new LinkedHashMap<>();

    final List<ModelForeignKey> foreignKeys = new ArrayList<>();
    boolean incomplete;
    /** Created, renamed, moved, dropped: in order (kept by {@link TableStories}). */
    final List<TableStep> story = new ArrayList<>();

    ModelTable(
            TableId id, TableOrigin origin, MigrationFile createdBy, SourcePosition createdAt, boolean columnsKnown) {
        this.id = id;
        this.origin = origin;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.columnsKnown = columnsKnown;
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

    /** Primary key columns, empty when none or unknown. */
    public List<String> primaryKey() {
        return List.copyOf(primaryKey);
    }

    /** Unique constraints and unique indexes, each a list of columns. */
    public List<List<String>> uniqueKeys() {
        return List.copyOf(uniqueKeys.values());
    }

    /** Whether {@code cols} (in any order) is the primary key or a unique key. */
    public boolean isUniqueKey(List<String> cols) {
        if (sameSet(primaryKey, cols)) {
            return true;
        }
        return uniqueKeys.values().stream().anyMatch(k -> sameSet(k, cols));
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

    /** {@code schema.name} with {@code public.} left out, e.g. {@code setlists} or {@code auth.users}. */
    public String displayName() {
        return id.displayName();
    }
}
