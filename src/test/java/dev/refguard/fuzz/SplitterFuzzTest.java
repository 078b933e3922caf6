package dev.refguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.refguard.split.SplitProblem;
import dev.refguard.split.SplitResult;
import dev.refguard.split.SqlComment;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementSplitter;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link StatementSplitter#split} (input text: see {@link FuzzInputs#text}).
 *
 * <p>Invariants, for every input:
 *
 * <ol>
 *   <li>no exception escapes;
 *   <li>every statement span lies inside the content ({@code 0 <= start < end <= length}; empty statements
 *       are dropped), spans are non-overlapping and increasing, and
 *       {@code content.substring(start, end).equals(text)}; the text neither starts nor ends with
 *       whitespace;
 *   <li>each statement's line and column equal those computed here from its offset ({@link TextLines}:
 *       {@code \n}, {@code \r\n}, lone {@code \r}; a leading byte order mark not counted); the same for
 *       every reported comment and problem, and each comment's text is what stands at its position
 *       between {@code --} and the end of the line, or between {@code /*} and its closing
 *       {@code *}{@code /};
 *   <li>no statement ends after the first reported problem (what follows an unterminated quote is no
 *       statement);
 *   <li>splitting loses no byte: every char outside all statements is whitespace, a {@code ;}, part of a
 *       comment the splitter reported, the leading byte order mark, COPY data (after a statement that is
 *       {@code COPY ... stdin} or {@code \copy ... stdin}, everything up to and including the first
 *       following line that is just {@code \.}, or to the end of the text when there is none), or, when a
 *       problem is reported, after the end of the last statement (the splitter documents that the statement
 *       in which an unterminated quote or comment starts, and everything after it, is no statement; so the
 *       lost region starts where that statement starts, before the problem's own position).
 * </ol>
 */
class SplitterFuzzTest {
    // looser than the splitter's token rule (it also matches a quoted or commented stdin), so it can only
    // allow more COPY data than the splitter skips, never less
    private static final Pattern COPY_FROM_STDIN = Pattern.compile(
            "^\\\\?\\s*copy\\b.*\\bstdin\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

    @FuzzTest(maxDuration = "30s")
    void split(FuzzedDataProvider data) {
        check(FuzzInputs.text(data));
    }

    static void check(String content) {
        SplitResult result = StatementSplitter.split(content);
        TextLines lines = TextLines.of(content, true);
        int length = content.length();
        boolean[] accounted = new boolean[length];

        int firstProblem = length;
        for (SplitProblem problem : result.problems()) {
            assertThat(problem.line()).as("problem line").isBetween(1, lines.physicalLines());
            assertThat(problem.column()).as("problem column").isBetween(1, lines.lengthOf(problem.line()) + 1);
            firstProblem = Math.min(firstProblem, lines.offsetOf(problem.line(), problem.column()));
        }

        int previousEnd = 0;
        for (SqlStatement statement : result.statements()) {
            int start = statement.startOffset();
            int end = statement.endOffset();
            assertThat(start).as("start of %s", statement).isBetween(previousEnd, length);
            assertThat(end).as("end of %s", statement).isBetween(start + 1, length);
            assertThat(content.substring(start, end)).isEqualTo(statement.text());
            assertThat(isWhitespace(content.charAt(start)) || isWhitespace(content.charAt(end - 1)))
                    .as("statement text is trimmed: %s", statement)
                    .isFalse();
            assertThat(statement.line()).as("line of %s", statement).isEqualTo(lines.lineOf(start));
            assertThat(statement.column()).as("column of %s", statement).isEqualTo(lines.columnOf(start));
            assertThat(end).as("statement ends before the first problem").isLessThanOrEqualTo(firstProblem);
            assertThat(statement.kind()).isNotNull();
            StatementSplitter.normalize(statement.text());
            mark(accounted, start, end);
            previousEnd = end;
        }

        for (SqlComment comment : result.comments()) {
            assertThat(comment.line()).as("comment line").isBetween(1, lines.physicalLines());
            int start = lines.offsetOf(comment.line(), comment.column());
            assertThat(start).as("comment offset").isBetween(0, length - 2);
            int end;
            if (content.startsWith("--", start)) {
                end = start + 2 + comment.text().length();
                assertThat(end == length || content.charAt(end) == '\n' || content.charAt(end) == '\r')
                        .as("line comment %s runs to the end of its line", comment)
                        .isTrue();
            } else {
                assertThat(content.startsWith("/*", start))
                        .as("comment %s starts a comment", comment)
                        .isTrue();
                end = start + 2 + comment.text().length() + 2;
                assertThat(end).isLessThanOrEqualTo(length);
                assertThat(content.startsWith("*/", end - 2))
                        .as("block comment %s closes", comment)
                        .isTrue();
            }
            assertThat(content.substring(start + 2, start + 2 + comment.text().length()))
                    .isEqualTo(comment.text());
            mark(accounted, start, end);
        }

        for (SqlStatement statement : result.statements()) {
            if (COPY_FROM_STDIN.matcher(statement.text()).find()) {
                mark(accounted, statement.endOffset(), copyDataEnd(content, lines, statement));
            }
        }

        int lostFrom = result.problems().isEmpty() ? length : previousEnd;
        for (int i = 0; i < lostFrom; i++) {
            char c = content.charAt(i);
            if (accounted[i] || isWhitespace(c) || c == ';' || (i == 0 && c == '\uFEFF')) {
                continue;
            }
            throw new AssertionError("char " + (int) c + " at offset " + i + " (line " + lines.lineOf(i) + ", column "
                    + lines.columnOf(i) + ") is in no statement, comment or COPY data: "
                    + content.substring(Math.max(0, i - 20), Math.min(length, i + 20)));
        }
    }

    /** The offset just past the {@code \.} line that ends the COPY data after {@code statement}. */
    private static int copyDataEnd(String content, TextLines lines, SqlStatement statement) {
        for (int line = lines.lineOf(statement.endOffset()) + 1; line <= lines.physicalLines(); line++) {
            int start = lines.offsetOf(line, 1);
            String text = content.substring(start, start + lines.lengthOf(line)).replaceAll("[ \t]+$", "");
            if (text.equals("\\.")) {
                return line < lines.physicalLines() ? lines.offsetOf(line + 1, 1) : content.length();
            }
        }
        return content.length();
    }

    private static void mark(boolean[] accounted, int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, accounted.length); i++) {
            accounted[i] = true;
        }
    }

    /** PostgreSQL's whitespace, as the splitter's lexer knows it. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
