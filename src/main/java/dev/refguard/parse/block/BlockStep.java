package dev.refguard.parse.block;

import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.SourcePosition;
import java.util.List;

/**
 * One step of a {@code DO} block's PL/pgSQL body, kept in PostgreSQL's control flow so the replay can
 * take only the branch PostgreSQL would take (docs/replay.md, "Control flow").
 */
public sealed interface BlockStep {

    /** Where the step starts in the file. */
    SourcePosition position();

    /** A SQL statement the body runs (also the statement an {@code EXECUTE} of a literal builds). */
    record Run(ParsedStatement statement, SourcePosition position) implements BlockStep {}

    /**
     * {@code IF c1 THEN ... ELSIF c2 THEN ... ELSE ... END IF}.
     *
     * @param branches the {@code IF} and {@code ELSIF} branches, in order
     * @param otherwise the {@code ELSE} branch; empty when there is none
     */
    record If(List<Branch> branches, List<BlockStep> otherwise, SourcePosition position) implements BlockStep {
        public If {
            branches = List.copyOf(branches);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** One guarded branch of an {@link If}. */
    record Branch(Guard condition, List<BlockStep> body) {
        public Branch {
            body = List.copyOf(body);
        }
    }

    /**
     * A nested {@code [DECLARE ...] BEGIN ... [EXCEPTION WHEN ... THEN ...] END} (the body itself is one):
     * with handlers, PostgreSQL runs it in a subtransaction and a caught error undoes the whole block.
     */
    record Block(List<BlockStep> body, List<Handler> handlers, SourcePosition position) implements BlockStep {
        public Block {
            body = List.copyOf(body);
            handlers = List.copyOf(handlers);
        }
    }

    /**
     * {@code WHEN cond [OR cond ...] THEN ...}.
     *
     * @param conditions the conditions as written, lower case: {@code duplicate_object}, {@code others},
     *     {@code sqlstate '42710'}
     */
    record Handler(List<String> conditions, List<BlockStep> body) {
        public Handler {
            conditions = List.copyOf(conditions);
            body = List.copyOf(body);
        }
    }

    /** A loop ({@code LOOP}, {@code WHILE}, {@code FOR}, {@code FOREACH}): its body runs an unknown number of times. */
    record Loop(List<BlockStep> body, SourcePosition position) implements BlockStep {
        public Loop {
            body = List.copyOf(body);
        }
    }

    /**
     * {@code RAISE EXCEPTION ...} (other levels are not steps): the block fails here unless a handler catches it.
     *
     * @param sqlstate the {@code ERRCODE}/{@code SQLSTATE} given, or {@code null} for {@code P0001}
     */
    record Raise(String sqlstate, SourcePosition position) implements BlockStep {}

    /**
     * {@code EXECUTE} of a string that cannot be known before it runs.
     *
     * @param mayCreateTables whether the string could create or alter tables (its known parts say so,
     *     or nothing is known of it)
     */
    record Dynamic(boolean mayCreateTables, SourcePosition position) implements BlockStep {}
}
