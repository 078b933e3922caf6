package dev.refguard.schema;

import dev.refguard.schema.ReplayEvent.StatementRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * An explicit transaction block of one session, as PostgreSQL runs it: {@code BEGIN} keeps a snapshot of
 * the model, {@code SAVEPOINT} another, {@code ROLLBACK [TO SAVEPOINT]} restores one, and an error inside
 * the block aborts it, so every later statement is skipped until {@code ROLLBACK} or {@code COMMIT} (which
 * then rolls back). Outside a block each statement is its own transaction. See docs/replay.md,
 * "Transactions".
 */
final class TransactionBlock {
    private record Mark(String savepoint, ModelSnapshot snapshot) {}

    private final Supplier<ModelSnapshot> capture;
    /** The BEGIN mark first, then savepoints, newest last. */
    private final Deque<Mark> marks = new ArrayDeque<>();

    private StatementRef abortedBy;

    TransactionBlock(Supplier<ModelSnapshot> capture) {
        this.capture = capture;
    }

    /** Whether a {@code BEGIN} is open. */
    boolean open() {
        return !marks.isEmpty();
    }

    /** The statement whose error aborted the open block, or {@code null} when it is not aborted. */
    StatementRef abortedBy() {
        return abortedBy;
    }

    /** {@code BEGIN}; inside a block PostgreSQL only warns. */
    void begin() {
        if (!open()) {
            marks.addLast(new Mark(null, capture.get()));
        }
    }

    /**
     * {@code COMMIT}/{@code END}: keeps the changes, unless the block is aborted, when it rolls back.
     *
     * @return whether the block's changes were kept
     */
    boolean commit() {
        if (abortedBy != null) {
            rollback();
            return false;
        }
        marks.clear();
        return true;
    }

    /** {@code ROLLBACK}/{@code ABORT}, and the end of a session with a block open. */
    void rollback() {
        if (open()) {
            marks.getFirst().snapshot().restore();
        }
        marks.clear();
        abortedBy = null;
    }

    /**
     * {@code SAVEPOINT name}.
     *
     * @return false outside a block, where PostgreSQL rejects it
     */
    boolean savepoint(String name) {
        if (!open()) {
            return false;
        }
        marks.addLast(new Mark(name, capture.get()));
        return true;
    }

    /**
     * {@code ROLLBACK TO [SAVEPOINT] name}: undoes the changes since the newest savepoint of that name,
     * which stays; an aborted block is usable again.
     *
     * @return false when no such savepoint exists
     */
    boolean rollbackTo(String name) {
        Mark mark = find(name);
        if (mark == null) {
            return false;
        }
        while (marks.getLast() != mark) {
            marks.removeLast();
        }
        mark.snapshot().restore();
        // the savepoint survives ROLLBACK TO; take a fresh snapshot so a second ROLLBACK TO works alike
        marks.removeLast();
        marks.addLast(new Mark(name, capture.get()));
        abortedBy = null;
        return true;
    }

    /**
     * {@code RELEASE [SAVEPOINT] name}: forgets that savepoint and those after it, keeping the changes.
     *
     * @return false when no such savepoint exists
     */
    boolean release(String name) {
        Mark mark = find(name);
        if (mark == null) {
            return false;
        }
        while (marks.getLast() != mark) {
            marks.removeLast();
        }
        marks.removeLast();
        return true;
    }

    /** A statement failed: inside a block the block is aborted; outside, only that statement failed. */
    void failed(StatementRef statement) {
        if (open() && abortedBy == null) {
            abortedBy = statement;
        }
    }

    private Mark find(String name) {
        Iterator<Mark> it = marks.descendingIterator();
        while (it.hasNext()) {
            Mark m = it.next();
            if (name.equals(m.savepoint())) {
                return m;
            }
        }
        return null;
    }
}
