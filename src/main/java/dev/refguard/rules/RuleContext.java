package dev.refguard.rules;

import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ReplayEvent;
import dev.refguard.schema.ReplayResult;
import dev.refguard.schema.TableId;
import dev.refguard.schema.TableOrigin;
import dev.refguard.source.Layout;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a rule sees: one replayed history and the conventions configured for it.
 *
 * @param replay the replayed history
 * @param identityTables tables that stand for the same user identity
 * @param canonicalIdentityTable the configured canonical identity table, or {@code null}
 * @param sharedTables tables owned by someone else
 */
public record RuleContext(
        ReplayResult replay, Set<TableId> identityTables, TableId canonicalIdentityTable, Set<TableId> sharedTables) {

    /** The events of one type, in history order. */
    public <T extends ReplayEvent> Stream<T> events(Class<T> type) {
        return replay.events().stream().filter(type::isInstance).map(type::cast);
    }

    /** The FKs in force at the end of the history. */
    public List<ModelForeignKey> foreignKeys() {
        return replay.foreignKeys();
    }

    /**
     * Whether the project lives on a platform with managed schemas (a Supabase layout, or FKs into a
     * managed schema such as {@code auth}), where other projects may share the database.
     */
    public boolean usesManagedSchema() {
        return replay.history().layout() == Layout.SUPABASE
                || replay.tables().stream().anyMatch(t -> t.origin() == TableOrigin.MANAGED);
    }
}
