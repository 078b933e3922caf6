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
 */
public record KeySpec(Identifier constraintName, List<Identifier> columns, boolean primary, SourcePosition position) {
    public KeySpec {
        columns = List.copyOf(columns);
    }
}
