package dev.refguard.schema;

import dev.refguard.source.MigrationFile;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each table's story as the replay runs, and what became of every name that stopped naming a table, so
 * that a later statement using an old name can be told where it went.
 */
final class TableStories {
    private final Map<TableId, TableStep> endedNames = new HashMap<>();

    void created(ModelTable table, MigrationFile file, int line) {
        table.story.add(new TableStep(TableStep.Kind.CREATED, table.id, null, file, line));
        endedNames.remove(table.id);
    }

    void moved(ModelTable table, TableId from, TableId to, MigrationFile file, int line) {
        TableStep.Kind kind = from.schema().equals(to.schema()) ? TableStep.Kind.RENAMED : TableStep.Kind.MOVED;
        TableStep step = new TableStep(kind, from, to, file, line);
        table.story.add(step);
        endedNames.put(from, step);
        endedNames.remove(to);
    }

    void dropped(ModelTable table, MigrationFile file, int line) {
        TableStep step = new TableStep(TableStep.Kind.DROPPED, table.id, null, file, line);
        table.story.add(step);
        endedNames.put(table.id, step);
    }

    /** A CREATE TABLE of {@code name} failed: later statements naming it fail because of that one. */
    void rejected(TableId name, MigrationFile file, int line) {
        endedNames.put(name, new TableStep(TableStep.Kind.REJECTED, name, null, file, line));
    }

    /** What last happened to {@code name} if no table bears it now and one once did; {@code null} otherwise. */
    TableStep fateOf(TableId name) {
        return endedNames.get(name);
    }
}
