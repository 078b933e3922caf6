package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.MissingColumn;
import dev.refguard.schema.ReplayEvent.Place;
import dev.refguard.schema.ReplayEvent.ReferenceUnresolved;
import dev.refguard.schema.ReplayEvent.TableNotFound;
import dev.refguard.schema.TableStep;
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
        context.events(ReferenceUnresolved.class).forEach(e -> checkUnresolved(context, e, sink));
        // a missing column is its own problem, whether or not the target table was found
        context.events(ForeignKeyDeclared.class).forEach(e -> checkColumns(e, sink));
        context.events(TableNotFound.class).filter(e -> e.caseVariant() == null).forEach(e -> {
            String message;
            String hint;
            if (e.laterCreator() != null) {
                message = "ALTER TABLE names " + Describe.table(e.wanted()) + ", which does not exist yet: "
                        + later(e.at().file(), e.laterCreator());
                hint = e.at().file().equals(e.laterCreator().file())
                        ? "Move the CREATE TABLE at line " + e.laterCreator().line() + " above this statement."
                        : "Move this statement into a migration that runs after "
                                + Describe.file(e.laterCreator().file()) + ", or create the table earlier.";
            } else if (e.formerly() != null) {
                message = "ALTER TABLE names " + Describe.table(e.wanted()) + ", but "
                        + e.formerly().describe();
                hint = formerHint(e.formerly(), "Write ALTER TABLE ");
            } else if (context.foundInDevelopment(e)) {
                message = "ALTER TABLE names " + Describe.table(e.wanted()) + ", which only seed/demo files create";
                hint = "Create " + e.wanted().sql() + " in a schema migration before this one: seed files do"
                        + " not run in production.";
            } else {
                message = "ALTER TABLE names " + Describe.table(e.wanted()) + ", which no migration creates";
                hint = "Create " + e.wanted().sql() + " in an earlier migration, or write ALTER TABLE IF"
                        + " EXISTS if the table is optional.";
            }
            sink.report(
                    INFO,
                    INFO.defaultSeverity(),
                    e.at(),
                    message + uncertain(e.incompleteKnowledge()),
                    hint,
                    e.incompleteKnowledge());
        });
    }

    /** The hint for a name that once named a table: use the new name, or re-create a dropped table. */
    private static String formerHint(TableStep fate, String statement) {
        return switch (fate.kind()) {
            case RENAMED, MOVED ->
                statement + fate.newName().sql() + " instead: the table has that name since " + fate.where() + ".";
            case REJECTED ->
                "Fix the CREATE TABLE of " + fate.name().sql() + " at " + fate.where()
                        + " first: this statement fails only because that one does.";
            default ->
                "The table no longer exists here (dropped by " + fate.where() + "): remove this statement,"
                        + " or create the table again before it.";
        };
    }

    private static void checkUnresolved(RuleContext context, ReferenceUnresolved e, FindingSink sink) {
        if (e.caseVariant() != null || SeedOnlyReferenceRule.seedOnly(context, e)) {
            return; // identifier-case-mismatch and seed-only-reference say it better
        }
        String target = Describe.target(e.wantedTarget(), e.targetColumns());
        String message;
        String hint;
        Place later = e.laterCreator();
        if (later != null && later.file().equals(e.at().file())) {
            message = Describe.source(e) + " references " + target + ", which does not exist yet: "
                    + later(e.at().file(), later);
            hint = "A fresh database fails here. Move the CREATE TABLE of "
                    + e.wantedTarget().sql() + " (line " + later.line() + ") above this statement.";
        } else if (later != null) {
            message = Describe.source(e) + " references " + target + ", which does not exist yet: "
                    + later(e.at().file(), later);
            hint = "A fresh database fails here. Create " + e.wantedTarget().sql() + " in a migration that runs"
                    + " before " + Describe.file(e.at().file()) + ", or add the FK in a new migration after "
                    + Describe.file(later.file()) + ":\nALTER TABLE "
                    + e.sourceName().sql()
                    + " ADD CONSTRAINT " + Identifier.sql(Describe.constraintName(e)) + " FOREIGN KEY ("
                    + Describe.columns(e.sourceColumns())
                    + ") REFERENCES " + target
                    + Describe.actions(e.spec().onDelete(), e.spec().onUpdate()) + ";";
        } else if (e.formerly() != null) {
            message = Describe.source(e) + " references " + target + ", but "
                    + e.formerly().describe();
            hint = formerHint(e.formerly(), "Write REFERENCES ");
        } else if (context.laterSeedCreator(e) != null) {
            Place seed = context.laterSeedCreator(e);
            message = Describe.source(e) + " references " + target + ", which no schema migration creates: only the"
                    + " seed/demo file " + Describe.file(seed.file()) + " does, and it runs after this migration";
            hint = "Create " + e.wantedTarget().sql() + " in a schema migration that runs before "
                    + Describe.file(e.at().file()) + ": seed files do not run in production, and even in development"
                    + " they run too late for this reference.";
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
    }

    private static void checkColumns(ForeignKeyDeclared e, FindingSink sink) {
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
    private static String later(MigrationFile here, Place creator) {
        return here.equals(creator.file())
                ? "it is created further down this file, at line " + creator.line()
                : "only the later migration " + Describe.file(creator.file()) + " creates it";
    }

    private static String uncertain(boolean incompleteKnowledge) {
        return incompleteKnowledge ? " (unless a statement refguard could not read creates it)" : "";
    }
}
