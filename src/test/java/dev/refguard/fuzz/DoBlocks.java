package dev.refguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.split.DoBlockSplitter;
import dev.refguard.split.LineIndex;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import java.util.ArrayList;
import java.util.List;

/** Opens the DO blocks of a split file, as the engine does, and checks where their statements are. */
final class DoBlocks {
    /** How deep DO blocks inside DO blocks are opened (the engine opens three levels). */
    private static final int MAX_DEPTH = 3;

    private DoBlocks() {}

    /**
     * The statements inside the DO blocks among {@code statements}, nested ones included. Each lies
     * inside its block's span, after the previous one, and its line and column are those of its
     * offset in {@code content}.
     */
    static List<SqlStatement> open(String content, List<SqlStatement> statements) {
        LineIndex index = LineIndex.of(content);
        TextLines lines = TextLines.of(content, true);
        List<SqlStatement> inner = new ArrayList<>();
        open(content, index, lines, statements, 1, inner);
        return inner;
    }

    private static void open(
            String content,
            LineIndex index,
            TextLines lines,
            List<SqlStatement> statements,
            int depth,
            List<SqlStatement> inner) {
        for (SqlStatement block : statements) {
            if (block.kind() != StatementKind.DO_BLOCK || depth > MAX_DEPTH) {
                continue;
            }
            DoBlockSplitter.Result result = DoBlockSplitter.split(block, index);
            int previousEnd = block.startOffset();
            for (SqlStatement statement : result.statements()) {
                assertThat(statement.startOffset())
                        .as("start of %s in %s", statement, block)
                        .isBetween(previousEnd, block.endOffset());
                assertThat(statement.endOffset())
                        .as("end of %s in %s", statement, block)
                        .isBetween(statement.startOffset() + 1, block.endOffset());
                assertThat(statement.text()).hasSize(statement.endOffset() - statement.startOffset());
                assertThat(statement.line())
                        .as("line of %s", statement)
                        .isEqualTo(lines.lineOf(statement.startOffset()));
                assertThat(statement.column())
                        .as("column of %s", statement)
                        .isEqualTo(lines.columnOf(statement.startOffset()));
                previousEnd = statement.endOffset();
            }
            inner.addAll(result.statements());
            open(content, index, lines, result.statements(), depth + 1, inner);
        }
    }
}
