package dev.refguard.parse;

import dev.refguard.parse.block.DoBodyReader;
import dev.refguard.parse.jsqlparser.JSqlParserRun;
import dev.refguard.parse.tokens.FallbackReader;
import dev.refguard.source.Dialect;
import dev.refguard.split.LineIndex;
import dev.refguard.split.MysqlLexis;
import dev.refguard.split.SqlComment;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import dev.refguard.split.StatementSplitter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Chooses the reader of each model-relevant statement and turns its reading into a {@link
 * ParsedStatement}.
 *
 * <p>Each statement goes to JSqlParser first ({@link JSqlParserRun}); when it fails, or its AST cannot
 * be mapped faithfully, the token-level {@link FallbackReader} tries; a statement neither can read is
 * {@link ParseOutcome#UNREADABLE}. {@code CREATE FUNCTION}, {@code CREATE TRIGGER} and {@code SET
 * search_path}, which JSqlParser reads only opaquely, and the type definitions ({@code CREATE TYPE|DOMAIN},
 * {@code ALTER TYPE}, {@code DROP TYPE|DOMAIN}) go to the token reader directly. A {@code DO}
 * block's body is read into its control flow ({@link DoBodyReader}); its statements, marked conditional,
 * live inside the block's {@link SchemaChange.DoBlock}.
 */
final class StatementReader {
    /** How deep DO blocks inside DO blocks are opened. */
    private static final int MAX_DO_DEPTH = 3;

    private final JSqlParserRun jsqlParser;
    private final Dialect dialect;

    StatementReader(JSqlParserRun jsqlParser) {
        this(jsqlParser, Dialect.POSTGRESQL);
    }

    StatementReader(JSqlParserRun jsqlParser, Dialect dialect) {
        this.jsqlParser = jsqlParser;
        this.dialect = dialect;
    }

    /** Reads one model-relevant statement (and, for a DO block, the statements in its body) into {@code out}. */
    void read(
            SqlStatement statement,
            boolean conditional,
            int doDepth,
            LineIndex lines,
            List<ParsedStatement> out,
            List<SqlComment> comments) {
        StatementKind kind = statement.kind();
        if (kind != StatementKind.DO_BLOCK) {
            out.add(readStatement(statement, conditional));
            return;
        }
        if (doDepth >= MAX_DO_DEPTH) {
            out.add(result(
                    statement,
                    conditional,
                    ParseOutcome.UNREADABLE,
                    List.of(),
                    "DO blocks nested more than " + MAX_DO_DEPTH + " deep are not read",
                    List.of()));
            return;
        }
        // the body keeps PostgreSQL's control flow; its statements are read as any other (docs/replay.md, "Control
        // flow")
        DoBodyReader.Result body = DoBodyReader.read(statement, lines, inner -> readInner(inner, doDepth + 1, lines));
        switch (body.status()) {
            case NOT_PLPGSQL ->
                out.add(result(
                        statement,
                        conditional,
                        ParseOutcome.UNREADABLE,
                        List.of(),
                        "DO block in a language other than PL/pgSQL",
                        List.of()));
            case NO_BODY ->
                out.add(result(
                        statement,
                        conditional,
                        ParseOutcome.UNREADABLE,
                        List.of(),
                        "the body of this DO block is not in a dollar-quoted or plain string",
                        List.of()));
            default -> {
                SchemaChange.DoBlock block = new SchemaChange.DoBlock(
                        body.steps(), new SourcePosition(statement.line(), statement.column()));
                out.add(result(statement, conditional, ParseOutcome.PARSED, List.of(block), null, List.of()));
                comments.addAll(body.comments());
            }
        }
    }

    /** One statement inside a DO block's body (a nested DO block is read to {@value #MAX_DO_DEPTH} levels). */
    private ParsedStatement readInner(SqlStatement inner, int doDepth, LineIndex lines) {
        List<ParsedStatement> one = new ArrayList<>(1);
        read(inner, true, doDepth, lines, one, new ArrayList<>());
        return one.get(0);
    }

    /** Reads one model-relevant statement that is not a DO block. */
    private ParsedStatement readStatement(SqlStatement statement, boolean conditional) {
        StatementKind kind = statement.kind();
        if (dialect.mysqlFamily() && (kind == StatementKind.CREATE_FUNCTION || kind == StatementKind.CREATE_TRIGGER)) {
            // MySQL's routines and triggers change rows, not tables or keys: nothing of them is modelled
            return result(statement, conditional, ParseOutcome.PARSED, List.of(), null, List.of());
        }
        if (dialect.mysqlFamily() && kind == StatementKind.TRANSACTION) {
            // MySQL's DDL is not transactional: each statement commits, and a ROLLBACK undoes no table
            return result(statement, conditional, ParseOutcome.PARSED, List.of(), null, List.of());
        }
        if (kind == StatementKind.SET_FOREIGN_KEY_CHECKS) {
            Matcher m = MysqlLexis.FOREIGN_KEY_CHECKS.matcher(statement.text());
            List<SchemaChange> changes = List.of();
            while (m.find()) {
                String value = m.group(1).toLowerCase(java.util.Locale.ROOT);
                boolean on = value.equals("1") || value.equals("on") || value.equals("true");
                changes = List.of(new SchemaChange.ForeignKeyChecks(
                        on, new SourcePosition(statement.line(), statement.column())));
            }
            return result(statement, conditional, ParseOutcome.PARSED, changes, null, List.of());
        }
        if (tokenReaderOnly(kind)) {
            Optional<List<SchemaChange>> changes = fallbackRead(statement);
            if (changes.isPresent()) {
                return result(statement, conditional, ParseOutcome.PARSED, changes.get(), null, List.of());
            }
            return result(
                    statement,
                    conditional,
                    ParseOutcome.UNREADABLE,
                    List.of(),
                    "the token reader could not read this " + describe(kind),
                    touchedTables(statement));
        }
        JSqlParserRun.Attempt attempt = jsqlParser.read(statement);
        if (attempt.changes() != null) {
            return result(statement, conditional, ParseOutcome.PARSED, attempt.changes(), null, List.of());
        }
        Optional<List<SchemaChange>> fallback = fallbackRead(statement);
        if (fallback.isPresent()) {
            return result(statement, conditional, ParseOutcome.FALLBACK, fallback.get(), attempt.failure(), List.of());
        }
        return result(
                statement,
                conditional,
                ParseOutcome.UNREADABLE,
                List.of(),
                attempt.failure(),
                touchedTables(statement));
    }

    /**
     * Whether statements of {@code kind} go to the token reader directly, never to JSqlParser. JSqlParser keeps
     * these opaque, or drops what matters (an index's IF NOT EXISTS, CONCURRENTLY, a DROP INDEX): they are the token
     * reader's by design, not parser gaps.
     */
    static boolean tokenReaderOnly(StatementKind kind) {
        return kind == StatementKind.CREATE_FUNCTION
                || kind == StatementKind.CREATE_TRIGGER
                || kind == StatementKind.SET_SEARCH_PATH
                || kind == StatementKind.TYPE_DEFINITION
                || kind == StatementKind.CREATE_INDEX
                || kind == StatementKind.DROP_INDEX
                || kind == StatementKind.TRANSACTION
                || kind == StatementKind.CREATE_RELATION
                || kind == StatementKind.SELECT_INTO;
    }

    private static String describe(StatementKind kind) {
        return switch (kind) {
            case CREATE_FUNCTION -> "CREATE FUNCTION";
            case CREATE_TRIGGER -> "CREATE TRIGGER";
            case SET_SEARCH_PATH -> "search_path setting";
            case TYPE_DEFINITION -> "type definition";
            case SELECT_INTO -> "SELECT ... INTO";
            default -> kind.name();
        };
    }

    private static Optional<List<SchemaChange>> fallbackRead(SqlStatement statement) {
        try {
            Optional<List<SchemaChange>> changes = FallbackReader.read(statement);
            return changes == null ? Optional.empty() : changes;
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty(); // the reader's failure is "could not read", never the run's end
        }
    }

    private static List<QualifiedName> touchedTables(SqlStatement statement) {
        try {
            List<QualifiedName> tables = FallbackReader.touchedTables(statement);
            return tables == null ? List.of() : tables;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of();
        }
    }

    private ParsedStatement result(
            SqlStatement statement,
            boolean conditional,
            ParseOutcome outcome,
            List<SchemaChange> changes,
            String problem,
            List<QualifiedName> touchedTables) {
        return new ParsedStatement(
                statement.kind(),
                statement.line(),
                statement.column(),
                fingerprint(statement.text()),
                dialect.mysqlFamily() ? MysqlNames.apply(changes) : changes,
                outcome,
                problem,
                touchedTables,
                conditional);
    }

    /**
     * The first 16 hex digits of the SHA-256 of the statement with comments dropped and whitespace runs
     * collapsed, so edits of layout or comments do not change it.
     */
    static String fingerprint(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(StatementSplitter.normalize(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
