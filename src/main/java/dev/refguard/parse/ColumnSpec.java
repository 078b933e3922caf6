package dev.refguard.parse;

/**
 * A column as declared in CREATE TABLE or ADD COLUMN.
 *
 * @param name the column name
 * @param type the type as written, e.g. {@code character varying(255)}, {@code TIMESTAMP(3)}, {@code "Role"},
 *     {@code uuid}, {@code bigserial}; normalised later by the schema model
 * @param primaryKey declared {@code PRIMARY KEY} inline
 * @param unique declared {@code UNIQUE} inline
 * @param defaultExpression the {@code DEFAULT} expression text, or {@code null}
 * @param position where the column name stands
 */
public record ColumnSpec(
        Identifier name,
        String type,
        boolean primaryKey,
        boolean unique,
        String defaultExpression,
        SourcePosition position) {}
