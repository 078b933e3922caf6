package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ModelTable;
import dev.refguard.schema.ReplayEvent.Destructive;
import dev.refguard.schema.ReplayEvent.DestructiveKind;
import dev.refguard.schema.TableOrigin;
import java.util.List;

/**
 * DROP TABLE, TRUNCATE, DELETE without WHERE or DROP SCHEMA ... CASCADE touches a shared, platform or
 * identity table; DROP TABLE ... CASCADE that silently removes other tables' FKs is a warning.
 */
public final class DestructiveOnSharedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "destructive-on-shared",
            Severity.ERROR,
            "A destructive statement touches a shared, platform-owned or identity table, or CASCADE removes other"
                    + " tables' foreign keys.",
            "Data in shared, platform and identity tables belongs to more than this migration history. Remove the"
                    + " statement, or restrict it (DELETE ... WHERE). For DROP TABLE ... CASCADE, drop the dependent"
                    + " foreign keys explicitly first so the change is visible in review.");

    private static String why(ModelTable table, RuleContext context) {
        if (table.origin() == TableOrigin.MANAGED) {
            return "owned by the platform";
        }
        if (table.origin() == TableOrigin.SHARED || context.sharedTables().contains(table.id())) {
            return "shared with other projects";
        }
        return "a user identity table";
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(Destructive.class).forEach(e -> {
            if (e.kind() == DestructiveKind.DROP_SCHEMA && !e.cascade()) {
                return;
            }
            List<ModelTable> protectedTables = e.tables().stream()
                    .filter(t -> t.origin() == TableOrigin.SHARED
                            || t.origin() == TableOrigin.MANAGED
                            || context.identityTables().contains(t.id())
                            || context.sharedTables().contains(t.id()))
                    .toList();
            if (!protectedTables.isEmpty()) {
                String names = String.join(
                        ", ", protectedTables.stream().map(t -> t.id().sql()).toList());
                String described = String.join(
                        ", ",
                        protectedTables.stream()
                                .map(t -> t.id().sql() + " (" + why(t, context) + ")")
                                .toList());
                String message = e.kind().sql() + (e.cascade() ? " ... CASCADE" : "") + " touches " + described;
                String hint = e.kind() == DestructiveKind.DELETE_ALL
                        ? "Restrict it: DELETE FROM ... WHERE ...; or remove the statement."
                        : "Remove the statement; this history does not own " + names + ".";
                sink.report(INFO, e.at(), message, hint);
            } else if (e.kind() == DestructiveKind.DROP_TABLE
                    && e.cascade()
                    && !e.removedForeignKeys().isEmpty()) {
                List<String> fks = e.removedForeignKeys().stream()
                        .map(ModelForeignKey::describeSource)
                        .toList();
                String message = "DROP TABLE ... CASCADE silently removes " + fks.size()
                        + (fks.size() == 1 ? " foreign key" : " foreign keys") + " of other tables: "
                        + String.join(", ", fks);
                String hint = "Drop them explicitly first, e.g. "
                        + e.removedForeignKeys().stream()
                                .map(fk -> "ALTER TABLE " + fk.from().id().sql() + " DROP CONSTRAINT "
                                        + dev.refguard.parse.Identifier.sql(fk.name()) + ";")
                                .findFirst()
                                .orElse("");
                sink.report(INFO, Severity.WARNING, e.at(), message, hint, false);
            }
        });
    }
}
