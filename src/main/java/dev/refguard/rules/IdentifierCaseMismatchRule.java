package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.MissingColumn;
import dev.refguard.schema.ReplayEvent.ReferenceUnresolved;
import dev.refguard.schema.ReplayEvent.TableNotFound;

/**
 * A reference and the table (or column) differ only in case or quoting: PostgreSQL folds unquoted names
 * to lower case and keeps quoted ones exactly, so {@code "User"} and {@code users} are different tables.
 */
public final class IdentifierCaseMismatchRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "identifier-case-mismatch",
            Severity.ERROR,
            "A reference differs from the table or column it means only in case or quoting.",
            "PostgreSQL folds unquoted identifiers to lower case and keeps quoted ones exactly: users, USERS and"
                    + " Users are one name, \"User\" is another. Write the name exactly as the table was created"
                    + " (quotes included), or rename the table once so both spellings agree.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(ForeignKeyDeclared.class).forEach(e -> {
            if (e instanceof ReferenceUnresolved u && u.caseVariant() != null) {
                String actual = u.caseVariant().id().sql();
                String message = Describe.source(e) + " references "
                        + e.spec().target().written()
                        + " (" + e.wantedTarget().sql() + "), but the table is " + actual
                        + ": the names differ only in case or quoting";
                String hint = "Write REFERENCES " + actual + " to match the table as created, or rename it"
                        + " once: ALTER TABLE " + actual + " RENAME TO "
                        + Identifier.sql(e.wantedTarget().name()) + ";";
                sink.report(INFO, e.at(), message, hint);
            }
            for (MissingColumn missing : e.missingColumns()) {
                if (missing.caseVariant() == null) {
                    continue;
                }
                String message = Describe.source(e) + " names column "
                        + missing.written().written() + " of "
                        + Describe.table(missing.table().id()) + ", but the column is "
                        + Identifier.sql(missing.caseVariant())
                        + ": the names differ only in case or quoting";
                String hint = "Write " + Identifier.sql(missing.caseVariant()) + " instead of "
                        + missing.written().written() + ".";
                sink.report(INFO, e.at(), message, hint);
            }
        });
        context.events(TableNotFound.class).filter(e -> e.caseVariant() != null).forEach(e -> {
            String actual = e.caseVariant().id().sql();
            String message = "ALTER TABLE names " + e.written().written() + " ("
                    + e.wanted().sql() + "), but the table is " + actual
                    + ": the names differ only in case or quoting";
            sink.report(INFO, e.at(), message, "Write ALTER TABLE " + actual + ".");
        });
    }
}
