package dev.refguard.schema;

import java.util.List;
import java.util.Map;

/**
 * The columns refguard knows of tables the platform creates (Supabase), so FKs to them can be checked
 * without a migration that creates them. Other columns may exist: these tables stay "columns unknown".
 */
final class PlatformTables {
    private PlatformTables() {}

    /** A known platform table: key columns and the types of the columns FKs point at. */
    record Known(List<String> primaryKey, Map<String, String> columnTypes) {}

    private static final Map<TableId, Known> KNOWN = Map.of(
            new TableId("auth", "users"),
            new Known(
                    List.of("id"),
                    Map.of("id", "uuid", "email", "character varying(255)", "phone", "text", "instance_id", "uuid")),
            new TableId("storage", "buckets"),
            new Known(List.of("id"), Map.of("id", "text", "name", "text", "owner", "uuid")),
            new TableId("storage", "objects"),
            new Known(List.of("id"), Map.of("id", "uuid", "bucket_id", "text", "name", "text", "owner", "uuid")));

    static Known lookup(TableId id) {
        return KNOWN.get(id);
    }
}
