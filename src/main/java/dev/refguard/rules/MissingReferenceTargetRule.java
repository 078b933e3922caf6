package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.MissingColumn;
import dev.refguard.schema.ReplayEvent.Resolution;
import dev.refguard.schema.ReplayEvent.TableNotFound;
import dev.refguard.source.MigrationFile;

/**
 * A reference to a table (or column) that does not exist at that point of the history: no migration
 * creates it, or only a later one does, so a fresh database ({@code supabase db reset}, a new CI
 * database) fails there.
 */
public final class MissingReferenceTargetRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "missing-reference-target",
            Severity.ERROR,
            "A foreign key or ALTER TABLE names a table or column that does not exist at that point of the history.",
            "Create the table before the migration that references it, or move the reference into a migration"
                    + " that runs after the one creating the table. A table that exists outside the migrations"
                    + " belongs in externalTables (or sharedTables if another project owns it); tables of managed"
                    + " schemas (auth, storage, ...) are known without configuration.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(ForeignKeyDeclared.class)
                .filter(e -> !e.at().file().seed())
                .forEach(e -> checkForeignKey(e, sink));
        context.events(TableNotFound.class)
                .filter(e -> !e.at().file().seed() && e.caseVariant() == null)
                .forEach(e -> {
                    boolean sameFile = e.at().file().equals(e.laterCreator());
                    String when = e.laterCreator() == null
                            ? ", which no migration creates"
                            : ", which does not exist yet: "
                                    + later(e.at().file(), e.laterCreator(), e.laterCreatorLine());
                    String message = "ALTER TABLE names " + Describe.table(e.wanted()) + when
                            + uncertain(e.incompleteKnowledge());
                    String hint = e.laterCreator() == null
                            ? "Create " + e.wanted().sql() + " in an earlier migration, or write ALTER TABLE IF EXISTS"
                                    + " if the table is optional."
                            : sameFile
                                    ? "Move the CREATE TABLE at line " + e.laterCreatorLine() + " above this statement."
                                    : "Move this statement into a migration that runs after "
                                            + Describe.file(e.laterCreator()) + ", or create the table earlier.";
                    sink.report(INFO, INFO.defaultSeverity(), e.at(), message, hint, e.incompleteKnowledge());
                });
    }

    private static void checkForeignKey(ForeignKeyDeclared e, FindingSink sink) {
        if (e.resolution() == Resolution.MISSING_TABLE) {
            if (e.caseVariant() != null || SeedOnlyReferenceRule.seedOnly(e)) {
                return; // identifier-case-mismatch and seed-only-reference say it better
            }
            String target = Describe.target(e.wantedTarget(), e.targetColumns());
            String message;
            String hint;
            if (e.laterCreator() != null && e.laterCreator().equals(e.at().file())) {
                message = Describe.source(e) + " references " + target + ", which does not exist yet: "
                        + later(e.at().file(), e.laterCreator(), e.laterCreatorLine());
                hint = "A fresh database fails here. Move the CREATE TABLE of "
                        + e.wantedTarget().sql() + " (line " + e.laterCreatorLine() + ") above this statement.";
            } else if (e.laterCreator() != null) {
                message = Describe.source(e) + " references " + target + ", which does not exist yet: "
                        + later(e.at().file(), e.laterCreator(), e.laterCreatorLine());
                hint = "A fresh database fails here. Create " + e.wantedTarget().sql() + " in a migration that runs"
                        + " before " + Describe.file(e.at().file()) + ", or add the FK in a new migration after "
                        + Describe.file(e.laterCreator()) + ":\nALTER TABLE "
                        + e.source().id().sql()
                        + " ADD CONSTRAINT " + Identifier.sql(Describe.constraintName(e)) + " FOREIGN KEY ("
                        + Describe.columns(e.spec().columns().stream()
                                .map(Identifier::folded)
                                .toList())
                        + ") REFERENCES " + target
                        + Describe.actions(e.spec().onDelete(), e.spec().onUpdate()) + ";";
            } else {
                message = Describe.source(e) + " references " + target + ", which no migration creates";
                hint = "Create " + e.wantedTarget().sql() + " in an earlier migration; if it exists outside these"
                        + " migrations, add it to externalTables (or sharedTables when another project owns it).";
            }
            sink.report(
                    INFO,
                    INFO.defaultSeverity(),
                    e.at(),
                    message + uncertain(e.incompleteKnowledge()),
                    hint,
                    e.incompleteKnowledge());
            return;
        }
        for (MissingColumn missing : e.missingColumns()) {
            if (missing.caseVariant() != null) {
                continue; // identifier-case-mismatch
            }
            String table = Describe.table(missing.table().id());
            String message = Describe.source(e) + " references " + Describe.target(e.wantedTarget(), e.targetColumns())
                    + ", but " + table + " has no column " + missing.written().written();
            String hint = "Name an existing column of " + table + " ("
                    + Describe.columns(missing.table().columns().stream()
                            .map(c -> c.name())
                            .toList())
                    + "), or add the column before this statement.";
            sink.report(INFO, e.at(), message, hint);
        }
    }

    /** Where the table is created later: in a later migration, or further down the same file. */
    private static String later(MigrationFile here, MigrationFile creator, int line) {
        return here.equals(creator)
                ? "it is created further down this file, at line " + line
                : "only the later migration " + Describe.file(creator) + " creates it";
    }

    private static String uncertain(boolean incompleteKnowledge) {
        return incompleteKnowledge ? " (unless a statement refguard could not read creates it)" : "";
    }
}
