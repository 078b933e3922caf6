package dev.refguard.schema;

import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.Identifier;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SourcePosition;
import dev.refguard.source.MigrationFile;
import dev.refguard.split.SplitProblem;
import java.util.List;

/**
 * What the replay saw at one point of the history, with the facts of that moment. Rules read these
 * (point-in-time questions: did the target exist then? was it created later?) together with the final
 * model (questions about the whole schema: which identity tables do the FKs use?).
 */
public sealed interface ReplayEvent {

    /** The statement's origin. */
    StatementRef at();

    /**
     * Where an event comes from.
     *
     * @param file the migration file
     * @param position the offending clause
     * @param statementLine the line where the statement starts
     * @param fingerprint the statement's fingerprint
     * @param uncertain whether the statement ran under a {@code DO} block's guard that refguard could not
     *     evaluate, so PostgreSQL may never run it (docs/replay.md, "Control flow"): its findings are at most warnings
     */
    record StatementRef(
            MigrationFile file, SourcePosition position, int statementLine, String fingerprint, boolean uncertain) {

        /** A statement that runs for certain. */
        public StatementRef(MigrationFile file, SourcePosition position, int statementLine, String fingerprint) {
            this(file, position, statementLine, fingerprint, false);
        }
    }

    /**
     * A place in the history: a file and the line of a statement in it.
     *
     * @param file the migration file
     * @param line the line where the statement starts
     */
    record Place(MigrationFile file, int line) {
        /** {@code 010_items.sql:62}, for messages. */
        public String where() {
            return file.relativePath() + ":" + line;
        }
    }

    /**
     * A column an FK names that the table does not have.
     *
     * @param table the table that lacks it
     * @param written the column as written
     * @param caseVariant a column of that table whose name differs only in case or quoting, or {@code null}
     */
    record MissingColumn(ModelTable table, Identifier written, String caseVariant) {}

    /**
     * An FK was declared: its target table was found ({@link ReferenceResolved}) or not
     * ({@link ReferenceUnresolved}). Names are given as they were at that statement; the {@link ModelTable}s
     * themselves may be renamed later.
     */
    sealed interface ForeignKeyDeclared extends ReplayEvent permits ReferenceResolved, ReferenceUnresolved {
        /** The referencing table (the object; its name may change later). */
        ModelTable source();

        /** The referencing table's name at this statement. */
        TableId sourceName();

        /** The FK as written. */
        ForeignKeySpec spec();

        /** The name the reference resolved to at this statement (the search path's first schema when missing). */
        TableId wantedTarget();

        /** The referenced columns (the primary key's when omitted); empty when unknown. */
        List<String> targetColumns();

        /** Columns named by the FK that do not exist. */
        List<MissingColumn> missingColumns();

        /** Normalised types of the referencing columns ({@code null} entries when unknown). */
        List<String> sourceTypes();

        /**
         * Whether an unreadable statement touched either table (or any table, for a missing target), so absence
         * is not proven.
         */
        boolean incompleteKnowledge();

        /** The referencing columns, folded. */
        default List<String> sourceColumns() {
            return spec().columns().stream().map(Identifier::folded).toList();
        }
    }

    /**
     * An FK whose target table exists at that point. PostgreSQL may still reject it (a type mismatch, a missing
     * column, a non-unique target): then {@link #added()} is {@code null}, and every rule that does not need the
     * FK to exist still checks it, so one run shows all the problems of the statement.
     *
     * @param targetTypes normalised types of the referenced columns ({@code null} entries when unknown)
     * @param referencedKeyUnique whether the referenced columns are the target's primary key or a unique key
     *     ({@code null} when unknown)
     * @param added the FK as added to the model, or {@code null} when PostgreSQL would reject it
     */
    record ReferenceResolved(
            StatementRef at,
            ModelTable source,
            TableId sourceName,
            ForeignKeySpec spec,
            ModelTable target,
            TableId wantedTarget,
            List<String> targetColumns,
            List<MissingColumn> missingColumns,
            List<String> sourceTypes,
            List<String> targetTypes,
            Boolean referencedKeyUnique,
            ModelForeignKey added,
            boolean incompleteKnowledge)
            implements ForeignKeyDeclared {
        public ReferenceResolved {
            targetColumns = List.copyOf(targetColumns);
            missingColumns = List.copyOf(missingColumns);
            sourceTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sourceTypes));
            targetTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(targetTypes));
        }

        /** Whether PostgreSQL would reject the FK (it is not in the model). */
        public boolean rejected() {
            return added == null;
        }
    }

    /**
     * An FK whose target table does not exist at that point.
     *
     * @param laterCreator the first later statement that creates a table of that name (a later file, or this
     *     one further down), or {@code null}
     * @param caseVariant an existing table whose name differs only in case/quoting, or {@code null}
     * @param formerly what became of a table that once had that name (renamed, moved, dropped), or {@code null}
     */
    record ReferenceUnresolved(
            StatementRef at,
            ModelTable source,
            TableId sourceName,
            ForeignKeySpec spec,
            TableId wantedTarget,
            List<String> targetColumns,
            List<MissingColumn> missingColumns,
            List<String> sourceTypes,
            Place laterCreator,
            ModelTable caseVariant,
            TableStep formerly,
            boolean incompleteKnowledge)
            implements ForeignKeyDeclared {
        public ReferenceUnresolved {
            targetColumns = List.copyOf(targetColumns);
            missingColumns = List.copyOf(missingColumns);
            sourceTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sourceTypes));
        }
    }

    /**
     * An ALTER TABLE (or similar) named a table that does not exist at that point.
     *
     * @param written the name as written
     * @param wanted what it resolves to
     * @param laterCreator the first later statement that creates it, or {@code null}
     * @param caseVariant an existing table differing only in case/quoting, or {@code null}
     * @param formerly what became of a table that once had that name (renamed, moved, dropped), or {@code null}
     * @param incompleteKnowledge an unreadable statement may have created it
     */
    record TableNotFound(
            StatementRef at,
            QualifiedName written,
            TableId wanted,
            Place laterCreator,
            ModelTable caseVariant,
            TableStep formerly,
            boolean incompleteKnowledge)
            implements ReplayEvent {}

    /**
     * A CREATE TABLE ran.
     *
     * @param spec the statement's facts
     * @param id the table it names
     * @param existing the table that already existed under that name, or {@code null}
     * @param existingColumns that table's columns at that moment (empty when none)
     */
    record TableCreated(
            StatementRef at,
            SchemaChange.CreateTable spec,
            TableId id,
            ModelTable existing,
            List<ModelColumn> existingColumns)
            implements ReplayEvent {
        public TableCreated {
            existingColumns = List.copyOf(existingColumns);
        }
    }

    /**
     * A column's type changed while FKs on it were in force; each FK is checked again.
     *
     * @param checks the FKs involving the column, with both sides' types after the change
     */
    record ColumnTypeChanged(StatementRef at, ModelTable table, String column, List<TypeCheck> checks)
            implements ReplayEvent {
        public ColumnTypeChanged {
            checks = List.copyOf(checks);
        }
    }

    /**
     * One FK's column types after a type change.
     *
     * @param from the referencing table's name at the change
     * @param to the referenced table's name at the change
     */
    record TypeCheck(
            ModelForeignKey foreignKey, TableId from, TableId to, List<String> sourceTypes, List<String> targetTypes) {}

    /**
     * A statement that can change the model could not be read.
     *
     * @param problem why
     * @param touched tables it names (marked incomplete)
     */
    record StatementUnreadable(StatementRef at, String problem, List<TableId> touched) implements ReplayEvent {
        public StatementUnreadable {
            touched = List.copyOf(touched);
        }
    }

    /** The splitter or the file reader reported a problem. */
    record FileProblem(StatementRef at, SplitProblem problem) implements ReplayEvent {}

    /** The kinds of {@link Destructive} statement. */
    enum DestructiveKind {
        DROP_TABLE("DROP TABLE"),
        TRUNCATE("TRUNCATE"),
        DELETE_ALL("DELETE without WHERE"),
        DROP_SCHEMA("DROP SCHEMA");

        private final String sql;

        DestructiveKind(String sql) {
            this.sql = sql;
        }

        /** How messages name it, e.g. {@code DROP TABLE}. */
        public String sql() {
            return sql;
        }
    }

    /**
     * A destructive statement ran: DROP TABLE, TRUNCATE, DELETE without WHERE, DROP SCHEMA.
     *
     * @param kind which statement
     * @param tables the tables it touched (for DROP SCHEMA: every table in the schema)
     * @param cascade whether CASCADE was written
     * @param removedForeignKeys FKs of other tables that CASCADE removed
     */
    record Destructive(
            StatementRef at,
            DestructiveKind kind,
            List<ModelTable> tables,
            boolean cascade,
            List<ModelForeignKey> removedForeignKeys)
            implements ReplayEvent {
        public Destructive {
            tables = List.copyOf(tables);
            removedForeignKeys = List.copyOf(removedForeignKeys);
        }
    }

    /**
     * {@code CREATE TRIGGER ... ON table ... EXECUTE FUNCTION f()}.
     *
     * @param table the table the trigger is on
     * @param function the function it runs, resolved like a table name (schema and folded name)
     * @param events the events in upper case, e.g. {@code INSERT}
     */
    record TriggerCreated(StatementRef at, TableId table, TableId function, List<String> events)
            implements ReplayEvent {
        public TriggerCreated {
            events = List.copyOf(events);
        }
    }

    /**
     * {@code CREATE [OR REPLACE] FUNCTION}.
     *
     * @param function its schema and folded name
     * @param body the body text, {@code ""} when unknown
     */
    record FunctionCreated(StatementRef at, TableId function, String body) implements ReplayEvent {}

    /**
     * PostgreSQL rejects the statement for a reason no other event names (a missing schema or column, a key
     * others depend on dropped without {@code CASCADE}, an FK to a {@code DEFERRABLE} key, ...); the replay
     * goes on as if it had not run. See docs/replay.md, "Rejected statements and cascades".
     *
     * @param state the SQLSTATE PostgreSQL raises
     * @param message PostgreSQL's own message, e.g. {@code cannot drop constraint a_pkey on table a because
     *     other objects depend on it}
     * @param uncertain whether a statement the replay could not read may have changed what the rejection
     *     depends on
     */
    record StatementRejected(StatementRef at, SqlState state, String message, boolean uncertain)
            implements ReplayEvent {}

    /**
     * A statement fails only because an earlier one failed: the table it names was never created, the
     * column never added, or its transaction block was aborted. Its findings are counted under the root's.
     *
     * @param root the statement whose failure this one echoes
     * @param reason PostgreSQL's words for this statement's failure
     */
    record Cascade(StatementRef at, StatementRef root, String reason) implements ReplayEvent {}

    /**
     * MySQL parsed a column's inline {@code REFERENCES} and made no foreign key of it (MySQL's documented
     * behaviour: "inline REFERENCES specifications ... are parsed but ignored"); MariaDB 10.5+ makes one.
     *
     * @param source the table whose column it is
     * @param spec the reference as written
     */
    record ReferenceIgnored(StatementRef at, TableId source, ForeignKeySpec spec) implements ReplayEvent {}
}
