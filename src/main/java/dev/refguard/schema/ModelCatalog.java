package dev.refguard.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The replay's model seen as PostgreSQL's catalogue ({@link CatalogView}), for the guards of {@code DO} blocks:
 * the tables, keys and FKs of the model, the other objects of {@link CatalogObjects}, and the platform's own
 * objects with their real names ({@link PlatformCatalog}) whether a migration has referenced them yet or not
 * (docs/replay.md, "Control flow"). A view answers for one guard: it is made for each, and the model does not
 * change while it is asked.
 */
final class ModelCatalog implements CatalogView {
    private final Map<TableId, ModelTable> tables;
    private final Set<String> uniqueIndexNames;
    private final CatalogObjects objects;
    private final Supplier<List<String>> searchPath;
    private final ModelOptions options;
    private final BooleanSupplier complete;
    private final Set<TableId> touchedByUnreadable;

    ModelCatalog(
            Map<TableId, ModelTable> tables,
            Set<String> uniqueIndexNames,
            CatalogObjects objects,
            Supplier<List<String>> searchPath,
            ModelOptions options,
            BooleanSupplier complete,
            Set<TableId> touchedByUnreadable) {
        this.tables = tables;
        this.uniqueIndexNames = uniqueIndexNames;
        this.objects = objects;
        this.searchPath = searchPath;
        this.options = options;
        this.complete = complete;
        this.touchedByUnreadable = touchedByUnreadable;
    }

    /** The platform's table of that id, when no migration has replaced or dropped it. */
    private PlatformCatalog.Table platform(TableId id) {
        if (!options.managedSchemas().contains(id.schema()) || tables.containsKey(id)) {
            return null;
        }
        return PlatformCatalog.supabase().table(id);
    }

    /** The schemas, computed once: a catalogue view lives for one guard, while the model does not change. */
    private List<String> schemas;

    @Override
    public List<String> schemas() {
        if (schemas == null) {
            Set<String> all = new TreeSet<>(objects.schemas);
            tables.keySet().forEach(id -> all.add(id.schema()));
            schemas = List.copyOf(all);
        }
        return schemas;
    }

    @Override
    public boolean schemaExists(String schema) {
        if (objects.schemas.contains(schema)) {
            return true;
        }
        for (TableId id : tables.keySet()) {
            if (id.schema().equals(schema)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<RelationKind> relation(String schema, String name) {
        TableId id = new TableId(schema, name);
        if (tables.containsKey(id) || platform(id) != null) {
            return Optional.of(RelationKind.TABLE);
        }
        String key = schema + "." + name;
        if (objects.views.contains(key)) {
            return Optional.of(RelationKind.VIEW);
        }
        if (objects.sequences.contains(key) || PlatformCatalog.supabase().otherRelation(schema, name)) {
            return Optional.of(RelationKind.SEQUENCE);
        }
        if (indexExists(schema, name)) {
            return Optional.of(RelationKind.INDEX);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> resolveRelation(String name) {
        for (String schema : searchPath()) {
            if (relation(schema, name).isPresent()) {
                return Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean columnExists(String schema, String table, String column) {
        TableId id = new TableId(schema, table);
        ModelTable t = tables.get(id);
        if (t != null) {
            return t.columns.containsKey(column);
        }
        PlatformCatalog.Table p = platform(id);
        return p != null && p.columns().containsKey(column);
    }

    @Override
    public Optional<String> columnType(String schema, String table, String column) {
        TableId id = new TableId(schema, table);
        ModelTable t = tables.get(id);
        if (t != null) {
            return Optional.ofNullable(t.columns.get(column)).map(ModelColumn::type);
        }
        PlatformCatalog.Table p = platform(id);
        return p == null
                ? Optional.empty()
                : Optional.ofNullable(p.columns().get(column)).map(SqlTypes::normalize);
    }

    @Override
    public List<ConstraintInfo> constraintsNamed(String name) {
        List<ConstraintInfo> found = new ArrayList<>();
        for (ModelTable t : tables.values()) {
            constraintsOf(t, name, found);
        }
        for (PlatformCatalog.Table p : PlatformCatalog.supabase().tables()) {
            if (platform(p.id()) != null) {
                constraintsOf(p, found);
            }
        }
        found.removeIf(c -> !c.name().equals(name));
        return found;
    }

    @Override
    public List<ConstraintInfo> constraintsOf(String schema, String table) {
        List<ConstraintInfo> found = new ArrayList<>();
        TableId id = new TableId(schema, table);
        ModelTable t = tables.get(id);
        if (t != null) {
            constraintsOf(t, null, found);
        } else if (platform(id) != null) {
            constraintsOf(platform(id), found);
        }
        return found;
    }

    /** The constraints of {@code t} (only those named {@code only} when it is not null) into {@code out}. */
    private void constraintsOf(ModelTable t, String only, List<ConstraintInfo> out) {
        String schema = t.id.schema();
        if (t.primaryKeyName != null && (only == null || only.equals(t.primaryKeyName))) {
            out.add(new ConstraintInfo(schema, t.id.name(), t.primaryKeyName, ConstraintKind.PRIMARY_KEY));
        }
        Collection<String> uniques =
                only == null ? t.uniqueKeys.keySet() : t.uniqueKeys.containsKey(only) ? List.of(only) : List.of();
        for (String name : uniques) {
            // a unique index is an index, not a constraint
            if (!uniqueIndexNames.contains(schema + "." + name) && !objects.indexes.contains(schema + "." + name)) {
                out.add(new ConstraintInfo(schema, t.id.name(), name, ConstraintKind.UNIQUE));
            }
        }
        for (ModelForeignKey fk : t.foreignKeys) {
            if (only == null || only.equals(fk.name)) {
                out.add(new ConstraintInfo(schema, t.id.name(), fk.name, ConstraintKind.FOREIGN_KEY));
            }
        }
    }

    private static void constraintsOf(PlatformCatalog.Table p, List<ConstraintInfo> out) {
        for (PlatformCatalog.Constraint c : p.constraints()) {
            ConstraintKind kind = switch (c.kind()) {
                case 'p' -> ConstraintKind.PRIMARY_KEY;
                case 'u' -> ConstraintKind.UNIQUE;
                case 'f' -> ConstraintKind.FOREIGN_KEY;
                case 'x' -> ConstraintKind.EXCLUSION;
                default -> ConstraintKind.CHECK;
            };
            out.add(new ConstraintInfo(p.id().schema(), p.id().name(), c.name(), kind));
        }
    }

    @Override
    public boolean indexExists(String schema, String name) {
        String key = schema + "." + name;
        if (objects.indexes.contains(key) || uniqueIndexNames.contains(key)) {
            return true;
        }
        for (ModelTable t : tables.values()) {
            // primary keys and unique constraints are backed by an index of their name
            if (t.id.schema().equals(schema) && (name.equals(t.primaryKeyName) || t.uniqueKeys.containsKey(name))) {
                return true;
            }
        }
        for (PlatformCatalog.Table p : PlatformCatalog.supabase().tables()) {
            if (p.id().schema().equals(schema)
                    && platform(p.id()) != null
                    && p.indexes().stream().anyMatch(i -> i.name().equals(name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean typeExists(String schema, String name) {
        TableId id = new TableId(schema, name);
        // every table has a row type of its name
        return objects.types.contains(schema + "." + name)
                || PlatformCatalog.supabase().type(schema, name)
                || tables.containsKey(id)
                || platform(id) != null;
    }

    @Override
    public List<String> searchPath() {
        List<String> path = new ArrayList<>();
        for (String schema : searchPath.get()) {
            if (schemaExists(schema)) {
                path.add(schema);
            }
        }
        return path;
    }

    @Override
    public boolean tableComplete(String schema, String table) {
        TableId id = new TableId(schema, table);
        ModelTable t = tables.get(id);
        if (t == null) {
            return platform(id) != null || !touchedByUnreadable.contains(id);
        }
        return t.columnsKnown && !t.incomplete && !touchedByUnreadable.contains(id);
    }

    @Override
    public boolean complete() {
        return complete.getAsBoolean();
    }
}
