package dev.refguard.schema;

/**
 * A column of a table in the replayed model.
 *
 * @param name folded name
 * @param writtenType the type as written (for messages)
 * @param type the normalised type ({@link SqlTypes#normalize})
 * @param defaultExpression the DEFAULT expression text, or {@code null}
 */
public record ModelColumn(String name, String writtenType, String type, String defaultExpression) {
    ModelColumn withName(String newName) {
        return new ModelColumn(newName, writtenType, type, defaultExpression);
    }

    ModelColumn withType(String newWrittenType) {
        return new ModelColumn(name, newWrittenType, SqlTypes.normalize(newWrittenType), defaultExpression);
    }

    ModelColumn withDefault(String expression) {
        return new ModelColumn(name, writtenType, type, expression);
    }
}
