package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ReferenceResolved;
import dev.refguard.schema.TableOrigin;
import dev.refguard.source.Dialect;

/**
 * The referenced columns are neither the primary key nor a unique key of the target (PostgreSQL rejects
 * the FK), or they are a unique but non-primary key of a platform table, which the platform may change.
 */
public final class FkToNonUniqueRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "fk-to-non-unique",
            Severity.ERROR,
            "A foreign key references columns that are not the target's primary key or a unique key.",
            "PostgreSQL only accepts FKs to a primary key or unique constraint. Reference the primary key, or add"
                    + " a unique constraint on the referenced columns first. On platform tables (auth.users),"
                    + " reference the primary key: other unique columns may change. MySQL 8.4 wants the same (a"
                    + " non-unique or partial key is refused by restrict_fk_on_non_standard_key); MariaDB accepts any"
                    + " index whose leading columns are the referenced ones.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(ReferenceResolved.class).forEach(e -> {
            String target = Describe.target(e.wantedTarget(), e.targetColumns());
            if (Boolean.FALSE.equals(e.referencedKeyUnique())) {
                boolean noKey = e.targetColumns().isEmpty();
                Dialect dialect = context.dialect();
                String message = Describe.source(e) + " references " + target
                        + (noKey
                                ? ", which has no primary key to reference"
                                : dialect == Dialect.MARIADB
                                        ? ", and no index of " + Describe.table(e.wantedTarget())
                                                + " starts with those columns: MariaDB rejects the foreign key"
                                                + " (errno: 150 \"Foreign key constraint is incorrectly formed\")"
                                        : ", which is neither the primary key nor a unique key of "
                                                + Describe.table(e.wantedTarget())
                                                + (dialect == Dialect.MYSQL
                                                        ? ": MySQL 8.4 rejects the foreign key"
                                                                + " (restrict_fk_on_non_standard_key)"
                                                        : ""));
                String hint = noKey
                        ? "Add a primary key first: ALTER TABLE "
                                + e.wantedTarget().sql()
                                + " ADD PRIMARY KEY (...); or name unique columns in REFERENCES."
                        : "Add the key first: ALTER TABLE "
                                + e.wantedTarget().sql() + " ADD CONSTRAINT "
                                + Identifier.sql(
                                        e.wantedTarget().name() + "_" + String.join("_", e.targetColumns()) + "_key")
                                + " UNIQUE (" + Describe.columns(e.targetColumns())
                                + "); or reference its primary key.";
                sink.report(INFO, e.at(), message, hint);
            } else if (Boolean.TRUE.equals(e.referencedKeyUnique())
                    && e.target().origin() == TableOrigin.MANAGED
                    && !e.target().primaryKey().isEmpty()
                    && !e.target().primaryKey().equals(e.targetColumns())) {
                String message = Describe.source(e) + " references " + target
                        + ", a unique but not primary key of a platform table, which the platform may change";
                String hint = "Reference "
                        + Describe.target(e.wantedTarget(), e.target().primaryKey()) + " instead.";
                sink.report(INFO, e.at(), message, hint);
            }
        });
    }
}
