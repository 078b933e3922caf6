package dev.refguard.schema;

import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The objects of the catalogue that guards ask about and that the table model does not keep: schemas,
 * types, indexes that are not keys, views and sequences (docs/replay.md, "Control flow"). Names are
 * {@code schema.name}, folded.
 */
final class CatalogObjects {
    final Set<String> schemas = new TreeSet<>();
    final Set<String> types = new HashSet<>();
    final Set<String> indexes = new HashSet<>();
    final Set<String> views = new HashSet<>();
    final Set<String> sequences = new HashSet<>();

    CatalogObjects(Set<String> initialSchemas) {
        schemas.add("public");
        schemas.addAll(initialSchemas);
        schemas.addAll(PlatformCatalog.supabase().schemas());
    }

    private CatalogObjects(CatalogObjects other) {
        schemas.addAll(other.schemas);
        types.addAll(other.types);
        indexes.addAll(other.indexes);
        views.addAll(other.views);
        sequences.addAll(other.sequences);
    }

    CatalogObjects copy() {
        return new CatalogObjects(this);
    }

    void restore(CatalogObjects saved) {
        schemas.clear();
        schemas.addAll(saved.schemas);
        types.clear();
        types.addAll(saved.types);
        indexes.clear();
        indexes.addAll(saved.indexes);
        views.clear();
        views.addAll(saved.views);
        sequences.clear();
        sequences.addAll(saved.sequences);
    }

    /**
     * Follows one statement's change; {@code place} gives the schema and name a name would be created as.
     */
    void observe(SchemaChange change, Function<QualifiedName, TableId> place, Function<QualifiedName, TableId> find) {
        if (change instanceof SchemaChange.CreateSchema c) {
            schemas.add(c.schema().folded());
        } else if (change instanceof SchemaChange.DropSchema d) {
            d.schemas().forEach(s -> schemas.remove(s.folded()));
        } else if (change instanceof SchemaChange.CreateType t) {
            types.add(key(place.apply(t.name())));
        } else if (change instanceof SchemaChange.RenameType r) {
            TableId old = place.apply(r.name());
            if (types.remove(key(old))) {
                types.add(old.schema() + "." + r.newName().folded());
            }
        } else if (change instanceof SchemaChange.DropType d) {
            d.names().forEach(n -> types.remove(key(place.apply(n))));
        } else if (change instanceof SchemaChange.CreateIndex i && i.name() != null) {
            TableId table = find.apply(i.table());
            if (table != null) {
                indexes.add(table.schema() + "." + i.name().folded());
            }
        } else if (change instanceof SchemaChange.DropIndex d) {
            for (QualifiedName n : d.indexes()) {
                if (n.schema() != null) {
                    indexes.remove(n.schema().folded() + "." + n.name().folded());
                } else {
                    indexes.removeIf(x -> x.endsWith("." + n.name().folded()));
                }
            }
        } else if (change instanceof SchemaChange.CreateRelation r) {
            TableId id = place.apply(r.name());
            (r.kind() == SchemaChange.RelationKind.SEQUENCE ? sequences : views).add(id.schema() + "." + id.name());
        }
    }

    static String key(TableId id) {
        return id.schema() + "." + id.name();
    }
}
