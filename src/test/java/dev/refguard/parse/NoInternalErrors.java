package dev.refguard.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.source.MigrationFile;
import dev.refguard.split.SplitProblem;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Fails a test whose parse met a bug in refguard's own reading code ({@link InternalFailure}), in any statement
 * (also inside DO blocks) or as a file problem: such a bug is reported to the user as an unreadable statement, so
 * a test that only expects "unreadable" would otherwise pass over it.
 */
public final class NoInternalErrors {
    private NoInternalErrors() {}

    /** {@code file}, once it is checked to hold no internal error. */
    public static ParsedFile in(ParsedFile file) {
        List<String> found = new ArrayList<>();
        collect(file.statements(), found);
        file.problems().stream()
                .map(SplitProblem::message)
                .filter(InternalFailure::isInternal)
                .forEach(found::add);
        assertThat(found)
                .as("internal errors while reading %s", file.file().relativePath())
                .isEmpty();
        return file;
    }

    /** Every file of {@code files}, each checked. */
    public static List<ParsedFile> in(List<ParsedFile> files) {
        files.forEach(NoInternalErrors::in);
        return files;
    }

    /** A {@link MigrationParser} whose every result is checked. */
    static final class CheckedParser implements AutoCloseable {
        private final MigrationParser parser;

        CheckedParser(MigrationParser parser) {
            this.parser = parser;
        }

        ParsedFile parseText(MigrationFile file, String content) {
            return in(parser.parseText(file, content));
        }

        List<ParsedFile> parseAll(List<MigrationFile> files, Charset encoding) {
            return in(parser.parseAll(files, encoding));
        }

        @Override
        public void close() {
            parser.close();
        }
    }

    /** Walks records and collections, the statements inside DO blocks included. */
    private static void collect(Object value, List<String> found) {
        if (value instanceof ParsedStatement statement && InternalFailure.isInternal(statement.problem())) {
            found.add("line " + statement.line() + ": " + statement.problem());
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> collect(element, found));
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(value), found);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new AssertionError("cannot read " + component, e);
                }
            }
        }
    }
}
