package dev.refguard.parse;

import dev.refguard.split.StatementKind;
import java.util.List;

/**
 * The facts read from one statement. It keeps no statement text (only a fingerprint), so whole files
 * are not held in memory after they are parsed.
 *
 * @param kind the splitter's classification
 * @param line 1-based line where the statement starts
 * @param column 1-based column where the statement starts
 * @param fingerprint a stable hash of the statement's normalised text (whitespace and comments
 *     collapsed), used to match baseline entries
 * @param changes the schema changes, in statement order
 * @param outcome how it was read
 * @param problem for {@link ParseOutcome#UNREADABLE} (and {@link ParseOutcome#FALLBACK}), why the
 *     parser failed, or, for a bug in one of refguard's readers, an {@link InternalFailure} text; otherwise
 *     {@code null}
 * @param touchedTables for an unreadable statement, the tables it names as far as tokens tell (they
 *     are marked incomplete)
 * @param conditional whether the statement came from inside a {@code DO} block
 */
public record ParsedStatement(
        StatementKind kind,
        int line,
        int column,
        String fingerprint,
        List<SchemaChange> changes,
        ParseOutcome outcome,
        String problem,
        List<QualifiedName> touchedTables,
        boolean conditional) {
    public ParsedStatement {
        changes = List.copyOf(changes);
        touchedTables = List.copyOf(touchedTables);
    }
}
