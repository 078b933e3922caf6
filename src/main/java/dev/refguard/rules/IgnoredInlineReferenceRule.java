package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ReplayEvent.ReferenceIgnored;
import java.util.stream.Collectors;

/**
 * A column's inline {@code REFERENCES} on MySQL (8.4 and earlier): the server parses it and makes no foreign key, without an error or
 * a warning, so the migration reads as if the reference were enforced while nothing checks it. (MariaDB 10.5+ makes
 * a real foreign key of the same text, so a schema moved from MariaDB to MySQL loses its FKs silently.)
 */
public final class IgnoredInlineReferenceRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "ignored-inline-reference",
            Severity.ERROR,
            "MySQL ignores a column's inline REFERENCES: no foreign key is created.",
            "MySQL (8.4 and earlier, as its manual says: \"MySQL parses but ignores inline REFERENCES"
                    + " specifications\") reads `col INT REFERENCES t(id)` in a column definition and drops it: no"
                    + " foreign key, no index, no error. MariaDB 10.5+ does create the key, so the same migration"
                    + " behaves differently on the two servers. Write the key as a table constraint, `FOREIGN KEY"
                    + " (col) REFERENCES t(id)`, or add it with ALTER TABLE ... ADD FOREIGN KEY.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(ReferenceIgnored.class).forEach(e -> {
            ForeignKeySpec spec = e.spec();
            String column =
                    spec.columns().isEmpty() ? "?" : spec.columns().get(0).text();
            String target = spec.target().name().text()
                    + (spec.targetColumns().isEmpty()
                            ? ""
                            : spec.targetColumns().stream()
                                    .map(Identifier::text)
                                    .collect(Collectors.joining(", ", "(", ")")));
            String message = e.source().name() + "." + column + " REFERENCES " + target
                    + " is written inline in the column's definition: "
                    + context.dialect().displayName()
                    + " parses it and creates no foreign key";
            String hint = "Declare it as a table constraint: ALTER TABLE "
                    + e.source().name() + " ADD FOREIGN KEY (" + column + ") REFERENCES " + target + ";";
            sink.report(INFO, e.at(), message, hint);
        });
    }
}
