package dev.refguard.parse;

import java.util.List;

/**
 * A foreign key as written.
 *
 * @param constraintName the constraint name, or {@code null} (PostgreSQL then names it {@code <table>_<col>_fkey})
 * @param columns the referencing columns
 * @param target the referenced table as written
 * @param targetColumns the referenced columns; empty when omitted, which means the target's primary key
 * @param onDelete the ON DELETE action in upper case ({@code CASCADE}, {@code SET NULL}, ...), or {@code null}
 * @param onUpdate the ON UPDATE action, or {@code null}
 * @param position where the clause starts ({@code REFERENCES} for inline FKs, {@code CONSTRAINT} or
 *     {@code FOREIGN KEY} for table-level ones)
 * @param targetPosition where the referenced table name stands
 * @param inline written in a column's definition ({@code col int REFERENCES t}), which MySQL parses and ignores
 */
public record ForeignKeySpec(
        Identifier constraintName,
        List<Identifier> columns,
        QualifiedName target,
        List<Identifier> targetColumns,
        String onDelete,
        String onUpdate,
        SourcePosition position,
        SourcePosition targetPosition,
        boolean inline) {
    public ForeignKeySpec {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }

    /** A foreign key written as a table constraint or an {@code ADD FOREIGN KEY}. */
    public ForeignKeySpec(
            Identifier constraintName,
            List<Identifier> columns,
            QualifiedName target,
            List<Identifier> targetColumns,
            String onDelete,
            String onUpdate,
            SourcePosition position,
            SourcePosition targetPosition) {
        this(constraintName, columns, target, targetColumns, onDelete, onUpdate, position, targetPosition, false);
    }
}
