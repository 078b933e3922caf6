package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ColumnTypeChanged;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.ReferenceResolved;
import dev.refguard.schema.ReplayEvent.ReferenceUnresolved;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.ReplayEvent.TypeCheck;
import dev.refguard.schema.SqlTypes;
import dev.refguard.schema.TableId;
import dev.refguard.source.Dialect;
import java.util.List;

/**
 * The FK column's type cannot reference the key's type ({@code text} → {@code uuid}), as PostgreSQL decides it
 * (docs/rules.md, "How FK type compatibility is decided"); a number of another type PostgreSQL accepts
 * ({@code integer} → {@code bigint}) is a warning. Checked when the FK is declared and again when either column's
 * type changes while the FK is in force.
 */
public final class FkTypeMismatchRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "fk-type-mismatch",
            Severity.ERROR,
            "A foreign key column's type cannot reference the referenced column's type.",
            "PostgreSQL needs an equality operator between the two types in the referenced key's btree operator"
                    + " family, directly or after an implicit cast: text cannot reference uuid or citext, numeric"
                    + " cannot reference bigint, an enum only its own enum; varchar -> text and date -> timestamptz"
                    + " pass, a domain counts as its base type. A number of another type (integer -> bigint) is"
                    + " accepted but can overflow or mismatch: a warning. Give the FK column the referenced"
                    + " column's type. On MySQL and MariaDB (InnoDB) integer types must match in size and sign (INT"
                    + " cannot reference BIGINT UNSIGNED), CHAR/VARCHAR in character set and collation, TEXT never"
                    + " references VARCHAR; the server rejects a mismatch with errno 150.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        Dialect dialect = context.dialect();
        context.events(ReferenceResolved.class).forEach(e -> compare(dialect, e, e, sink));
        // a reference only seed files make valid is checked against the table they create: the type is wrong
        // there too, and a fix of the seed-only problem should not reveal it a run later
        context.events(ReferenceUnresolved.class)
                .forEach(e -> context.resolvedInDevelopment(e)
                        .ifPresent(development -> compare(dialect, e, development, sink)));
        context.events(ColumnTypeChanged.class).forEach(e -> {
            for (TypeCheck check : e.checks()) {
                compare(
                        dialect,
                        e.at(),
                        "after ALTER COLUMN " + Identifier.sql(e.column()) + " TYPE, ",
                        check.from(),
                        check.foreignKey().fromColumns(),
                        check.sourceTypes(),
                        check.to(),
                        check.foreignKey().toColumns(),
                        check.targetTypes(),
                        sink);
            }
        });
    }

    private static void compare(Dialect dialect, ForeignKeyDeclared e, ReferenceResolved resolved, FindingSink sink) {
        compare(
                dialect,
                e.at(),
                "",
                e.sourceName(),
                e.sourceColumns(),
                resolved.sourceTypes(),
                resolved.wantedTarget(),
                resolved.targetColumns(),
                resolved.targetTypes(),
                sink);
    }

    private static void compare(
            Dialect dialect,
            StatementRef at,
            String prefix,
            TableId source,
            List<String> sourceColumns,
            List<String> sourceTypes,
            TableId target,
            List<String> targetColumns,
            List<String> targetTypes,
            FindingSink sink) {
        int n = Math.min(
                Math.min(sourceColumns.size(), sourceTypes.size()), Math.min(targetColumns.size(), targetTypes.size()));
        for (int i = 0; i < n; i++) {
            SqlTypes.Fit fit = SqlTypes.fit(sourceTypes.get(i), targetTypes.get(i));
            if (fit != SqlTypes.Fit.INCOMPATIBLE && fit != SqlTypes.Fit.NARROWING) {
                continue;
            }
            String from = SqlTypes.display(sourceTypes.get(i));
            String to = SqlTypes.display(targetTypes.get(i));
            String column = sourceColumns.get(i);
            String message = prefix + Describe.table(source) + "." + Identifier.sql(column) + " is " + from
                    + " but references " + Describe.table(target) + "." + Identifier.sql(targetColumns.get(i))
                    + " of type " + to
                    + (fit != SqlTypes.Fit.INCOMPATIBLE
                            ? ": PostgreSQL accepts it, but values can fail to match"
                            : dialect.mysqlFamily()
                                    ? ": " + dialect.displayName() + " rejects the foreign key: Can't create table `"
                                            + source.name() + "` (errno: 150 \"Foreign key constraint is incorrectly"
                                            + " formed\")"
                                    : ": PostgreSQL rejects the foreign key");
            String hint = dialect.mysqlFamily()
                    ? "Give the column the referenced type: ALTER TABLE " + source.name() + " MODIFY " + column + " "
                            + to + "; (or declare it " + to + " in the migration that creates it)"
                    : "Give the column the referenced type: ALTER TABLE "
                            + source.sql() + " ALTER COLUMN "
                            + Identifier.sql(column) + " TYPE " + to + " USING " + Identifier.sql(column) + "::" + to
                            + "; (or declare it " + to + " in the migration that creates it)";
            Severity severity = fit == SqlTypes.Fit.INCOMPATIBLE ? Severity.ERROR : Severity.WARNING;
            sink.report(INFO, severity, at, message, hint, false);
        }
    }
}
