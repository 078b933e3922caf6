package dev.refguard.parse.block;

import dev.refguard.parse.SourcePosition;
import java.util.List;

/**
 * The guards refguard reads from an {@code IF}/{@code ELSIF} condition: catalogue questions combined with
 * {@code NOT}/{@code AND}/{@code OR}, and whatever else as {@link Opaque}. Which predicates are understood,
 * and how each is answered, is described in docs/replay.md, "Control flow".
 */
public sealed interface CatalogGuard extends Guard {

    /** {@code [NOT] EXISTS (SELECT ... FROM <catalogue> WHERE ...)}, the {@code NOT} given as {@link Not}. */
    record Exists(CatalogQuery query, SourcePosition position) implements CatalogGuard {}

    /**
     * {@code to_regclass('name') IS [NOT] NULL}.
     *
     * @param schema the schema written in the literal, or {@code null} (then the search path decides)
     * @param name the relation's name, folded as PostgreSQL folds the literal
     * @param isNull {@code true} for {@code IS NULL}
     */
    record RegclassNull(String schema, String name, boolean isNull, SourcePosition position) implements CatalogGuard {}

    /** {@code NOT g}. */
    record Not(Guard operand, SourcePosition position) implements CatalogGuard {}

    /** {@code a AND b AND ...}. */
    record And(List<Guard> operands, SourcePosition position) implements CatalogGuard {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** {@code a OR b OR ...}. */
    record Or(List<Guard> operands, SourcePosition position) implements CatalogGuard {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    /** {@code TRUE} or {@code FALSE} written as such. */
    record Constant(boolean value, SourcePosition position) implements CatalogGuard {}

    /**
     * A condition refguard does not evaluate (a variable, a function call, a query it cannot answer).
     *
     * @param text the condition as written, whitespace collapsed
     */
    record Opaque(String text, SourcePosition position) implements CatalogGuard {}
}
