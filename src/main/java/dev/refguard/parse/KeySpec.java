package dev.refguard.parse;

import java.util.List;

/**
 * A primary key or unique constraint over columns (inline, table-level, ADD CONSTRAINT, or a unique
 * index).
 *
 * @param constraintName the constraint or index name, or {@code null}
 * @param columns the key columns in order
 * @param primary {@code true} for PRIMARY KEY, {@code false} for UNIQUE
 * @param position where the key clause starts
 * @param deferrable {@code DEFERRABLE}: PostgreSQL rejects an FK that references it
 */
public record KeySpec(
        Identifier constraintName,
        List<Identifier> columns,
        boolean primary,
        SourcePosition position,
        boolean deferrable) {
    public KeySpec {
        columns = List.copyOf(columns);
    }

    /** A key that is not {@code DEFERRABLE}. */
    public KeySpec(Identifier constraintName, List<Identifier> columns, boolean primary, SourcePosition position) {
        this(constraintName, columns, primary, position, false);
    }
}
