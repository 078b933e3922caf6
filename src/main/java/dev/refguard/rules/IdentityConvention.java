package dev.refguard.rules;

import dev.refguard.schema.ModelTable;
import dev.refguard.schema.ReplayEvent.ReferenceResolved;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.TableId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which identity table one history's application FKs should use, and the FKs that count (README, "Identity
 * conventions").
 *
 * <p>Counted: every FK of the production replay to a member of {@code identityTables}, in force at the end or
 * rejected by PostgreSQL (a type mismatch does not hide which table it names), except FKs declared on an identity
 * table and <em>extension</em> FKs, whose referencing columns are the whole primary key of their table
 * ({@code profiles.id uuid primary key references auth.users(id)}): that is the profile pattern, recognised by its
 * shape whatever the table is called.
 *
 * <p>The canonical table is, in this order: {@code canonicalIdentityTable}; the table the baseline file pins; the
 * table most counted FKs reference. A tie goes to the table referenced first in migration order (the first counted
 * FK's target), so the same history always gives the same answer.
 *
 * @param canonical the canonical table, or {@code null} when nothing decides one (no counted FK, nothing configured)
 * @param basis how the canonical table was chosen
 * @param byTarget the counted references by target, targets in order of their first reference
 */
public record IdentityConvention(TableId canonical, Basis basis, Map<TableId, List<Reference>> byTarget) {

    /** How the canonical table was chosen. */
    public enum Basis {
        /** {@code canonicalIdentityTable} is set. */
        CONFIGURED,
        /** The baseline file pins it. */
        PINNED,
        /** Most counted FKs reference it. */
        MAJORITY,
        /** Two or more tables have the most FKs; it is the one referenced first in migration order. */
        TIE,
        /** No counted FK and nothing configured. */
        NONE;

        /** Whether refguard chose the table itself (so the baseline goal records it). */
        public boolean inferred() {
            return this == MAJORITY || this == TIE;
        }
    }

    /**
     * One counted application FK to an identity table.
     *
     * @param at where the FK is declared
     * @param from the referencing table as named there
     * @param fromColumns the referencing columns
     * @param target the referenced identity table (its name now: renames move FKs)
     * @param targetColumns the referenced columns
     * @param constraintName the constraint's name
     * @param onDelete the ON DELETE action
     * @param onUpdate the ON UPDATE action
     * @param rejected whether PostgreSQL rejects the FK (it is checked all the same)
     * @param oid the FK's identity in the model ({@link dev.refguard.schema.ModelForeignKey#oid()}), so its state at the end of the
     *     history can be found; 0 when PostgreSQL rejects it
     */
    public record Reference(
            StatementRef at,
            TableId from,
            List<String> fromColumns,
            TableId target,
            List<String> targetColumns,
            String constraintName,
            String onDelete,
            String onUpdate,
            boolean rejected,
            long oid) {
        public Reference {
            fromColumns = List.copyOf(fromColumns);
            targetColumns = List.copyOf(targetColumns);
        }
    }

    public IdentityConvention {
        Map<TableId, List<Reference>> copy = new LinkedHashMap<>();
        byTarget.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byTarget = java.util.Collections.unmodifiableMap(copy);
    }

    /** An FK's identity for counting: the table (by its {@link ModelTable#oid()}), its columns, the target. */
    private record FkKey(long source, List<String> columns, TableId target) {}

    /** The convention of the history {@code context} holds. */
    public static IdentityConvention of(RuleContext context) {
        Set<Long> inForce = new HashSet<>();
        context.foreignKeys().forEach(fk -> inForce.add(fk.oid()));
        Map<TableId, List<Reference>> byTarget = new LinkedHashMap<>();
        // one FK stated twice (an idempotent migration repeating its ADD CONSTRAINT) counts once
        Set<FkKey> seen = new HashSet<>();
        context.events(ReferenceResolved.class).forEach(e -> {
            boolean counted = e.added() == null || inForce.contains(e.added().oid());
            TableId target = e.target().id();
            if (!counted
                    || !seen.add(new FkKey(e.source().oid(), e.sourceColumns(), target))
                    || !context.identityTables().contains(target)
                    || context.identityTables().contains(e.source().id())
                    || isExtension(e.source(), e.sourceColumns())) {
                return;
            }
            String name = Describe.constraintName(e);
            Reference reference = new Reference(
                    e.at(),
                    e.sourceName(),
                    e.sourceColumns(),
                    target,
                    e.targetColumns(),
                    name,
                    e.spec().onDelete() == null ? "NO ACTION" : e.spec().onDelete(),
                    e.spec().onUpdate() == null ? "NO ACTION" : e.spec().onUpdate(),
                    e.added() == null,
                    e.added() == null ? 0 : e.added().oid());
            byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(reference);
        });
        TableId configured = context.canonicalIdentityTable();
        if (configured != null) {
            return new IdentityConvention(configured, Basis.CONFIGURED, byTarget);
        }
        TableId pinned = context.pinnedIdentityTable();
        if (pinned != null && context.identityTables().contains(pinned)) {
            return new IdentityConvention(pinned, Basis.PINNED, byTarget);
        }
        if (byTarget.isEmpty()) {
            return new IdentityConvention(null, Basis.NONE, byTarget);
        }
        // most references wins; a tie goes to the first referenced in migration order (map order)
        TableId best = null;
        int most = -1;
        boolean tie = false;
        for (Map.Entry<TableId, List<Reference>> e : byTarget.entrySet()) {
            int n = e.getValue().size();
            if (n > most) {
                most = n;
                best = e.getKey();
                tie = false;
            } else if (n == most) {
                tie = true;
            }
        }
        return new IdentityConvention(best, tie ? Basis.TIE : Basis.MAJORITY, byTarget);
    }

    /**
     * Whether FK columns {@code columns} of {@code table} are its whole primary key: the table extends the one it
     * references (one row per user), which is the profile pattern, not an application reference.
     */
    static boolean isExtension(ModelTable table, List<String> columns) {
        List<String> key = table.primaryKey();
        return !key.isEmpty() && key.size() == columns.size() && key.containsAll(columns);
    }

    /** The configuration that pins {@code table}, for messages and hints. */
    static String pinningConfiguration(TableId table) {
        return "<canonicalIdentityTable>" + table.sql() + "</canonicalIdentityTable>";
    }
}
