package dev.refguard.schema;

import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.schema.ReplayEvent.StatementRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fate of each statement of a replay: whether PostgreSQL rejects it, and whether it fails only because
 * an earlier statement failed (a cascade: its table was never created, its column never added, or its
 * transaction block was aborted). A cascade is recorded against its root, so the root's finding can say
 * how many later statements fail because of it. See docs/replay.md, "Rejected statements and cascades".
 */
final class Statements {
    /** PostgreSQL's words for a statement in an aborted transaction block. */
    static final String ABORTED = "current transaction is aborted, commands ignored until end of transaction block";

    private record ColumnKey(TableId table, String column) {}

    private final List<ReplayEvent> events;
    private final Map<TableId, StatementRef> rejectedTables = new HashMap<>();
    private final Map<ColumnKey, StatementRef> rejectedColumns = new HashMap<>();

    private StatementRef failure;
    private StatementRef cascadeRoot;
    private StatementRef cascadeAt;
    private String cascadeReason;
    private boolean independent;

    Statements(List<ReplayEvent> events) {
        this.events = events;
    }

    /** The current statement's failure so far, for a subtransaction to put back when a handler catches an error. */
    record State(
            StatementRef failure,
            StatementRef cascadeRoot,
            StatementRef cascadeAt,
            String cascadeReason,
            boolean independent) {}

    State save() {
        return new State(failure, cascadeRoot, cascadeAt, cascadeReason, independent);
    }

    void restore(State state) {
        failure = state.failure();
        cascadeRoot = state.cascadeRoot();
        cascadeAt = state.cascadeAt();
        cascadeReason = state.cascadeReason();
        independent = state.independent();
    }

    /** A statement starts. */
    void start() {
        failure = null;
        cascadeRoot = null;
        cascadeAt = null;
        cascadeReason = null;
        independent = false;
    }

    /** The current statement fails for a reason of its own, already recorded by an event. */
    void fail(StatementRef at) {
        independent = true;
        if (failure == null) {
            failure = at;
        }
    }

    /** The current statement fails for a reason no other event names: {@code rejected-statement}. */
    void reject(StatementRef at, SqlState state, String message, boolean uncertain) {
        events.add(new ReplayEvent.StatementRejected(at, state, message, uncertain));
        fail(at);
    }

    /**
     * The current statement names a table that does not exist: a cascade when an earlier rejected statement
     * would have created it, its own failure otherwise.
     */
    void missingTable(StatementRef at, TableId table) {
        StatementRef root = rejectedTables.get(table);
        if (root == null) {
            fail(at);
        } else {
            failAsCascade(at, root, "relation \"" + table.name() + "\" does not exist");
        }
    }

    /**
     * The current statement names a relation that does not exist, for a reason no other event names: a
     * cascade when an earlier rejected statement would have created it, a rejection otherwise.
     */
    void missingRelation(StatementRef at, TableId table, String message, boolean uncertain) {
        StatementRef root = rejectedTables.get(table);
        if (root == null) {
            reject(at, SqlState.UNDEFINED_TABLE, message, uncertain);
        } else {
            failAsCascade(at, root, message);
        }
    }

    /** Like {@link #missingRelation}, for a column an earlier rejected ADD COLUMN would have added. */
    void missingColumnRejected(StatementRef at, TableId table, String column, String message, boolean uncertain) {
        StatementRef root = rejectedColumns.get(new ColumnKey(table, column));
        if (root == null) {
            reject(at, SqlState.UNDEFINED_COLUMN, message, uncertain);
        } else {
            failAsCascade(at, root, message);
        }
    }

    /** The current statement names a column that does not exist; a cascade when an earlier rejected ADD COLUMN would have added it. */
    void missingColumn(StatementRef at, TableId table, String column) {
        StatementRef root = rejectedColumns.get(new ColumnKey(table, column));
        if (root == null) {
            fail(at);
        } else {
            failAsCascade(at, root, "column \"" + column + "\" does not exist");
        }
    }

    private void failAsCascade(StatementRef at, StatementRef root, String reason) {
        if (cascadeRoot == null) {
            cascadeRoot = root;
            cascadeAt = at;
            cascadeReason = reason;
        }
        if (failure == null) {
            failure = at;
        }
    }

    /**
     * The statement ended: its failure, or {@code null} when it succeeded. A statement whose every failure is
     * a cascade is recorded as one.
     */
    StatementRef finish() {
        if (failure != null && cascadeRoot != null && !independent) {
            events.add(new ReplayEvent.Cascade(cascadeAt, cascadeRoot, cascadeReason));
        }
        return failure;
    }

    /** Whether the current statement has failed so far. */
    boolean failed() {
        return failure != null;
    }

    /** The root of the current statement's failure: the statement it cascades from, or itself. */
    StatementRef root() {
        return cascadeRoot != null && !independent ? cascadeRoot : failure;
    }

    /** A statement skipped because an earlier one failed (an aborted transaction block). */
    void skipped(StatementRef at, StatementRef root, String reason) {
        events.add(new ReplayEvent.Cascade(at, root, reason));
    }

    /**
     * Remembers what a failed statement would have made, so that later statements missing it are cascades of
     * the statement's root (itself, or the root of its own cascade).
     */
    void remember(SchemaChange change, StatementRef failed, Function<QualifiedName, TableId> resolve) {
        StatementRef root = cascadeRoot != null && !independent ? cascadeRoot : failed;
        if (change instanceof SchemaChange.CreateTable c) {
            rejectedTables.put(resolve.apply(c.table()), root);
        } else if (change instanceof SchemaChange.CreateSchema c) {
            for (SchemaChange element : c.elements()) {
                if (element instanceof SchemaChange.CreateTable t) {
                    TableId id = t.table().schema() != null
                            ? resolve.apply(t.table())
                            : new TableId(c.schema().folded(), t.table().name().folded());
                    rejectedTables.put(id, root);
                }
            }
        } else if (change instanceof SchemaChange.AlterTable a) {
            TableId table = resolve.apply(a.table());
            for (SchemaChange.AlterAction action : a.actions()) {
                if (action instanceof SchemaChange.AddColumn add) {
                    rejectedColumns.put(new ColumnKey(table, add.column().name().folded()), root);
                }
            }
        }
    }

    /** A table of that name now exists: statements missing it later are not cascades of an old failure. */
    void created(TableId table) {
        rejectedTables.remove(table);
    }

    /** Whether a statement ends a transaction block, so it runs even when the block is aborted. */
    static boolean endsTransaction(ParsedStatement st) {
        return st.changes().stream()
                .anyMatch(c -> c instanceof SchemaChange.Transaction t
                        && t.command() != SchemaChange.TransactionCommand.BEGIN
                        && t.command() != SchemaChange.TransactionCommand.SAVEPOINT
                        && t.command() != SchemaChange.TransactionCommand.RELEASE_SAVEPOINT);
    }
}
