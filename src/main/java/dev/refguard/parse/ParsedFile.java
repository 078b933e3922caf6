package dev.refguard.parse;

import dev.refguard.source.MigrationFile;
import dev.refguard.split.SplitProblem;
import dev.refguard.split.SqlComment;
import java.util.List;

/**
 * One migration file after splitting and parsing.
 *
 * @param file the file
 * @param statements every statement in file order (skipped ones included, so coverage can be counted)
 * @param comments the comments, for suppression
 * @param problems what the splitter could not read (unterminated quotes, ...), and read errors
 *     (undecodable bytes, I/O)
 * @param lineCount the number of lines of the file, so findings can be checked against it
 */
public record ParsedFile(
        MigrationFile file,
        List<ParsedStatement> statements,
        List<SqlComment> comments,
        List<SplitProblem> problems,
        int lineCount) {
    public ParsedFile {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
        problems = List.copyOf(problems);
    }
}
