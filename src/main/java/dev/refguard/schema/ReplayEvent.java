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
     *     evaluate, so PostgreSQL may never run it (docs/replay-guards.md): its findings are at most warnings
     */
    record StatementRef(
            MigrationFile file, SourcePosition position, int statementLine, String fingerprint, boolean uncertain) {

        /** A statement that runs for certain. */
        public StatementRef(MigrationFile file, SourcePosition position, int statementLine, String fingerprint) {
            this(file, position, statementLine, fingerprint, false);
        }
    }

    /** How an FK's target was found. */
    enum Resolution {
        /** The target table exists at that point. */
        RESOLVED,
        /** No table of that name exists at that point. */
        MISSING_TABLE
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
     * An FK was declared.
     *
     * @param source the referencing table
     * @param spec the FK as written
     * @param resolution whether the target existed then
     * @param target the target table, or {@code null} when missing
     * @param wantedTarget the name the reference resolves to (the search path's first schema when missing)
     * @param targetColumns the referenced columns (the primary key's when omitted); empty when unknown
     * @param laterCreator when missing: the file of the first later statement that creates the table (a
     *     later file, or this one further down), or {@code null}
     * @param laterCreatorLine the line of that statement (0 when none)
     * @param creators every file of the history that creates a table of that name
     * @param caseVariant when missing: an existing table whose name differs only in case/quoting, or {@code null}
     * @param missingColumns columns named by the FK that do not exist
     * @param sourceTypes normalised types of the referencing columns ({@code null} entries when unknown)
     * @param targetTypes normalised types of the referenced columns ({@code null} entries when unknown)
     * @param referencedKeyUnique whether the referenced columns are the target's primary key or a unique key
     *     ({@code null} when unknown)
     * @param added the FK as added to the model, or {@code null} when PostgreSQL would reject it
     * @param incompleteKnowledge whether an unreadable statement touched either table (or any table, for
     *     a missing target), so absence is not proven
     */
    record ForeignKeyDeclared(
            StatementRef at,
            ModelTable source,
            ForeignKeySpec spec,
            Resolution resolution,
            ModelTable target,
            TableId wantedTarget,
            List<String> targetColumns,
            MigrationFile laterCreator,
            int laterCreatorLine,
            List<MigrationFile> creators,
            ModelTable caseVariant,
            List<MissingColumn> missingColumns,
            List<String> sourceTypes,
            List<String> targetTypes,
            Boolean referencedKeyUnique,
            ModelForeignKey added,
            boolean incompleteKnowledge)
            implements ReplayEvent {
        public ForeignKeyDeclared {
            targetColumns = List.copyOf(targetColumns);
            creators = List.copyOf(creators);
            missingColumns = List.copyOf(missingColumns);
            sourceTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(sourceTypes));
            targetTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(targetTypes));
        }
    }

    /**
     * An ALTER TABLE (or similar) named a table that does not exist at that point.
     *
     * @param written the name as written
     * @param wanted what it resolves to
     * @param laterCreator the file of the first later statement that creates it, or {@code null}
     * @param laterCreatorLine the line of that statement (0 when none)
     * @param caseVariant an existing table differing only in case/quoting, or {@code null}
     * @param incompleteKnowledge an unreadable statement may have created it
     */
    record TableNotFound(
            StatementRef at,
            QualifiedName written,
            TableId wanted,
            MigrationFile laterCreator,
            int laterCreatorLine,
            ModelTable caseVariant,
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

    /** One FK's column types after a type change. */
    record TypeCheck(ModelForeignKey foreignKey, List<String> sourceTypes, List<String> targetTypes) {}

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

    /**
     * A destructive statement ran: DROP TABLE, TRUNCATE, DELETE without WHERE, DROP SCHEMA.
     *
     * @param statement e.g. {@code DROP TABLE}, {@code TRUNCATE}
     * @param tables the tables it touched (for DROP SCHEMA: every table in the schema)
     * @param cascade whether CASCADE was written
     * @param removedForeignKeys FKs of other tables that CASCADE removed
     */
    record Destructive(
            StatementRef at,
            String statement,
            List<ModelTable> tables,
            boolean cascade,
            List<ModelForeignKey> removedForeignKeys)
            implements ReplayEvent {
        public Destructive {
            tables = List.copyOf(tables);
            removedForeignKeys = List.copyOf(removedForeignKeys);
        }
    }
}
