package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.ReplayEvent.TableCreated;
import java.util.stream.Stream;

/**
 * A plain CREATE TABLE names a table that already exists at that point: a fresh replay fails there. In production
 * (schema migrations only), or in development only, when a seed file that runs earlier created the table first:
 * then every developer who sets up a database from the history stops at that statement.
 */
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
        context.events(TableCreated.class).filter(TableRedefinedRule::redefines).forEach(e -> {
            String message = "CREATE TABLE " + e.id().sql() + ": the table already exists" + createdBy(e)
                    + "; a fresh database fails with relation \"" + e.id().name() + "\" already exists";
            String hint = "Change the existing table instead, e.g. ALTER TABLE " + e.id().sql()
                    + " ADD COLUMN ...; or DROP TABLE " + e.id().sql() + " first if it must be replaced.";
            sink.report(INFO, e.at(), message, hint);
        });
        if (context.development() == context.replay()) {
            return;
        }
        // production is fine here; a database set up from every file, seed files included, is not
        developmentEvents(context)
                .filter(TableRedefinedRule::redefines)
                .filter(e -> !e.at().file().seed())
                .filter(e -> e.existing().createdBy() != null
                        && e.existing().createdBy().seed())
                .forEach(e -> {
                    String message = "CREATE TABLE " + e.id().sql() + " fails in development: the seed file "
                            + Describe.file(e.existing().createdBy()) + createdLine(e)
                            + " runs earlier and already created it (relation \"" + e.id().name()
                            + "\" already exists); production, which runs no seed files, is not affected";
                    String hint = "Write CREATE TABLE IF NOT EXISTS " + e.id().sql()
                            + " here, or remove the table from the seed file so that this migration is its one"
                            + " definition.";
                    sink.report(INFO, e.at(), message, hint);
                });
    }

    private static boolean redefines(TableCreated e) {
        return !e.spec().ifNotExists()
                && e.existing() != null
                && !e.existing().origin().preexisting();
    }

    private static Stream<TableCreated> developmentEvents(RuleContext context) {
        return context.development().events().stream()
                .filter(TableCreated.class::isInstance)
                .map(TableCreated.class::cast);
    }

    private static String createdBy(TableCreated e) {
        return e.existing().createdBy() == null
                ? ""
                : " (created by " + Describe.file(e.existing().createdBy()) + createdLine(e) + ")";
    }

    private static String createdLine(TableCreated e) {
        return e.existing().createdAt() == null
                ? ""
                : ":" + e.existing().createdAt().line();
    }
}
