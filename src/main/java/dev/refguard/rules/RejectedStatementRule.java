package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.schema.ReplayEvent.StatementRejected;
import dev.refguard.schema.SqlState;

/**
 * PostgreSQL rejects a statement that shapes tables, columns, keys or foreign keys, for a reason no other rule
 * names: a missing schema or column, a key others depend on dropped without {@code CASCADE}, an FK to a
 * {@code DEFERRABLE} key, a name already taken. The replay records these as {@link StatementRejected} events with
 * PostgreSQL's own words (docs/replay.md, "Rejected statements and cascades"); the message quotes them.
 */
public final class RejectedStatementRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "rejected-statement",
            Severity.ERROR,
            "PostgreSQL rejects a statement that shapes tables, columns, keys or foreign keys.",
            "A fresh database (a new environment, CI, supabase db reset) fails at this statement with the error"
                    + " quoted in the message, and everything that needs what the statement would have made fails"
                    + " after it. Fix the statement, or the earlier migration it relies on.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        // a statement under a guard refguard cannot evaluate (IF existing_name IS NULL THEN ...) is mostly guarded
        // against exactly this failure: saying PostgreSQL rejects it would be a guess, so the rule stays silent
        context.events(StatementRejected.class).filter(e -> !e.at().uncertain()).forEach(e -> {
            String message = e.state() == SqlState.MYSQL_FK_COLUMN_CHANGE
                    ? context.dialect().displayName() + " rejects this statement: " + e.message() + " (error 1832)"
                    : (context.dialect().mysqlFamily()
                                    ? context.dialect().displayName()
                                            + " rejects this statement; in PostgreSQL's words: "
                                    : "PostgreSQL rejects this statement: ")
                            + e.message() + " (SQLSTATE "
                            + e.state().code() + ")"
                            + (e.uncertain() ? "; a statement refguard could not read may change that" : "");
            sink.report(INFO, INFO.defaultSeverity(), e.at(), message, hint(e.state()), e.uncertain());
        });
    }

    /** What to do, by the kind of error PostgreSQL raises. */
    static String hint(SqlState state) {
        return switch (state) {
            case INVALID_SCHEMA_NAME ->
                "Create the schema in an earlier migration (CREATE SCHEMA IF NOT EXISTS ...),"
                        + " or name a schema that exists.";
            case UNDEFINED_TABLE, UNDEFINED_COLUMN, UNDEFINED_OBJECT ->
                "Create it in an earlier migration, or"
                        + " correct the name; if it is meant to be optional, write IF EXISTS where the statement allows.";
            case DUPLICATE_TABLE, DUPLICATE_COLUMN, DUPLICATE_OBJECT, DUPLICATE_SCHEMA ->
                "Choose another name, or"
                        + " drop or rename the existing object first; write IF NOT EXISTS only where this statement is"
                        + " the object's one definition.";
            case DEPENDENT_OBJECTS_STILL_EXIST ->
                "Drop the foreign keys that depend on it first, or add CASCADE if"
                        + " dropping them with it is intended.";
            case WRONG_OBJECT_TYPE ->
                "Reference a primary key or unique constraint that is not DEFERRABLE: PostgreSQL"
                        + " checks foreign keys against immediately enforced keys only.";
            case INVALID_FOREIGN_KEY ->
                "Name as many referenced columns as referencing ones, in the order of the" + " referenced key.";
            case INVALID_TABLE_DEFINITION -> "Correct the table definition as the message says.";
            default -> "Correct the statement as the message says.";
        };
    }
}
