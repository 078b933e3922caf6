package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.SourcePosition;
import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's FKs point at more than one identity table ({@code auth.users} and {@code public.users}).
 * Incident: a baseline had 7 FKs to public.users and 6 to auth.users, even within one table; tests passed
 * with fixtures filling both, production failed whenever the auth→public sync lagged.
 */
public final class MixedUserReferenceRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "mixed-user-reference",
            Severity.ERROR,
            "Foreign keys of the application's tables point at more than one user identity table.",
            "Pick one identity table (the one most FKs use, or canonicalIdentityTable) and point every FK at"
                    + " it. FKs declared on an identity table itself (public.users.id -> auth.users.id, the profile"
                    + " bridge) are not counted. Re-point an FK in a new migration: drop the constraint and add it"
                    + " again with NOT VALID, then VALIDATE CONSTRAINT once the rows are consistent.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        Map<TableId, List<ModelForeignKey>> byTarget = new LinkedHashMap<>();
        for (ModelForeignKey fk : context.foreignKeys()) {
            boolean counted = !fk.seed()
                    && context.identityTables().contains(fk.to().id())
                    && !context.identityTables().contains(fk.from().id());
            if (counted) {
                byTarget.computeIfAbsent(fk.to().id(), k -> new ArrayList<>()).add(fk);
            }
        }
        TableId canonical = context.canonicalIdentityTable();
        if (canonical == null) {
            if (byTarget.size() < 2) {
                return;
            }
            // most references wins; ties go to the first referenced in migration order (map order)
            int best = -1;
            for (Map.Entry<TableId, List<ModelForeignKey>> e : byTarget.entrySet()) {
                if (e.getValue().size() > best) {
                    best = e.getValue().size();
                    canonical = e.getKey();
                }
            }
        }
        String counts = counts(byTarget);
        for (Map.Entry<TableId, List<ModelForeignKey>> e : byTarget.entrySet()) {
            if (e.getKey().equals(canonical)) {
                continue;
            }
            for (ModelForeignKey fk : e.getValue()) {
                String why = context.canonicalIdentityTable() != null
                        ? "canonicalIdentityTable is " + canonical.sql()
                        : "most FKs use " + canonical.sql();
                String message =
                        fk.describeSource() + " references " + fk.describeTarget() + ", but " + why + ": " + counts;
                SourcePosition pos = fk.position();
                sink.report(
                        INFO,
                        new StatementRef(fk.file(), pos, fk.statementLine(), fk.fingerprint()),
                        message,
                        hint(fk, canonical, byTarget.get(canonical)));
            }
        }
    }

    private static String counts(Map<TableId, List<ModelForeignKey>> byTarget) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<TableId, List<ModelForeignKey>> e : byTarget.entrySet()) {
            int n = e.getValue().size();
            String cols = e.getValue().get(0).toColumns().isEmpty()
                    ? ""
                    : "(" + String.join(", ", e.getValue().get(0).toColumns()) + ")";
            parts.add(n
                    + (n == 1 ? " FK references " : " FKs reference ")
                    + e.getKey().sql()
                    + cols);
        }
        return String.join(", ", parts);
    }

    private static String hint(ModelForeignKey fk, TableId canonical, List<ModelForeignKey> canonicalFks) {
        List<String> targetColumns = canonicalFks != null && !canonicalFks.isEmpty()
                ? canonicalFks.get(0).toColumns()
                : fk.toColumns();
        if (targetColumns.isEmpty()) {
            targetColumns = List.of("id");
        }
        String table = fk.from().id().sql();
        String name = dev.refguard.parse.Identifier.sql(fk.name());
        return "Point it at " + canonical.sql() + " in a new migration:\n"
                + "ALTER TABLE " + table + " DROP CONSTRAINT " + name + ";\n"
                + "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY ("
                + Describe.columns(fk.fromColumns()) + ") REFERENCES " + canonical.sql() + "("
                + Describe.columns(targetColumns) + ")" + Describe.actions(fk.onDelete(), fk.onUpdate())
                + " NOT VALID;\n"
                + "-- after fixing rows that have no match: ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name
                + ";";
    }
}
