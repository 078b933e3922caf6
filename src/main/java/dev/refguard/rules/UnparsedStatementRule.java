package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.InternalFailure;
import dev.refguard.schema.ReplayEvent;
import dev.refguard.schema.ReplayEvent.FileProblem;
import dev.refguard.schema.ReplayEvent.StatementUnreadable;
import dev.refguard.schema.TableId;
import java.util.stream.Stream;

/** A statement that can change tables or keys could not be read at all; the file could not be read cleanly. */
public final class UnparsedStatementRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "unparsed-statement",
            Severity.WARNING,
            "A statement that can change tables or keys could not be read.",
            "refguard reads each statement with JSqlParser and, where that fails, with a token-level reader. When"
                    + " both fail, the tables the statement touches are marked incomplete and findings that would"
                    + " depend on them are not raised as errors. Check the statement's syntax; if it is valid"
                    + " PostgreSQL, please report it, and suppress it meanwhile with"
                    + " -- refguard:ignore unparsed-statement <reason>.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * Events of the development replay, which reads every file: an unreadable statement in a seed file is worth
     * knowing too, and it is the one replay that saw it.
     */
    private static <T extends ReplayEvent> Stream<T> development(RuleContext context, Class<T> type) {
        return context.development().events().stream().filter(type::isInstance).map(type::cast);
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        development(context, StatementUnreadable.class).forEach(e -> {
            String tables = e.touched().isEmpty()
                    ? ""
                    : "; tables marked incomplete: "
                            + String.join(
                                    ", ", e.touched().stream().map(TableId::sql).toList());
            String problem = e.problem() == null ? "unknown reason" : e.problem();
            String hint = InternalFailure.isInternal(problem)
                    ? "This is a bug in refguard, not in the statement: please report it with the statement, and"
                            + " suppress this meanwhile with -- refguard:ignore unparsed-statement <reason>."
                    : "Check the statement's syntax; if it is valid PostgreSQL, suppress this with"
                            + " -- refguard:ignore unparsed-statement <reason> and report the statement.";
            sink.report(INFO, e.at(), "could not read this statement: " + problem + tables, hint);
        });
        development(context, FileProblem.class).forEach(e -> {
            String message = e.problem().message();
            // an unterminated quote or COPY block swallows the rest of the file; other problems do not
            boolean losesRest = message.startsWith("unterminated") || message.contains("the rest of the file");
            String hint = InternalFailure.isInternal(message)
                    ? "This is a bug in refguard, not in the file: please report it with the file."
                    : losesRest
                            ? "Close it: nothing after this point was read as statements."
                            : "Fix the file at this point; the rest of it was still read.";
            sink.report(INFO, e.at(), message, hint);
        });
    }
}
