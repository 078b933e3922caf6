package dev.refguard.parse;

import java.util.List;

/**
 * What one statement does to the schema, as far as refguard models it. The parser (JSqlParser or the
 * token fallback) turns each model-relevant statement into zero or more of these; the schema replay
 * applies them in migration order.
 */
public sealed interface SchemaChange {

    /** Where the statement (or the clause that matters) starts in the file. */
    SourcePosition position();

    /**
     * {@code CREATE [UNLOGGED|TEMP] TABLE [IF NOT EXISTS] name (...)}.
     *
     * @param columnsKnown {@code false} when the column list could not be read completely (e.g. {@code AS SELECT})
     * @param position where the table's name stands (its first part), whichever reader read it
     * @param form the tables and query it takes columns and keys from, and whether it is temporary
     */
    record CreateTable(
            QualifiedName table,
            boolean ifNotExists,
            List<ColumnSpec> columns,
            List<KeySpec> keys,
            List<ForeignKeySpec> foreignKeys,
            boolean columnsKnown,
            SourcePosition position,
            TableForm form)
            implements SchemaChange {
        public CreateTable {
            columns = List.copyOf(columns);
            keys = List.copyOf(keys);
            foreignKeys = List.copyOf(foreignKeys);
            form = form == null ? TableForm.PLAIN : form;
        }
    }

    /**
     * How a CREATE TABLE makes its table, beyond its own column list.
     *
     * @param temporary {@code TEMP}/{@code TEMPORARY}: the table lives in {@code pg_temp} until the session ends
     * @param likes {@code LIKE t [INCLUDING ...|EXCLUDING ...]} elements, in order
     * @param partitionOf {@code PARTITION OF parent}, or {@code null}: the partition inherits the parent's
     *     columns, primary key and unique constraints
     * @param inherits {@code INHERITS (a, b)}: columns inherited, no keys
     * @param asQuery {@code CREATE TABLE ... AS ...} or {@code SELECT ... INTO t}: columns from a query, no keys
     * @param partitioned {@code PARTITION BY ...}
     * @param ofType {@code OF type}, or {@code null}: a typed table, its columns those of a composite type
     * @param unlogged {@code UNLOGGED}: a permanent table's FK may not reference it
     */
    record TableForm(
            boolean temporary,
            List<Like> likes,
            QualifiedName partitionOf,
            List<QualifiedName> inherits,
            boolean asQuery,
            boolean partitioned,
            QualifiedName ofType,
            boolean unlogged) {
        /** An ordinary table defined by its own column list. */
        public static final TableForm PLAIN =
                new TableForm(false, List.of(), null, List.of(), false, false, null, false);

        public TableForm {
            likes = List.copyOf(likes);
            inherits = List.copyOf(inherits);
        }

        /** A logged table that is not typed ({@code OF type}). */
        public TableForm(
                boolean temporary,
                List<Like> likes,
                QualifiedName partitionOf,
                List<QualifiedName> inherits,
                boolean asQuery,
                boolean partitioned) {
            this(temporary, likes, partitionOf, inherits, asQuery, partitioned, null, false);
        }

        /**
         * Whether the statement says every key the table gets although not every column: a table made from a
         * query has none, a typed table those its statement declares.
         */
        public boolean keysWithoutColumns() {
            return asQuery || ofType != null;
        }
    }

    /**
     * {@code LIKE source [INCLUDING x | EXCLUDING x ...]} inside a CREATE TABLE.
     *
     * @param including what is copied besides column names, types and NOT NULL ({@code INCLUDING ALL} is every option)
     */
    record Like(QualifiedName source, java.util.Set<LikeOption> including, SourcePosition position) {
        public Like {
            including = java.util.Set.copyOf(including);
        }
    }

    /** The {@code INCLUDING} options of {@code LIKE}. */
    enum LikeOption {
        COMMENTS,
        COMPRESSION,
        CONSTRAINTS,
        DEFAULTS,
        GENERATED,
        IDENTITY,
        INDEXES,
        STATISTICS,
        STORAGE
    }

    /** MySQL's {@code SET FOREIGN_KEY_CHECKS = 0|1}: lasts until the end of the session (the file). */
    record ForeignKeyChecks(boolean enabled, SourcePosition position) implements SchemaChange {}

    /**
     * {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...}.
     *
     * @param position where the table's name stands (its first part), whichever reader read it
     */
    record AlterTable(QualifiedName table, boolean ifExists, List<AlterAction> actions, SourcePosition position)
            implements SchemaChange {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    /** {@code DROP TABLE [IF EXISTS] a, b [CASCADE]}. */
    record DropTable(List<QualifiedName> tables, boolean ifExists, boolean cascade, SourcePosition position)
            implements SchemaChange {
        public DropTable {
            tables = List.copyOf(tables);
        }
    }

    /** {@code CREATE [UNIQUE] INDEX ... ON table (columns)}; only unique ones matter to FKs. */
    record CreateIndex(
            Identifier name,
            QualifiedName table,
            List<Identifier> columns,
            boolean unique,
            SourcePosition position,
            boolean partial,
            boolean hasExpressions,
            boolean ifNotExists)
            implements SchemaChange {
        public CreateIndex {
            columns = List.copyOf(columns);
        }

        /** A plain index over columns (no {@code WHERE}, no expressions, no {@code IF NOT EXISTS}). */
        public CreateIndex(
                Identifier name,
                QualifiedName table,
                List<Identifier> columns,
                boolean unique,
                SourcePosition position) {
            this(name, table, columns, unique, position, false, false, false);
        }
    }

    /** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] a, b [CASCADE]}. */
    record DropIndex(List<QualifiedName> indexes, boolean ifExists, boolean cascade, SourcePosition position)
            implements SchemaChange {
        public DropIndex {
            indexes = List.copyOf(indexes);
        }
    }

    /** {@code CREATE SCHEMA [IF NOT EXISTS] name}. */
    record CreateSchema(Identifier schema, SourcePosition position, boolean ifNotExists, List<SchemaChange> elements)
            implements SchemaChange {
        public CreateSchema {
            elements = List.copyOf(elements);
        }

        /** {@code CREATE SCHEMA name} with no elements. */
        public CreateSchema(Identifier schema, SourcePosition position) {
            this(schema, position, false, List.of());
        }
    }

    /** {@code DROP SCHEMA [IF EXISTS] a, b [CASCADE]}. */
    record DropSchema(List<Identifier> schemas, boolean cascade, SourcePosition position) implements SchemaChange {
        public DropSchema {
            schemas = List.copyOf(schemas);
        }
    }

    /** {@code SET search_path TO a, b} (also {@code set_config('search_path', ...)}). */
    record SetSearchPath(List<Identifier> schemas, SourcePosition position, boolean local, boolean toDefault)
            implements SchemaChange {
        public SetSearchPath {
            schemas = List.copyOf(schemas);
        }

        /** A session-level {@code SET search_path TO a, b}. */
        public SetSearchPath(List<Identifier> schemas, SourcePosition position) {
            this(schemas, position, false, false);
        }
    }

    /**
     * A transaction command: {@code BEGIN}/{@code START TRANSACTION}, {@code COMMIT}/{@code END},
     * {@code ROLLBACK}/{@code ABORT}, {@code SAVEPOINT s}, {@code RELEASE [SAVEPOINT] s},
     * {@code ROLLBACK TO [SAVEPOINT] s}.
     *
     * @param savepoint the savepoint's name, or {@code null}
     */
    record Transaction(TransactionCommand command, Identifier savepoint, SourcePosition position)
            implements SchemaChange {}

    /** What a {@link Transaction} does. */
    enum TransactionCommand {
        BEGIN,
        COMMIT,
        ROLLBACK,
        SAVEPOINT,
        RELEASE_SAVEPOINT,
        ROLLBACK_TO_SAVEPOINT
    }

    /**
     * {@code CREATE TYPE name AS ENUM (...)}, {@code CREATE DOMAIN name AS base}, {@code CREATE TYPE name AS (...)}.
     *
     * @param baseType for a domain, its base type as written; otherwise {@code null}
     */
    record CreateType(QualifiedName name, TypeKind kind, String baseType, SourcePosition position)
            implements SchemaChange {}

    /** The kinds of user-defined type. */
    enum TypeKind {
        ENUM,
        DOMAIN,
        COMPOSITE,
        RANGE,
        OTHER
    }

    /** {@code ALTER TYPE|DOMAIN name RENAME TO new_name}: the type keeps its identity, columns of it keep it. */
    record RenameType(QualifiedName name, Identifier newName, SourcePosition position) implements SchemaChange {}

    /** {@code DROP TYPE|DOMAIN [IF EXISTS] a, b [CASCADE]}. */
    record DropType(List<QualifiedName> names, boolean ifExists, boolean cascade, SourcePosition position)
            implements SchemaChange {
        public DropType {
            names = List.copyOf(names);
        }
    }

    /**
     * A relation that is not a table but that guards ({@code to_regclass}) and FKs (which reject it) may
     * name: {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW}, {@code CREATE SEQUENCE}.
     */
    record CreateRelation(QualifiedName name, RelationKind kind, SourcePosition position) implements SchemaChange {}

    /** The kinds of {@link CreateRelation}. */
    enum RelationKind {
        VIEW,
        MATERIALIZED_VIEW,
        SEQUENCE
    }

    /**
     * A {@code DO} block, its body kept in PostgreSQL's control flow.
     *
     * @param body the steps of the block's outermost {@code BEGIN ... END}
     */
    record DoBlock(List<dev.refguard.parse.block.BlockStep> body, SourcePosition position) implements SchemaChange {
        public DoBlock {
            body = List.copyOf(body);
        }
    }

    /** {@code TRUNCATE [TABLE] a, b [CASCADE]}. */
    record Truncate(List<QualifiedName> tables, boolean cascade, SourcePosition position) implements SchemaChange {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /** {@code DELETE FROM table} without a WHERE clause. */
    record DeleteAll(QualifiedName table, SourcePosition position) implements SchemaChange {}

    /**
     * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name ... ON table ... EXECUTE FUNCTION function()}.
     *
     * @param events the events in upper case, e.g. {@code INSERT}, {@code UPDATE}
     */
    record CreateTrigger(
            Identifier name, QualifiedName table, QualifiedName function, List<String> events, SourcePosition position)
            implements SchemaChange {
        public CreateTrigger {
            events = List.copyOf(events);
        }
    }

    /**
     * {@code CREATE [OR REPLACE] FUNCTION name(...) ... AS $$body$$}.
     *
     * @param body the function body text (between the dollar quotes), or {@code ""} when unknown
     */
    record CreateFunction(QualifiedName name, String body, SourcePosition position) implements SchemaChange {}

    /** One action of an ALTER TABLE. */
    sealed interface AlterAction {
        /** Where the action starts in the file. */
        SourcePosition position();
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] col type [REFERENCES ...]}; {@code foreignKey} may be {@code null}. */
    record AddColumn(ColumnSpec column, boolean ifNotExists, ForeignKeySpec foreignKey, SourcePosition position)
            implements AlterAction {}

    /** {@code DROP [COLUMN] [IF EXISTS] col [CASCADE]}. */
    record DropColumn(Identifier column, boolean ifExists, boolean cascade, SourcePosition position)
            implements AlterAction {}

    /** {@code ADD [CONSTRAINT name] FOREIGN KEY (...) REFERENCES ... [NOT VALID]}. */
    record AddForeignKey(ForeignKeySpec foreignKey, SourcePosition position) implements AlterAction {}

    /** {@code ADD [CONSTRAINT name] PRIMARY KEY|UNIQUE (...)} (also {@code USING INDEX name}: then columns are empty). */
    record AddKey(KeySpec key, Identifier usingIndex, SourcePosition position) implements AlterAction {}

    /** {@code DROP CONSTRAINT [IF EXISTS] name}. */
    record DropConstraint(Identifier name, boolean ifExists, SourcePosition position, boolean cascade)
            implements AlterAction {
        /** {@code DROP CONSTRAINT name} without {@code CASCADE}. */
        public DropConstraint(Identifier name, boolean ifExists, SourcePosition position) {
            this(name, ifExists, position, false);
        }
    }

    /** {@code RENAME TO new_name}. */
    record RenameTable(Identifier newName, SourcePosition position) implements AlterAction {}

    /** {@code RENAME [COLUMN] a TO b}. */
    record RenameColumn(Identifier from, Identifier to, SourcePosition position) implements AlterAction {}

    /** {@code RENAME CONSTRAINT a TO b}. */
    record RenameConstraint(Identifier from, Identifier to, SourcePosition position) implements AlterAction {}

    /** {@code SET LOGGED} ({@code logged}) or {@code SET UNLOGGED}. */
    record SetLogged(boolean logged, SourcePosition position) implements AlterAction {}

    /** {@code SET SCHEMA s}. */
    record SetSchema(Identifier schema, SourcePosition position) implements AlterAction {}

    /** {@code ALTER [COLUMN] col [SET DATA] TYPE type [USING ...]}. */
    record AlterColumnType(Identifier column, String type, SourcePosition position) implements AlterAction {}

    /** {@code ALTER [COLUMN] col SET DEFAULT expr}. */
    record AlterColumnDefault(Identifier column, String defaultExpression, SourcePosition position)
            implements AlterAction {}
}
