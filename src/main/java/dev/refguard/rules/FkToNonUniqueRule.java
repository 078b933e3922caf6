package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.Resolution;
import dev.refguard.schema.TableOrigin;

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
                    + " reference the primary key: other unique columns may change.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(ForeignKeyDeclared.class)
                .filter(e -> !e.at().file().seed() && e.resolution() == Resolution.RESOLVED)
                .forEach(e -> {
                    String target = Describe.target(e.target().id(), e.targetColumns());
                    if (Boolean.FALSE.equals(e.referencedKeyUnique())) {
                        boolean noKey = e.targetColumns().isEmpty();
                        String message = Describe.source(e) + " references " + target
                                + (noKey
                                        ? ", which has no primary key to reference"
                                        : ", which is neither the primary key nor a unique key of "
                                                + Describe.table(e.target().id()));
                        String hint = noKey
                                ? "Add a primary key first: ALTER TABLE "
                                        + e.target().id().sql()
                                        + " ADD PRIMARY KEY (...); or name unique columns in REFERENCES."
                                : "Add the key first: ALTER TABLE "
                                        + e.target().id().sql() + " ADD CONSTRAINT "
                                        + Identifier.sql(e.target().id().name() + "_"
                                                + String.join("_", e.targetColumns()) + "_key")
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
                                + Describe.target(e.target().id(), e.target().primaryKey()) + " instead.";
                        sink.report(INFO, e.at(), message, hint);
                    }
                });
    }
}
