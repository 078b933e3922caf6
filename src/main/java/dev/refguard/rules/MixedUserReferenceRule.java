package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.rules.IdentityConvention.Reference;
import dev.refguard.schema.ModelColumn;
import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ModelTable;
import dev.refguard.schema.SqlTypes;
import dev.refguard.schema.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application's FKs point at more than one identity table ({@code auth.users} and {@code public.users}).
 * Incident: a baseline had 7 FKs to public.users and 6 to auth.users, even within one table; tests passed with
 * fixtures filling both, production failed whenever the auth→public sync lagged. Which FKs count and which table is
 * canonical is {@link IdentityConvention}'s answer.
 */
public final class MixedUserReferenceRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "mixed-user-reference",
            Severity.ERROR,
            "Foreign keys of the application's tables point at more than one user identity table.",
            "Pick one identity table and point every FK at it. The canonical table is canonicalIdentityTable when"
                    + " set, else the one the baseline file pins (the baseline goal records it), else the one most"
                    + " FKs use (a tie goes to the table referenced first in migration order); set"
                    + " canonicalIdentityTable so that adding FKs never changes which lines are wrong. Extension FKs,"
                    + " whose columns are their table's whole primary key (profiles.id -> auth.users.id, the"
                    + " profile pattern), and FKs declared on an identity table are not counted. Re-point an FK in"
                    + " a new migration: drop the constraint and add it again with NOT VALID, then VALIDATE"
                    + " CONSTRAINT once the rows are consistent.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        IdentityConvention convention = IdentityConvention.of(context);
        TableId canonical = convention.canonical();
        if (canonical == null) {
            return;
        }
        Map<TableId, List<Reference>> byTarget = convention.byTarget();
        String counts = counts(byTarget);
        String why = why(convention);
        for (Map.Entry<TableId, List<Reference>> e : byTarget.entrySet()) {
            if (e.getKey().equals(canonical)) {
                continue;
            }
            for (Reference fk : e.getValue()) {
                String message = Describe.source(fk.from(), fk.fromColumns()) + " references "
                        + Describe.target(fk.target(), fk.targetColumns()) + ", but " + why + ": " + counts;
                String fix = fk.rejected() ? "" : repointSql(context, fk, convention);
                sink.reportWithFix(INFO, fk.at(), message, hint(fk, convention, fix), fix);
            }
        }
    }

    private static String why(IdentityConvention convention) {
        TableId canonical = convention.canonical();
        String pin = IdentityConvention.pinningConfiguration(canonical);
        return switch (convention.basis()) {
            case CONFIGURED -> "canonicalIdentityTable is " + canonical.sql();
            case PINNED -> "the baseline file pins " + canonical.sql() + " as the canonical identity table";
            case MAJORITY -> "most FKs use " + canonical.sql() + " (inferred; pin it with " + pin + ")";
            case TIE ->
                canonical.sql() + " is canonical because it is referenced first in migration order, the"
                        + " counts being tied (inferred; pin it with " + pin + ")";
            case NONE -> throw new IllegalStateException("no canonical identity table");
        };
    }

    private static String counts(Map<TableId, List<Reference>> byTarget) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<TableId, List<Reference>> e : byTarget.entrySet()) {
            int n = e.getValue().size();
            List<String> cols = e.getValue().get(0).targetColumns();
            parts.add(n + (n == 1 ? " FK references " : " FKs reference ") + Describe.target(e.getKey(), cols));
        }
        return String.join(", ", parts);
    }

    /** The target columns of the canonical table: those its FKs name, else this FK's, else {@code id}. */
    private static List<String> canonicalColumns(Reference fk, IdentityConvention convention) {
        List<Reference> canonicalFks = convention.byTarget().get(convention.canonical());
        List<String> targetColumns = canonicalFks != null && !canonicalFks.isEmpty()
                ? canonicalFks.get(0).targetColumns()
                : fk.targetColumns();
        return targetColumns.isEmpty() ? List.of("id") : targetColumns;
    }

    /**
     * The migration that re-points an FK in force at the canonical table, without locking on validation, written
     * against the tables as they are at the end of the history (a later rename moves the FK with its table). Empty
     * when PostgreSQL would reject it there: the FK's columns cannot reference the canonical key's type, or those
     * columns are no unique key of the canonical table; the column must change first, which no exact SQL says.
     */
    private static String repointSql(RuleContext context, Reference fk, IdentityConvention convention) {
        TableId canonical = convention.canonical();
        ModelForeignKey now = context.foreignKeys().stream()
                .filter(k -> k.oid() == fk.oid())
                .findFirst()
                .orElse(null);
        if (now == null) {
            return "";
        }
        List<String> targetColumns = canonicalColumns(fk, convention);
        if (targetColumns.size() != now.fromColumns().size()) {
            return "";
        }
        ModelTable target = context.replay().tables().stream()
                .filter(t -> t.id().equals(canonical))
                .findFirst()
                .orElse(null);
        if (target != null && target.columnsKnown()) {
            if (!target.isUniqueKey(targetColumns)) {
                return "";
            }
            for (int i = 0; i < targetColumns.size(); i++) {
                ModelColumn from = now.from().column(now.fromColumns().get(i)).orElse(null);
                ModelColumn to = target.column(targetColumns.get(i)).orElse(null);
                if (to == null || (from != null && SqlTypes.fit(from.type(), to.type()) == SqlTypes.Fit.INCOMPATIBLE)) {
                    return "";
                }
            }
        }
        String table = now.from().id().sql();
        String name = Identifier.sql(now.name() == null ? fk.constraintName() : now.name());
        return "ALTER TABLE " + table + " DROP CONSTRAINT " + name + ";\n"
                + "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY ("
                + Describe.columns(now.fromColumns()) + ") REFERENCES " + canonical.sql() + "("
                + Describe.columns(targetColumns) + ")"
                + Describe.actions(fk.onDelete(), fk.onUpdate())
                + " NOT VALID;\n"
                + "-- after fixing rows that have no match: ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name
                + ";";
    }

    private static String hint(Reference fk, IdentityConvention convention, String fix) {
        TableId canonical = convention.canonical();
        List<String> targetColumns = canonicalColumns(fk, convention);
        String repoint = "Point it at " + canonical.sql() + " in a new migration:\n" + fix;
        if (!fk.rejected() && fix.isEmpty()) {
            repoint = "Point it at " + canonical.sql() + "(" + Describe.columns(targetColumns) + ") in a new"
                    + " migration, once its column has the type of that key (as written, PostgreSQL would reject the"
                    + " FK): drop the constraint, change the column, add the constraint again";
        } else if (fk.rejected()) {
            repoint = "Point it at " + canonical.sql() + " where it is declared (PostgreSQL rejects it as written"
                    + " anyway): REFERENCES " + canonical.sql() + "(" + Describe.columns(targetColumns) + ")";
        }
        if (convention.basis().inferred()) {
            repoint += "\nrefguard inferred " + canonical.sql() + " from the counts; if "
                    + fk.target().sql()
                    + " is the right table, say so with <canonicalIdentityTable>"
                    + fk.target().sql()
                    + "</canonicalIdentityTable> (-Drefguard.canonicalIdentityTable="
                    + fk.target().sql()
                    + "), or record the inferred one with refguard:baseline.";
        }
        return repoint;
    }
}
