package dev.refguard.schema;

/**
 * A column of a table in the replayed model.
 *
 * @param name folded name
 * @param writtenType the type as written (for messages)
 * @param type the normalised type ({@link SqlTypes#normalize})
 * @param defaultExpression the DEFAULT expression text, or {@code null}
 * @param typeKey the type FK compatibility is judged on, bound when the column got its type as PostgreSQL binds it
 *     (a built-in name, a domain's base type, or a {@link SqlTypes#userType} key); {@code null} when unknown
 */
public record ModelColumn(String name, String writtenType, String type, String defaultExpression, String typeKey) {
    /** A column whose type is a built-in one or unknown: its key is its normalised type. */
    public ModelColumn(String name, String writtenType, String type, String defaultExpression) {
        this(name, writtenType, type, defaultExpression, type);
    }

    ModelColumn withName(String newName) {
        return new ModelColumn(newName, writtenType, type, defaultExpression, typeKey);
    }

    ModelColumn withType(String newWrittenType, String newTypeKey) {
        return new ModelColumn(name, newWrittenType, SqlTypes.normalize(newWrittenType), defaultExpression, newTypeKey);
    }

    ModelColumn withDefault(String expression) {
        return new ModelColumn(name, writtenType, type, expression, typeKey);
    }

    ModelColumn withoutDefault() {
        return new ModelColumn(name, writtenType, type, null, typeKey);
    }
}
