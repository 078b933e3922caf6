package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.ReplayEvent.TableCreated;

/** A plain CREATE TABLE names a table that already exists at that point: a fresh replay fails there. */
public final class TableRedefinedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "table-redefined",
            Severity.ERROR,
            "CREATE TABLE names a table an earlier migration already created.",
            "A fresh database fails with \"relation already exists\". Change the existing table with ALTER TABLE,"
                    + " or DROP TABLE it first if it really must be replaced.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(TableCreated.class)
                .filter(e -> !e.spec().ifNotExists()
                        && e.existing() != null
                        && !e.existing().origin().preexisting())
                .forEach(e -> {
                    String where = e.existing().createdBy() == null
                            ? ""
                            : " (created by " + Describe.file(e.existing().createdBy())
                                    + (e.existing().createdAt() == null
                                            ? ""
                                            : ":" + e.existing().createdAt().line())
                                    + ")";
                    String message = "CREATE TABLE " + e.id().sql() + ": the table already exists" + where
                            + "; a fresh database fails with relation \"" + e.id().name() + "\" already exists";
                    String hint = "Change the existing table instead, e.g. ALTER TABLE " + e.id().sql()
                            + " ADD COLUMN ...; or DROP TABLE " + e.id().sql() + " first if it must be replaced.";
                    sink.report(INFO, e.at(), message, hint);
                });
    }
}
