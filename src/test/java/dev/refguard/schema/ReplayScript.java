package dev.refguard.schema;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.MigrationParser;
import dev.refguard.parse.ParseOutcome;
import dev.refguard.parse.ParsedFile;
import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SourcePosition;
import dev.refguard.source.Layout;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.split.StatementKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds histories for replay tests from steps: SQL text, read by the real parser, or schema changes given
 * directly (for statement forms a test wants to pin down before or apart from the readers). Each step is one
 * statement on its own line: step {@code i} of a file stands on line {@code i + 1}.
 */
final class ReplayScript implements AutoCloseable {
    private final MigrationParser parser = new MigrationParser(Duration.ofSeconds(5), 1);

    /** One migration file's steps: {@link String} (SQL, one statement) or {@link SchemaChange}. */
    static List<Object> file(Object... steps) {
        return List.of(steps);
    }

    static SchemaChange.Transaction tx(SchemaChange.TransactionCommand command) {
        return new SchemaChange.Transaction(command, null, new SourcePosition(1, 1));
    }

    static SchemaChange.Transaction tx(SchemaChange.TransactionCommand command, String savepoint) {
        return new SchemaChange.Transaction(command, Identifier.of(savepoint), new SourcePosition(1, 1));
    }

    static SchemaChange.SetSearchPath setPath(boolean local, String... schemas) {
        return new SchemaChange.SetSearchPath(
                List.of(schemas).stream().map(Identifier::of).toList(), new SourcePosition(1, 1), local, false);
    }

    static SchemaChange.SetSearchPath resetPath() {
        return new SchemaChange.SetSearchPath(List.of(), new SourcePosition(1, 1), false, true);
    }

    @SafeVarargs
    final ReplayResult replay(List<Object>... files) {
        List<ParsedFile> parsed = new ArrayList<>();
        List<MigrationFile> migrationFiles = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            String name = "m/" + (i + 1) + ".sql";
            MigrationFile file = new MigrationFile(Path.of("/x/" + name), name, false);
            migrationFiles.add(file);
            List<ParsedStatement> statements = new ArrayList<>();
            List<Object> steps = files[i];
            for (int s = 0; s < steps.size(); s++) {
                int line = s + 1;
                Object step = steps.get(s);
                if (step instanceof SchemaChange change) {
                    statements.add(new ParsedStatement(
                            StatementKind.OTHER,
                            line,
                            1,
                            "f" + line,
                            List.of(change),
                            ParseOutcome.PARSED,
                            null,
                            List.of(),
                            false));
                } else {
                    ParsedFile one = parser.parseText(file, (String) step);
                    for (ParsedStatement st : one.statements()) {
                        statements.add(new ParsedStatement(
                                st.kind(),
                                line,
                                st.column(),
                                st.fingerprint(),
                                st.changes(),
                                st.outcome(),
                                st.problem(),
                                st.touchedTables(),
                                st.conditional()));
                    }
                }
            }
            parsed.add(new ParsedFile(file, statements, List.of(), List.of(), steps.size(), 0));
        }
        MigrationHistory history = new MigrationHistory("m", Layout.PLAIN, migrationFiles);
        return SchemaReplay.replay(history, parsed, new ModelOptions(Set.of("auth"), Set.of(), Set.of()));
    }

    static List<String> tables(ReplayResult r) {
        return r.tables().stream().map(t -> t.id().toString()).sorted().toList();
    }

    static List<String> edges(ReplayResult r) {
        return r.foreignKeys().stream()
                .map(fk -> fk.from().id() + "(" + String.join(",", fk.fromColumns()) + ") -> "
                        + fk.to().id() + "(" + String.join(",", fk.toColumns()) + ") " + fk.name())
                .toList();
    }

    static List<String> rejections(ReplayResult r) {
        return r.events().stream()
                .filter(ReplayEvent.StatementRejected.class::isInstance)
                .map(ReplayEvent.StatementRejected.class::cast)
                .map(e -> e.at().file().relativePath() + ":" + e.at().statementLine() + " " + e.message())
                .toList();
    }

    static String cascades(ReplayResult r) {
        return r.events().stream()
                .filter(ReplayEvent.Cascade.class::isInstance)
                .map(ReplayEvent.Cascade.class::cast)
                .map(e -> e.at().statementLine() + "<-" + e.root().statementLine())
                .collect(Collectors.joining(" "));
    }

    @Override
    public void close() {
        parser.close();
    }
}
