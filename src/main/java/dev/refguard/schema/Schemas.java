package dev.refguard.schema;

import dev.refguard.source.Layout;
import dev.refguard.source.MigrationHistory;
import java.util.HashSet;
import java.util.Set;

/** Which schemas exist before the first migration runs (docs/replay.md, "Schemas"). */
final class Schemas {
    /** The session's schema for temporary tables. */
    static final String TEMP = "pg_temp";

    private Schemas() {}

    /**
     * {@code public}, PostgreSQL's own schemas, the managed schemas of the platform, and the schemas of the
     * configured shared and external tables.
     */
    static Set<String> initial(ModelOptions options) {
        Set<String> schemas = new HashSet<>(Set.of("public", "pg_catalog", "information_schema", TEMP));
        schemas.addAll(options.managedSchemas());
        options.sharedTables().forEach(t -> schemas.add(t.schema()));
        options.externalTables().forEach(t -> schemas.add(t.schema()));
        return schemas;
    }

    /**
     * Whether every schema a history uses must be created by its migrations: Flyway creates the schemas
     * it is configured with before the first migration runs, so there a missing schema is not proven.
     */
    static boolean layoutCreatesNone(MigrationHistory history) {
        return history.layout() != Layout.FLYWAY;
    }
}
