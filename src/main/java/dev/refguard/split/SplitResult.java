package dev.refguard.split;

import java.util.List;

/** Everything the splitter found in one file. */
public record SplitResult(List<SqlStatement> statements, List<SqlComment> comments, List<SplitProblem> problems) {
    public SplitResult {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
        problems = List.copyOf(problems);
    }
}
