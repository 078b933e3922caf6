package dev.refguard.schema;

import dev.refguard.source.Dialect;
import java.util.Objects;
import java.util.Set;

/**
 * What the replay must know beyond the migrations: which tables exist without being created by them, and which
 * server's rules decide what a statement does.
 *
 * @param managedSchemas folded names of schemas the platform owns
 * @param externalTables tables that exist outside the migrations
 * @param sharedTables tables another project owns
 * @param dialect the server whose rules the replay follows
 */
public record ModelOptions(
        Set<String> managedSchemas, Set<TableId> externalTables, Set<TableId> sharedTables, Dialect dialect) {
    public ModelOptions {
        managedSchemas = Set.copyOf(managedSchemas);
        externalTables = Set.copyOf(externalTables);
        sharedTables = Set.copyOf(sharedTables);
        dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** PostgreSQL's replay. */
    public ModelOptions(Set<String> managedSchemas, Set<TableId> externalTables, Set<TableId> sharedTables) {
        this(managedSchemas, externalTables, sharedTables, Dialect.POSTGRESQL);
    }
}
