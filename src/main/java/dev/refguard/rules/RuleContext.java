package dev.refguard.rules;

import dev.refguard.schema.HistoryReplays;
import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ReplayEvent;
import dev.refguard.schema.ReplayEvent.Place;
import dev.refguard.schema.ReplayEvent.ReferenceResolved;
import dev.refguard.schema.ReplayEvent.ReferenceUnresolved;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.ReplayEvent.TableNotFound;
import dev.refguard.schema.ReplayResult;
import dev.refguard.schema.TableId;
import dev.refguard.schema.TableOrigin;
import dev.refguard.source.Layout;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a rule sees: one history, replayed as production runs it (schema migrations only) and as development
 * runs it (seed files too), and the conventions configured for it. Rules judge the production replay, so none
 * of them filters seed files; the development replay answers one question: would this reference resolve if the
 * seed files ran?
 */
public final class RuleContext {
    private final ReplayResult production;
    private final ReplayResult development;
    private final Set<TableId> identityTables;
    private final TableId canonicalIdentityTable;
    private final TableId pinnedIdentityTable;
    private final Set<TableId> sharedTables;
    private final Map<String, ReferenceResolved> resolvedInDevelopment = new HashMap<>();
    private final Map<String, ReferenceUnresolved> unresolvedInDevelopment = new HashMap<>();
    private final Set<String> missingInDevelopment = new HashSet<>();

    /**
     * A context for one history.
     *
     * @param replays the production and development replays
     * @param identityTables tables that stand for the same user identity
     * @param canonicalIdentityTable the configured canonical identity table, or {@code null}
     * @param pinnedIdentityTable the canonical identity table the baseline file pins, or {@code null}
     * @param sharedTables tables owned by someone else
     */
    public RuleContext(
            HistoryReplays replays,
            Set<TableId> identityTables,
            TableId canonicalIdentityTable,
            TableId pinnedIdentityTable,
            Set<TableId> sharedTables) {
        this.production = replays.production();
        this.development = replays.development();
        this.identityTables = Set.copyOf(identityTables);
        this.canonicalIdentityTable = canonicalIdentityTable;
        this.pinnedIdentityTable = pinnedIdentityTable;
        this.sharedTables = Set.copyOf(sharedTables);
        if (replays.hasSeedFiles()) {
            for (ReplayEvent e : development.events()) {
                if (e instanceof ReferenceResolved r) {
                    resolvedInDevelopment.putIfAbsent(key(r.at()), r);
                } else if (e instanceof ReferenceUnresolved u) {
                    unresolvedInDevelopment.putIfAbsent(key(u.at()), u);
                } else if (e instanceof TableNotFound t) {
                    missingInDevelopment.add(key(t.at()));
                }
            }
        }
    }

    private static String key(StatementRef at) {
        return at.file().relativePath() + ":" + at.position().line() + ":"
                + at.position().column();
    }

    /** The server whose rules the replay followed, for the words of messages. */
    public dev.refguard.source.Dialect dialect() {
        return production.dialect();
    }

    /** The production replay: schema migrations only. Every rule judges this one. */
    public ReplayResult replay() {
        return production;
    }

    /** The development replay: every file in order, seed files included. */
    public ReplayResult development() {
        return development;
    }

    /** Tables that stand for the same user identity. */
    public Set<TableId> identityTables() {
        return identityTables;
    }

    /** The configured canonical identity table, or {@code null}. */
    public TableId canonicalIdentityTable() {
        return canonicalIdentityTable;
    }

    /** The canonical identity table pinned in the baseline file, or {@code null}. */
    public TableId pinnedIdentityTable() {
        return pinnedIdentityTable;
    }

    /** Tables owned by someone else. */
    public Set<TableId> sharedTables() {
        return sharedTables;
    }

    /** The production replay's events of one type, in history order. */
    public <T extends ReplayEvent> Stream<T> events(Class<T> type) {
        return production.events().stream().filter(type::isInstance).map(type::cast);
    }

    /** The FKs in force at the end of the production history. */
    public List<ModelForeignKey> foreignKeys() {
        return production.foreignKeys();
    }

    /**
     * The same FK declaration in the development replay, when its target resolves there: a reference that only
     * seed files make valid.
     */
    public Optional<ReferenceResolved> resolvedInDevelopment(ReferenceUnresolved reference) {
        return Optional.ofNullable(resolvedInDevelopment.get(key(reference.at())));
    }

    /**
     * Where the development replay, seed files included, creates the missing target of {@code reference} later
     * (a seed file that runs after the migrations, as Supabase's {@code seed.sql} does), or {@code null}.
     */
    public Place laterSeedCreator(ReferenceUnresolved reference) {
        ReferenceUnresolved twin = unresolvedInDevelopment.get(key(reference.at()));
        Place later = twin == null ? null : twin.laterCreator();
        return later != null && later.file().seed() ? later : null;
    }

    /** Whether the table an ALTER TABLE misses in production exists in development: only seed files create it. */
    public boolean foundInDevelopment(TableNotFound missing) {
        return production != development && !missingInDevelopment.contains(key(missing.at()));
    }

    /**
     * Whether the project lives on a platform with managed schemas (a Supabase layout, or FKs into a
     * managed schema such as {@code auth}), where other projects may share the database.
     */
    public boolean usesManagedSchema() {
        return production.history().layout() == Layout.SUPABASE
                || production.tables().stream().anyMatch(t -> t.origin() == TableOrigin.MANAGED);
    }
}
