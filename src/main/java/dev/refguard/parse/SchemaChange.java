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
     * @param likeOrParent a table whose columns this one copies ({@code LIKE}, {@code INHERITS},
     *     {@code PARTITION OF}), or {@code null}
     * @param columnsKnown {@code false} when the column list could not be read completely (e.g. {@code AS SELECT})
     */
    record CreateTable(
            QualifiedName table,
            boolean ifNotExists,
            List<ColumnSpec> columns,
            List<KeySpec> keys,
            List<ForeignKeySpec> foreignKeys,
            QualifiedName likeOrParent,
            boolean columnsKnown,
            SourcePosition position)
            implements SchemaChange {
        public CreateTable {
            columns = List.copyOf(columns);
            keys = List.copyOf(keys);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...}. */
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
            Identifier name, QualifiedName table, List<Identifier> columns, boolean unique, SourcePosition position)
            implements SchemaChange {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    /** {@code CREATE SCHEMA [IF NOT EXISTS] name}. */
    record CreateSchema(Identifier schema, SourcePosition position) implements SchemaChange {}

    /** {@code DROP SCHEMA [IF EXISTS] a, b [CASCADE]}. */
    record DropSchema(List<Identifier> schemas, boolean cascade, SourcePosition position) implements SchemaChange {
        public DropSchema {
            schemas = List.copyOf(schemas);
        }
    }

    /** {@code SET search_path TO a, b} (also {@code set_config('search_path', ...)}). */
    record SetSearchPath(List<Identifier> schemas, SourcePosition position) implements SchemaChange {
        public SetSearchPath {
            schemas = List.copyOf(schemas);
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
    record DropConstraint(Identifier name, boolean ifExists, SourcePosition position) implements AlterAction {}

    /** {@code RENAME TO new_name}. */
    record RenameTable(Identifier newName, SourcePosition position) implements AlterAction {}

    /** {@code RENAME [COLUMN] a TO b}. */
    record RenameColumn(Identifier from, Identifier to, SourcePosition position) implements AlterAction {}

    /** {@code RENAME CONSTRAINT a TO b}. */
    record RenameConstraint(Identifier from, Identifier to, SourcePosition position) implements AlterAction {}

    /** {@code SET SCHEMA s}. */
    record SetSchema(Identifier schema, SourcePosition position) implements AlterAction {}

    /** {@code ALTER [COLUMN] col [SET DATA] TYPE type [USING ...]}. */
    record AlterColumnType(Identifier column, String type, SourcePosition position) implements AlterAction {}

    /** {@code ALTER [COLUMN] col SET DEFAULT expr}. */
    record AlterColumnDefault(Identifier column, String defaultExpression, SourcePosition position)
            implements AlterAction {}
}
