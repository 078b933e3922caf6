package dev.refguard.schema;

import java.util.List;
import java.util.Map;

/**
 * The columns and keys of the tables the platform creates (Supabase), from {@link PlatformCatalog}, so FKs
 * to them are checked without a migration that creates them.
 */
final class PlatformTables {
    private PlatformTables() {}

    /**
     * A known platform table.
     *
     * @param primaryKey its primary key's columns
     * @param primaryKeyName its primary key's name ({@code users_pkey})
     * @param uniqueKeys its unique constraints and non-partial unique indexes by name (a partial unique index
     *     is not a key an FK may reference)
     */
    record Known(
            List<String> primaryKey,
            String primaryKeyName,
            Map<String, String> columnTypes,
            Map<String, List<String>> uniqueKeys) {}

    static Known lookup(TableId id) {
        PlatformCatalog.Table table = PlatformCatalog.supabase().table(id);
        if (table == null) {
            return null;
        }
        PlatformCatalog.Constraint pk = table.primaryKey();
        Map<String, List<String>> unique = new java.util.LinkedHashMap<>();
        for (PlatformCatalog.Constraint c : table.constraints()) {
            if (c.kind() == 'u') {
                unique.put(c.name(), c.columns());
            }
        }
        for (PlatformCatalog.Index i : table.indexes()) {
            boolean isConstraint =
                    table.constraints().stream().anyMatch(c -> c.name().equals(i.name()));
            if (i.unique() && !i.partial() && !isConstraint && !i.columns().isEmpty()) {
                unique.put(i.name(), i.columns());
            }
        }
        return new Known(pk == null ? List.of() : pk.columns(), pk == null ? null : pk.name(), table.columns(), unique);
    }

    /** Whether a table of a managed schema exists on the platform: schemas the platform catalogue lists are complete. */
    static boolean exists(TableId id) {
        PlatformCatalog platform = PlatformCatalog.supabase();
        return !platform.schemas().contains(id.schema()) || platform.table(id) != null;
    }
}
