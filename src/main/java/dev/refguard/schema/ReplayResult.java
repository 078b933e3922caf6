package dev.refguard.schema;

import dev.refguard.parse.ParsedFile;
import dev.refguard.source.Dialect;
import dev.refguard.source.MigrationHistory;
import java.util.List;

/**
 * The outcome of replaying one history.
 *
 * @param history the history
 * @param files its parsed files, in order
 * @param events what happened, in order
 * @param tables every table at the end (migration, seed and referenced platform/shared/external ones),
 *     sorted by name
 * @param foreignKeys every FK in force at the end, in declaration order
 * @param dialect the server whose rules the replay followed
 */
public record ReplayResult(
        MigrationHistory history,
        List<ParsedFile> files,
        List<ReplayEvent> events,
        List<ModelTable> tables,
        List<ModelForeignKey> foreignKeys,
        Dialect dialect) {
    public ReplayResult {
        files = List.copyOf(files);
        events = List.copyOf(events);
        tables = List.copyOf(tables);
        foreignKeys = List.copyOf(foreignKeys);
        dialect = dialect == null ? Dialect.POSTGRESQL : dialect;
    }

    /** A replay that followed PostgreSQL. */
    public ReplayResult(
            MigrationHistory history,
            List<ParsedFile> files,
            List<ReplayEvent> events,
            List<ModelTable> tables,
            List<ModelForeignKey> foreignKeys) {
        this(history, files, events, tables, foreignKeys, Dialect.POSTGRESQL);
    }
}
