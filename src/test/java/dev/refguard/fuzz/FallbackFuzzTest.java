package dev.refguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.tokens.FallbackReader;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import dev.refguard.split.StatementSplitter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Fuzzes the token-level {@link FallbackReader} ({@code read} and {@code touchedTables}).
 *
 * <p>The last input byte chooses the decoding as in {@link FuzzInputs#text}; the byte before it how
 * statements are made: even, the whole text is one statement at a random but valid line and column (and
 * a random kind); odd, the text is split by {@link StatementSplitter} first and each statement is read at
 * the position the splitter gives it, as the engine does, and so is each statement inside a
 * {@code DO} block, after checking that {@link dev.refguard.split.DoBlockSplitter} placed it inside its
 * block at the right line and column.
 *
 * <p>Invariants: no exception escapes either entry point (the reader rejects a form by its result, so any
 * exception is a bug in it); every {@link SourcePosition} anywhere in the
 * result (changes, actions, columns, keys, foreign keys and their targets) lies within the statement's
 * span: its line between the statement's first and last line, its column at least 1, on the first line
 * at least the statement's column and at most one past the line's end, on later lines at most one past
 * that line's end.
 */
class FallbackFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) {
        // the data provider takes numbers from the end of the input and text from the front, so a seed
        // input is SQL followed by a few trailing bytes that make these choices
        boolean jazzerString = data.consumeBoolean();
        boolean split = data.consumeBoolean();
        int line = data.consumeInt(1, 100_000);
        int column = data.consumeInt(1, 1_000);
        StatementKind kind = data.pickValue(StatementKind.values());
        String text = jazzerString
                ? data.consumeString(FuzzInputs.MAX_INPUT)
                : new String(data.consumeBytes(FuzzInputs.MAX_INPUT), StandardCharsets.UTF_8);
        if (split) {
            List<SqlStatement> statements = StatementSplitter.split(text).statements();
            for (SqlStatement statement : statements) {
                check(statement);
            }
            for (SqlStatement statement : DoBlocks.open(text, statements)) {
                check(statement);
            }
        } else {
            check(new SqlStatement(text, 0, text.length(), line, column, kind));
        }
    }

    static void check(SqlStatement statement) {
        Optional<List<SchemaChange>> changes = FallbackReader.read(statement);
        assertThat(changes).isNotNull();
        List<QualifiedName> touched = FallbackReader.touchedTables(statement);
        assertThat(touched).isNotNull().doesNotContainNull();
        if (changes.isPresent()) {
            assertThat(changes.get()).doesNotContainNull();
            String[] lines = statement.text().split("\r\n|\r|\n", -1);
            visit(changes.get(), statement, lines);
        }
    }

    /** Walks records and collections reflectively, checking every {@link SourcePosition} found. */
    private static void visit(Object value, SqlStatement statement, String[] lines) {
        if (value instanceof SourcePosition position) {
            checkPosition(position, statement, lines);
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> visit(element, statement, lines));
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(element -> visit(element, statement, lines));
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    visit(component.getAccessor().invoke(value), statement, lines);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new AssertionError("cannot read " + component, e);
                }
            }
        }
    }

    private static void checkPosition(SourcePosition position, SqlStatement statement, String[] lines) {
        int first = statement.line();
        int last = first + lines.length - 1;
        assertThat(position.line()).as("line of %s in %s", position, statement).isBetween(first, last);
        int index = position.line() - first;
        int lineStartColumn = index == 0 ? statement.column() : 1;
        assertThat(position.column())
                .as("column of %s in %s", position, statement)
                .isBetween(lineStartColumn, lineStartColumn + lines[index].length());
    }
}
