package dev.refguard.schema;

import java.util.List;
import java.util.Optional;

/**
 * What the catalogue of the replayed model answers at one point of a history: the questions a
 * {@code DO} block's guard asks PostgreSQL's catalogue ({@code information_schema.tables},
 * {@code pg_constraint}, {@code to_regclass(...)}, ...). Every name is already folded as PostgreSQL
 * folds identifiers. The platform's own objects (Supabase's {@code auth.users} with {@code users_pkey})
 * are part of the answers, as they are in production.
 *
 * <p>Implemented by the replay's catalogue; read by the guard evaluator, which never changes it.
 */
public interface CatalogView {

    /** The kinds of relation {@code pg_class.relkind} distinguishes that guards ask about. */
    enum RelationKind {
        TABLE,
        PARTITIONED_TABLE,
        VIEW,
        MATERIALIZED_VIEW,
        INDEX,
        SEQUENCE,
        FOREIGN_TABLE
    }

    /** The kinds of constraint {@code pg_constraint.contype} distinguishes. */
    enum ConstraintKind {
        PRIMARY_KEY,
        UNIQUE,
        FOREIGN_KEY,
        CHECK,
        EXCLUSION,
        NOT_NULL
    }

    /**
     * One constraint as {@code pg_constraint} / {@code information_schema.table_constraints} show it.
     *
     * @param schema the schema of its table
     * @param table its table
     * @param name its name
     * @param kind its kind
     */
    record ConstraintInfo(String schema, String table, String name, ConstraintKind kind) {}

    /**
     * Every schema that exists now, in name order ({@code pg_namespace}): guards that ask about a name in any
     * schema ({@code WHERE table_name = 'x'}, {@code WHERE conname = 'x'}) look in each.
     */
    List<String> schemas();

    /** Whether the schema exists ({@code pg_namespace}, {@code information_schema.schemata}). */
    boolean schemaExists(String schema);

    /** The relation of that name in that schema, if any ({@code pg_class} joined to {@code pg_namespace}). */
    Optional<RelationKind> relation(String schema, String name);

    /**
     * Where an unqualified relation name resolves through the current {@code search_path}
     * ({@code to_regclass('users')}): the schema holding it, if any.
     */
    Optional<String> resolveRelation(String name);

    /** Whether the table has that column ({@code information_schema.columns}, {@code pg_attribute}). */
    boolean columnExists(String schema, String table, String column);

    /** The column's normalised type, if the table and column are known. */
    Optional<String> columnType(String schema, String table, String column);

    /** Every constraint of that name, in any table of any schema ({@code conname} is not unique). */
    List<ConstraintInfo> constraintsNamed(String name);

    /** Every constraint of one table. */
    List<ConstraintInfo> constraintsOf(String schema, String table);

    /** Whether an index of that name exists in that schema ({@code pg_indexes}, {@code pg_class}). */
    boolean indexExists(String schema, String name);

    /** Whether a type (enum, domain, composite, a table's row type) of that name exists in that schema ({@code pg_type}). */
    boolean typeExists(String schema, String name);

    /** The effective search path now, schemas that do not exist left out, {@code pg_temp} first when it has tables. */
    List<String> searchPath();

    /**
     * Whether a negative answer about this table (a missing column or constraint) can be trusted: false
     * when a statement that could not be read touched it, or its columns are not all known.
     */
    boolean tableComplete(String schema, String table);

    /**
     * Whether a negative answer about existence can be trusted anywhere: false once a statement that
     * could not be read, or an {@code EXECUTE} of a computed string, may have created objects the model
     * cannot see.
     */
    boolean complete();
}
