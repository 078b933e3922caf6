package dev.refguard.parse;

import dev.refguard.split.SqlStatement;
import java.util.List;
import java.util.Optional;

/**
 * Token-level reader of the DDL forms JSqlParser rejects, and of the statements it reads only
 * opaquely (functions, triggers, {@code SET search_path}).
 */
public final class FallbackReader {
    private FallbackReader() {}

    /** The changes of {@code statement}, or empty when it cannot be read. Never throws. */
    public static Optional<List<SchemaChange>> read(SqlStatement statement) {
        throw new UnsupportedOperationException("TODO: fallback");
    }

    /** The tables a statement names, as far as tokens tell; for marking tables incomplete. Never throws. */
    public static List<QualifiedName> touchedTables(SqlStatement statement) {
        throw new UnsupportedOperationException("TODO: fallback");
    }
}
