package dev.refguard.parse.block;

import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.block.BlockStep.Block;
import dev.refguard.parse.block.BlockStep.Branch;
import dev.refguard.parse.block.BlockStep.Dynamic;
import dev.refguard.parse.block.BlockStep.Handler;
import dev.refguard.parse.block.BlockStep.If;
import dev.refguard.parse.block.BlockStep.Loop;
import dev.refguard.parse.block.BlockStep.Raise;
import dev.refguard.parse.block.BlockStep.Run;
import dev.refguard.parse.block.CatalogGuard.Opaque;
import dev.refguard.split.Blanks;
import dev.refguard.split.LineIndex;
import dev.refguard.split.SqlComment;
import dev.refguard.split.SqlLexer;
import dev.refguard.split.SqlLexer.Token;
import dev.refguard.split.SqlLexer.Type;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import dev.refguard.split.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PL/pgSQL body of a {@code DO} block into {@link BlockStep}s that keep PostgreSQL's control flow:
 * {@code [DECLARE ...] BEGIN ... [EXCEPTION WHEN ... THEN ...] END}, nested blocks, {@code IF/ELSIF/ELSE},
 * searched {@code CASE}, loops, {@code RAISE EXCEPTION}, {@code EXECUTE} of a literal or of {@code format()}
 * with literal arguments (read as the statements they build), other {@code EXECUTE}s as dynamic SQL, and the
 * SQL statements of the body, each read by the caller's own statement reader. Positions are the file's.
 * Never throws on any text (docs/replay.md, "Control flow").
 */
public final class DoBodyReader {
    /** How deep blocks, IFs and loops may nest before the rest is read as opaque. */
    private static final int MAX_NESTING = 64;

    private static final Pattern MAY_CHANGE_TABLES = Pattern.compile("(?i)\\b(create|alter|drop|rename)\\b");

    private static final Pattern ERRCODE = Pattern.compile("(?i)(?:errcode|sqlstate)\\s*=?\\s*'([0-9a-z]{5})'");

    private static final Set<String> SKIPPED = Set.of(
            "perform",
            "null",
            "return",
            "exit",
            "continue",
            "get",
            "assert",
            "open",
            "close",
            "fetch",
            "move",
            "commit",
            "rollback",
            "call");

    /** Reads one statement found in the body (also the statements an {@code EXECUTE} builds). */
    @FunctionalInterface
    public interface StatementReader {
        /** The facts of {@code statement}, placed in the file. */
        ParsedStatement read(SqlStatement statement);
    }

    /** Whether the body was read. */
    public enum Status {
        READ,
        NOT_PLPGSQL,
        NO_BODY
    }

    /**
     * The body of one DO block.
     *
     * @param steps the steps of its outermost block
     * @param comments the comments in the body, placed in the file (suppression comments among them)
     */
    public record Result(Status status, List<BlockStep> steps, List<SqlComment> comments) {
        public Result {
            steps = List.copyOf(steps);
            comments = List.copyOf(comments);
        }
    }

    private final String text;
    /** For a body in a plain string: where each char of {@link #text} stands in the statement; else {@code null}. */
    private final int[] original;

    private final int base;
    private final LineIndex fileLines;
    private final StatementReader reader;
    private final List<Token> tokens = new ArrayList<>();
    private final List<SqlComment> comments = new ArrayList<>();
    private int depth;

    private DoBodyReader(String text, int[] original, int base, LineIndex fileLines, StatementReader reader) {
        this.text = text;
        this.original = original;
        this.base = base;
        this.fileLines = fileLines;
        this.reader = reader;
    }

    /**
     * Reads the body of {@code doBlock}, a statement cut from the file that {@code fileLines} indexes.
     *
     * @param reader reads each SQL statement of the body
     */
    public static Result read(SqlStatement doBlock, LineIndex fileLines, StatementReader reader) {
        String original = doBlock.text();
        SqlLexer lexer = new SqlLexer(original, 0, original.length());
        Token first = lexer.nextSignificant();
        if (first == null || !first.isWord(original, "DO")) {
            return new Result(Status.NO_BODY, List.of(), List.of());
        }
        Token body = null;
        String language = null;
        for (Token token = lexer.nextSignificant(); token != null; token = lexer.nextSignificant()) {
            if (token.isWord(original, "LANGUAGE")) {
                Token name = lexer.nextSignificant();
                if (name != null) {
                    language = original.substring(name.contentStart(), name.contentEnd());
                }
            } else if (body == null
                    && (token.type() == Type.DOLLAR_STRING
                            || (token.type() == Type.STRING && token.prefixLength() == 0))) {
                body = token;
            }
        }
        if (language != null && !language.equalsIgnoreCase("plpgsql")) {
            return new Result(Status.NOT_PLPGSQL, List.of(), List.of());
        }
        if (body == null || !body.terminated()) {
            return new Result(Status.NO_BODY, List.of(), List.of());
        }
        DoBodyReader r;
        if (body.type() == Type.STRING) {
            // a body in '...' reads each '' as one quote: the text shrinks, so offsets go through a map
            StringBuilder working = new StringBuilder(original.length());
            int[] map = new int[original.length() + 1];
            int from = body.contentStart();
            int to = body.contentEnd();
            for (int i = from; i < to; i++) {
                map[working.length()] = i;
                working.append(original.charAt(i));
                if (original.charAt(i) == '\'' && i + 1 < to && original.charAt(i + 1) == '\'') {
                    i++;
                }
            }
            map[working.length()] = to;
            r = new DoBodyReader(working.toString(), map, doBlock.startOffset(), fileLines, reader);
            r.lex(0, working.length());
        } else {
            r = new DoBodyReader(original, null, doBlock.startOffset(), fileLines, reader);
            r.lex(body.contentStart(), body.contentEnd());
        }
        List<BlockStep> steps = r.readBody();
        return new Result(Status.READ, steps, r.comments);
    }

    private void lex(int from, int to) {
        SqlLexer lexer = new SqlLexer(text, from, to);
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            if (token.isComment()) {
                SourcePosition at = position(token.start());
                String content = token.type() == Type.LINE_COMMENT
                        ? text.substring(token.start() + 2, token.end())
                        : text.substring(token.start() + 2, Math.max(token.start() + 2, token.end() - 2));
                comments.add(new SqlComment(content, at.line(), at.column()));
            } else {
                tokens.add(token);
            }
        }
    }

    /** Where an offset of {@link #text} stands in the statement. */
    private int inStatement(int offset) {
        if (original == null) {
            return offset;
        }
        return original[Math.max(0, Math.min(offset, original.length - 1))];
    }

    private SourcePosition position(int offset) {
        int inFile = base + inStatement(offset);
        return new SourcePosition(fileLines.lineOf(inFile), fileLines.columnOf(inFile));
    }

    private SourcePosition positionOf(int index) {
        if (tokens.isEmpty()) {
            return position(0);
        }
        return position(
                tokens.get(Math.min(Math.max(index, 0), tokens.size() - 1)).start());
    }

    private String word(int i) {
        if (i >= tokens.size() || tokens.get(i).type() != Type.WORD) {
            return "";
        }
        Token token = tokens.get(i);
        return text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT);
    }

    private boolean isSymbol(int i, char c) {
        return i < tokens.size() && tokens.get(i).isSymbol(text, c);
    }

    private boolean isSemicolon(int i) {
        return i < tokens.size() && tokens.get(i).type() == Type.SEMICOLON;
    }

    /** The index of the next {@code ;} from {@code i}, or the token count. */
    private int semicolon(int i) {
        int j = i;
        while (j < tokens.size() && tokens.get(j).type() != Type.SEMICOLON) {
            j++;
        }
        return j;
    }

    // ---------------------------------------------------------------- control structure

    private int at;

    private List<BlockStep> readBody() {
        at = 0;
        skipLabel();
        if (word(at).equals("declare") || word(at).equals("begin")) {
            Block block = block();
            List<BlockStep> steps = new ArrayList<>();
            if (block.handlers().isEmpty()) {
                steps.addAll(block.body());
            } else {
                steps.add(block);
            }
            return steps;
        }
        // not a block: read what is there as statements
        return statements(Set.of());
    }

    private void skipLabel() {
        if (isSymbol(at, '<') && isSymbol(at + 1, '<') && isSymbol(at + 3, '>') && isSymbol(at + 4, '>')) {
            at += 5;
        }
    }

    /** {@code [DECLARE ...] BEGIN ... [EXCEPTION ...] END [label];} starting at {@code at}. */
    private Block block() {
        SourcePosition start = positionOf(at);
        if (word(at).equals("declare")) {
            while (at < tokens.size() && !word(at).equals("begin")) {
                at++;
            }
        }
        if (word(at).equals("begin")) {
            at++;
        }
        List<BlockStep> body = statements(Set.of("exception", "end"));
        List<Handler> handlers = new ArrayList<>();
        if (word(at).equals("exception")) {
            at++;
            while (word(at).equals("when")) {
                at++;
                List<String> conditions = new ArrayList<>();
                StringBuilder condition = new StringBuilder();
                while (at < tokens.size() && !word(at).equals("then")) {
                    if (word(at).equals("or")) {
                        conditions.add(condition.toString().strip());
                        condition.setLength(0);
                    } else {
                        Token token = tokens.get(at);
                        condition.append(' ').append(text, token.start(), token.end());
                    }
                    at++;
                }
                conditions.add(condition.toString().strip());
                at++; // THEN
                List<String> lower = conditions.stream()
                        .map(c -> Blanks.squeeze(c.toLowerCase(Locale.ROOT)))
                        .toList();
                handlers.add(new Handler(lower, statements(Set.of("when", "end"))));
            }
        }
        endOf();
        return new Block(body, handlers, start);
    }

    /** {@code END [IF|LOOP|CASE|label] ;} at {@code at}. */
    private void endOf() {
        if (word(at).equals("end")) {
            at = semicolon(at);
        }
        if (isSemicolon(at)) {
            at++;
        }
    }

    /** Statements until one of {@code stops} (lower case) starts a statement, or the end. */
    private List<BlockStep> statements(Set<String> stops) {
        List<BlockStep> steps = new ArrayList<>();
        depth++;
        try {
            while (at < tokens.size()) {
                String w = word(at);
                if (stops.contains(w) || (w.equals("end") && !stops.isEmpty())) {
                    break;
                }
                int before = at;
                if (depth > MAX_NESTING) {
                    steps.add(new Dynamic(true, positionOf(at)));
                    at = tokens.size();
                    break;
                }
                statement(steps);
                if (at == before) {
                    at++; // never stand still on text the reader does not know
                }
            }
        } finally {
            depth--;
        }
        return steps;
    }

    private void statement(List<BlockStep> steps) {
        if (isSemicolon(at)) {
            at++;
            return;
        }
        skipLabel();
        String w = word(at);
        switch (w) {
            case "declare", "begin" -> steps.add(block());
            case "if" -> steps.add(ifStatement());
            case "case" -> steps.add(caseStatement());
            case "loop", "while", "for", "foreach" -> steps.add(loop());
            case "execute" -> steps.addAll(execute());
            case "raise" -> raise(steps);
            case "end" -> endOf(); // a stray END at the top level: skipped
            default -> {
                if (SKIPPED.contains(w) || isAssignment(at)) {
                    at = semicolon(at) + 1;
                } else {
                    steps.addAll(sql(at, semicolon(at)));
                    at = semicolon(at) + 1;
                }
            }
        }
    }

    private boolean isAssignment(int i) {
        if (i >= tokens.size() || tokens.get(i).type() != Type.WORD) {
            return false;
        }
        int j = i + 1;
        while (isSymbol(j, '.') && j + 1 < tokens.size()) {
            j += 2;
        }
        if (isSymbol(j, '[')) {
            return true;
        }
        return isSymbol(j, '=')
                || (isSymbol(j, ':')
                        && isSymbol(j + 1, '=')
                        && tokens.get(j + 1).start() == tokens.get(j).end());
    }

    /** The index of the word {@code lower} from {@code from}, skipping CASE expressions; the token count when none. */
    private int find(int from, String lower) {
        int caseDepth = 0;
        for (int j = from; j < tokens.size(); j++) {
            String w = word(j);
            if (w.equals("case")) {
                caseDepth++;
            } else if (w.equals("end") && caseDepth > 0) {
                caseDepth--;
            } else if (caseDepth == 0 && w.equals(lower)) {
                return j;
            } else if (tokens.get(j).type() == Type.SEMICOLON) {
                return j; // the condition never reached its keyword
            }
        }
        return tokens.size();
    }

    private If ifStatement() {
        SourcePosition start = positionOf(at);
        List<Branch> branches = new ArrayList<>();
        List<BlockStep> otherwise = List.of();
        while (true) {
            int then = find(at + 1, "then");
            Guard condition = guard(at + 1, then);
            at = Math.min(then + 1, tokens.size());
            branches.add(new Branch(condition, statements(Set.of("elsif", "elseif", "else", "end"))));
            String w = word(at);
            if (w.equals("elsif") || w.equals("elseif")) {
                continue;
            }
            if (w.equals("else")) {
                at++;
                otherwise = statements(Set.of("end"));
            }
            break;
        }
        endOf();
        return new If(branches, otherwise, start);
    }

    /** A searched {@code CASE WHEN c THEN ...} is an IF; a simple {@code CASE x WHEN v} has opaque guards. */
    private If caseStatement() {
        SourcePosition start = positionOf(at);
        at++;
        boolean searched = word(at).equals("when");
        String subject = "";
        if (!searched) {
            int when = find(at, "when");
            subject = text.substring(
                    tokens.get(at).start(), tokens.get(Math.max(at, when - 1)).end());
            at = when;
        }
        List<Branch> branches = new ArrayList<>();
        List<BlockStep> otherwise = List.of();
        while (word(at).equals("when")) {
            int then = find(at + 1, "then");
            Guard condition = searched
                    ? guard(at + 1, then)
                    : new Opaque(Blanks.squeeze("CASE " + subject + " WHEN ..."), positionOf(at));
            at = Math.min(then + 1, tokens.size());
            branches.add(new Branch(condition, statements(Set.of("when", "else", "end"))));
        }
        if (word(at).equals("else")) {
            at++;
            otherwise = statements(Set.of("end"));
        }
        endOf();
        return new If(branches, otherwise, start);
    }

    private Loop loop() {
        SourcePosition start = positionOf(at);
        if (!word(at).equals("loop")) {
            int j = at;
            int parens = 0;
            while (j < tokens.size() && !(parens == 0 && word(j).equals("loop"))) {
                if (isSymbol(j, '(')) {
                    parens++;
                } else if (isSymbol(j, ')')) {
                    parens--;
                }
                j++;
            }
            at = j;
        }
        at++;
        List<BlockStep> body = statements(Set.of("end"));
        endOf();
        return new Loop(body, start);
    }

    private Guard guard(int from, int to) {
        return new GuardReader(text, tokens, this::position).read(from, Math.min(to, tokens.size()));
    }

    private void raise(List<BlockStep> steps) {
        int start = at;
        int end = semicolon(at);
        String level = word(at + 1);
        at = end + 1;
        if (Set.of("debug", "log", "info", "notice", "warning").contains(level)) {
            return;
        }
        // RAISE [EXCEPTION] 'msg', RAISE condition, RAISE SQLSTATE 'x', RAISE; all raise an error
        int last = Math.min(end, tokens.size()) - 1;
        String written = last >= start
                ? text.substring(tokens.get(start).start(), tokens.get(last).end())
                : "";
        Matcher code = ERRCODE.matcher(written);
        steps.add(new Raise(code.find() ? code.group(1).toUpperCase(Locale.ROOT) : null, positionOf(start)));
    }

    // ---------------------------------------------------------------- SQL and EXECUTE

    /** The SQL of tokens {@code [from, to)}: its statements, read by the caller's reader. */
    private List<BlockStep> sql(int from, int to) {
        if (from >= to || from >= tokens.size()) {
            return List.of();
        }
        int start = tokens.get(from).start();
        int end = tokens.get(Math.min(to, tokens.size()) - 1).end();
        return statementsOf(text.substring(start, end), start, null, false);
    }

    /**
     * Splits {@code sql} into statements and reads each. {@code offset} is where {@code sql} stands in the
     * block's text; with {@code builtAt}, the text was built (by {@code format()}) and every statement is
     * placed there. {@code executed}: the text is an {@code EXECUTE}d string, where {@code SELECT ... INTO}
     * makes a table (in PL/pgSQL itself it assigns variables).
     */
    private List<BlockStep> statementsOf(String sql, int offset, SourcePosition builtAt, boolean executed) {
        List<BlockStep> steps = new ArrayList<>();
        for (SqlStatement inner : StatementSplitter.split(sql).statements()) {
            SqlStatement placed;
            if (builtAt == null) {
                int startInFile = base + inStatement(offset + inner.startOffset());
                placed = new SqlStatement(
                        inner.text(),
                        startInFile,
                        base + inStatement(offset + inner.endOffset()),
                        fileLines.lineOf(startInFile),
                        fileLines.columnOf(startInFile),
                        inner.kind());
            } else {
                int startInFile = base + inStatement(offset);
                placed = new SqlStatement(
                        inner.text(), startInFile, startInFile, builtAt.line(), builtAt.column(), inner.kind());
            }
            if (!placed.kind().modelRelevant() || (!executed && placed.kind() == StatementKind.SELECT_INTO)) {
                // in PL/pgSQL, SELECT ... INTO assigns variables; only an EXECUTEd one creates a table
                continue;
            }
            ParsedStatement read = reader.read(placed);
            steps.add(new Run(read, new SourcePosition(placed.line(), placed.column())));
        }
        return steps;
    }

    /** {@code EXECUTE expr [INTO ...] [USING ...];} */
    private List<BlockStep> execute() {
        SourcePosition start = positionOf(at);
        int end = semicolon(at);
        int exprEnd = at + 1;
        while (exprEnd < end && !word(exprEnd).equals("into") && !word(exprEnd).equals("using")) {
            exprEnd++;
        }
        int from = at + 1;
        at = end + 1;
        boolean using = exprEnd < end && word(exprEnd).equals("using");
        if (!using && exprEnd == from + 1) {
            Token literal = tokens.get(from);
            if (literal.terminated()
                    && (literal.type() == Type.DOLLAR_STRING
                            || (literal.type() == Type.STRING && literal.prefixLength() == 0))) {
                String content = text.substring(literal.contentStart(), literal.contentEnd());
                if (literal.type() == Type.STRING && content.contains("''")) {
                    // the statement is the literal's value; its positions are the literal's start
                    return statementsOf(content.replace("''", "'"), literal.contentStart(), positionOf(from), true);
                }
                return statementsOf(content, literal.contentStart(), null, true);
            }
        }
        if (!using) {
            String built = format(from, exprEnd);
            if (built != null) {
                return statementsOf(built, tokens.get(from).start(), positionOf(from), true);
            }
        }
        return List.of(new Dynamic(mayChangeTables(from, exprEnd), start));
    }

    /** Whether the string parts of a dynamic EXECUTE could create or alter tables (unknown parts could). */
    private boolean mayChangeTables(int from, int to) {
        boolean anyLiteral = false;
        for (int i = from; i < to && i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isString()) {
                anyLiteral = true;
                if (MAY_CHANGE_TABLES
                        .matcher(text.substring(token.contentStart(), token.contentEnd()))
                        .find()) {
                    return true;
                }
            }
        }
        return !anyLiteral;
    }

    /** {@code format('...', 'a', 'b')} with only literal arguments: the string it builds, else {@code null}. */
    private String format(int from, int to) {
        int i = from;
        if (word(i).equals("pg_catalog") && isSymbol(i + 1, '.')) {
            i += 2;
        }
        if (!word(i).equals("format") || !isSymbol(i + 1, '(') || !isSymbol(to - 1, ')')) {
            return null;
        }
        List<String> args = new ArrayList<>();
        int j = i + 2;
        while (j < to - 1) {
            Token token = tokens.get(j);
            String value;
            if (token.terminated() && token.type() == Type.STRING && token.prefixLength() == 0) {
                value = text.substring(token.contentStart(), token.contentEnd()).replace("''", "'");
            } else if (token.terminated() && token.type() == Type.DOLLAR_STRING) {
                value = text.substring(token.contentStart(), token.contentEnd());
            } else if (token.type() == Type.NUMBER) {
                value = text.substring(token.start(), token.end());
            } else {
                return null;
            }
            j++;
            // a cast of a literal argument (::text) changes nothing
            if (isSymbol(j, ':') && isSymbol(j + 1, ':') && j + 2 < to - 1) {
                j += 3;
            }
            args.add(value);
            if (isSymbol(j, ',')) {
                j++;
            } else if (j != to - 1) {
                return null;
            }
        }
        if (args.isEmpty()) {
            return null;
        }
        return Format.apply(args.get(0), args.subList(1, args.size()));
    }
}
