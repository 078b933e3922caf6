package dev.refguard.drift;

import dev.refguard.schema.TableId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a live database holds, as {@link CatalogReader} read it from {@code pg_class}, {@code pg_attribute},
 * {@code pg_index}, {@code pg_constraint} and {@code pg_namespace}: the tables of the schemas compared, with their
 * columns, keys and foreign keys, and the applied migrations when the database records them.
 *
 * @param tables the tables, by identity (folded names as PostgreSQL stores them)
 * @param appliedMigrations the versions in {@code supabase_migrations.schema_migrations}, sorted; empty when the
 *     database has no such table
 */
public record DatabaseCatalog(Map<TableId, Table> tables, Optional<List<String>> appliedMigrations) {
    public DatabaseCatalog {
        tables = Map.copyOf(tables);
        appliedMigrations = appliedMigrations.map(List::copyOf);
    }

    /**
     * A table of the database.
     *
     * @param id its schema and name
     * @param columns column name to type as {@code format_type} writes it, in column order
     * @param keys its primary key and unique keys (constraints and plain unique indexes; partial and expression
     *     indexes are left out, as no foreign key can use them)
     * @param foreignKeys the foreign keys declared on it
     */
    public record Table(TableId id, Map<String, String> columns, List<Key> keys, List<ForeignKey> foreignKeys) {
        public Table {
            columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
            keys = List.copyOf(keys);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /**
     * A primary or unique key.
     *
     * @param name the index's name
     * @param primary whether it is the primary key
     * @param columns its columns, in index order
     */
    public record Key(String name, boolean primary, List<String> columns) {
        public Key {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A foreign key.
     *
     * @param name the constraint's name
     * @param columns the referencing columns, in declaration order
     * @param target the referenced table
     * @param targetColumns the referenced columns, paired with {@code columns}
     */
    public record ForeignKey(String name, List<String> columns, TableId target, List<String> targetColumns) {
        public ForeignKey {
            columns = List.copyOf(columns);
            targetColumns = List.copyOf(targetColumns);
        }
    }
}
