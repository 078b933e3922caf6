package dev.refguard.parse;

import java.util.Objects;

/**
 * A possibly schema-qualified name as written, e.g. {@code auth.users} or {@code "User"}.
 *
 * @param schema the schema, or {@code null} when unqualified (resolved through {@code search_path})
 * @param name the object name
 */
public record QualifiedName(Identifier schema, Identifier name) {
    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    /** An unqualified name. */
    public static QualifiedName of(Identifier name) {
        return new QualifiedName(null, name);
    }

    /** The name as it was written, quotes included. */
    public String written() {
        return schema == null ? name.written() : schema.written() + "." + name.written();
    }

    @Override
    public String toString() {
        return written();
    }
}
