package dev.refguard.schema;

import java.util.Set;

/**
 * What the replay must know beyond the migrations: which tables exist without being created by them.
 *
 * @param managedSchemas folded names of schemas the platform owns
 * @param externalTables tables that exist outside the migrations
 * @param sharedTables tables another project owns
 */
public record ModelOptions(Set<String> managedSchemas, Set<TableId> externalTables, Set<TableId> sharedTables) {
    public ModelOptions {
        managedSchemas = Set.copyOf(managedSchemas);
        externalTables = Set.copyOf(externalTables);
        sharedTables = Set.copyOf(sharedTables);
    }
}
