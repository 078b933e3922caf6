package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.jsqlparser.StatementText.Token;
import dev.refguard.split.DdlWords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.sf.jsqlparser.schema.Table;

/**
 * What the mappers of JSqlParser's AST share: the statement's tokens, and the checks that hold the AST
 * against them. JSqlParser's AST is lossy in places, so every fact a mapper takes from it is checked
 * against the text; where the two disagree a mapper throws {@link #unreadable} and the token-level
 * fallback gets its chance.
 */
abstract sealed class AstMapper permits TableElementMapper, SmallStatementMapper {
    /** An unquoted identifier as PostgreSQL's lexer accepts it. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

    final StatementText text;

    final List<Token> tokens;

    AstMapper(StatementText text) {
        this.text = text;
        this.tokens = text.tokens();
    }

    /**
     * The identifier JSqlParser's raw text spells: quoted names lose their quotes and have {@code ""}
     * collapsed (JSqlParser's {@code getUnquotedName()} does not collapse them); unquoted names stay as
     * written and are folded later.
     */
    static Identifier identifier(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw unreadable("missing name");
        }
        if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"') {
            String problem = DdlWords.quotedNameProblem(raw);
            if (problem != null) {
                throw unreadable(problem);
            }
            return Identifier.quoted(DdlWords.unquote(raw));
        }
        if (!PLAIN_NAME.matcher(raw).matches()) {
            throw unreadable("unexpected name text '" + raw + "'");
        }
        return Identifier.of(raw);
    }

    /** A table's name; a catalog part can only name the current database in PostgreSQL, so it is dropped. */
    static QualifiedName qualifiedName(Table table) {
        if (table == null) {
            throw unreadable("missing table name");
        }
        List<String> parts = table.getNameParts();
        if (parts == null || parts.isEmpty() || parts.size() > 3) {
            throw unreadable("table name with " + (parts == null ? 0 : parts.size()) + " parts");
        }
        // JSqlParser keeps the parts innermost first: [name, schema, catalog]
        Identifier name = identifier(parts.get(0));
        Identifier schema = parts.size() >= 2 ? identifier(parts.get(1)) : null;
        return new QualifiedName(schema, name);
    }

    /**
     * Where a referenced table stands: JSqlParser's token position (relative to the statement) when it
     * has one that points at the name, otherwise the name token at {@code fallbackToken}.
     */
    SourcePosition tablePosition(Table table, int fallbackToken, QualifiedName expected) {
        if (table.getASTNode() != null && table.getASTNode().jjtGetFirstToken() != null) {
            var first = table.getASTNode().jjtGetFirstToken();
            int offset = text.offset(first.beginLine, first.beginColumn);
            int at = offset < 0 ? -1 : text.tokenAt(offset);
            QualifiedNameAt name = at < 0 ? null : nameAt(at);
            if (name != null && name.name().equals(expected)) {
                return text.position(offset);
            }
        }
        if (fallbackToken >= 0 && fallbackToken < tokens.size()) {
            QualifiedNameAt name = nameAt(fallbackToken);
            if (name != null && name.name().equals(expected)) {
                return text.position(tokens.get(fallbackToken));
            }
        }
        return text.start();
    }

    /** A qualified name read from the tokens, and the index just after it. */
    record QualifiedNameAt(QualifiedName name, int end) {}

    QualifiedNameAt nameAt(int i) {
        List<Identifier> parts = new ArrayList<>();
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            return null;
        }
        parts.add(tokens.get(i).identifier());
        i++;
        while (i + 1 < tokens.size()
                && tokens.get(i).isSymbol('.')
                && tokens.get(i + 1).isName()) {
            parts.add(tokens.get(i + 1).identifier());
            i += 2;
        }
        if (parts.size() > 3) {
            return null;
        }
        Identifier name = parts.get(parts.size() - 1);
        Identifier schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return new QualifiedNameAt(new QualifiedName(schema, name), i);
    }

    /** Checks that the name at token {@code i} is {@code expected}; returns the index after it. */
    int expectName(int i, QualifiedName expected) {
        QualifiedNameAt found = nameAt(i);
        if (found == null || !found.name().equals(expected)) {
            throw unreadable("table name " + expected + " differs between text and AST");
        }
        return found.end();
    }

    void requireNameToken(int i, Identifier expected) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            throw unreadable("name " + expected + " not found in the text");
        }
        requireSame(tokens.get(i).identifier(), expected);
    }

    static void requireSame(Identifier fromText, Identifier fromAst) {
        if (!fromText.equals(fromAst)) {
            throw unreadable("name " + fromText + " in the text but " + fromAst + " in the AST");
        }
    }

    Identifier nameToken(int i) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            throw unreadable("expected a name in the text");
        }
        return tokens.get(i).identifier();
    }

    void requireLeading(int[] segment, String... anyOf) {
        for (String word : anyOf) {
            if (segment[0] < segment[1] && tokens.get(segment[0]).isWord(word)) {
                if (segment[0] + 1 >= segment[1]) {
                    throw unreadable(word + " without anything after it");
                }
                return;
            }
        }
        throw unreadable("action does not start with " + String.join("/", anyOf) + " in the text");
    }

    void requireLeadingWords(String... words) {
        if (!wordsAt(0, words)) {
            throw unreadable("statement does not start with " + String.join(" ", words));
        }
    }

    boolean wordsAt(int i, String... words) {
        return wordsOrSymbolsAt(i, List.of(words));
    }

    /**
     * The tokens from {@code from} to {@code end} as {@link DdlWords} reads them, counted from {@code from}: an
     * unquoted word upper-cased, a symbol as written, {@code null} for anything else and past {@code end}.
     */
    DdlWords.Words words(int from, int end) {
        return i -> {
            int at = from + i;
            if (i < 0 || at >= end || at >= tokens.size()) {
                return null;
            }
            Token token = tokens.get(at);
            return switch (token.kind()) {
                case WORD -> DdlWords.upper(token.text());
                case SYMBOL -> token.text();
                default -> null;
            };
        };
    }

    boolean wordsOrSymbolsAt(int i, List<String> words) {
        if (i + words.size() > tokens.size()) {
            return false;
        }
        for (int w = 0; w < words.size(); w++) {
            Token token = tokens.get(i + w);
            String word = words.get(w);
            boolean match = word.length() == 1 && !Character.isLetter(word.charAt(0))
                    ? token.isSymbol(word.charAt(0))
                    : token.isWord(word);
            if (!match) {
                return false;
            }
        }
        return true;
    }

    boolean lastWord(int[] segment, String word) {
        return segment[1] > segment[0] && tokens.get(segment[1] - 1).isWord(word);
    }

    boolean hasWordsAtDepth(int[] segment, String first, String second) {
        int depth = tokens.get(segment[0]).depth();
        for (int i = segment[0]; i + 1 < segment[1]; i++) {
            if (tokens.get(i).depth() == depth
                    && tokens.get(i).isWord(first)
                    && tokens.get(i + 1).isWord(second)) {
                return true;
            }
        }
        return false;
    }

    boolean hasWordAtDepth(int[] segment, String word) {
        return indexOfWordAtDepth(word, segment, tokens.get(segment[0]).depth()) >= 0;
    }

    int indexOfWordAtDepth(String word, int[] segment, int depth) {
        for (int i = segment[0]; i < segment[1]; i++) {
            Token token = tokens.get(i);
            if (token.depth() == depth && token.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    int indexOfWordAtDepth0(String word, int from, int to) {
        return indexOfWordAtDepth(word, new int[] {from, to}, 0);
    }

    /** The index of the parenthesis closing the one at {@code open}, or the token count. */
    int closingParen(int open) {
        int depth = tokens.get(open).depth();
        for (int i = open + 1; i < tokens.size(); i++) {
            if (tokens.get(i).depth() == depth && tokens.get(i).isSymbol(')')) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Token ranges [from, to) between commas at {@code depth}; an empty element is not SQL and throws. */
    List<int[]> split(int from, int to, int depth) {
        List<int[]> out = new ArrayList<>();
        if (from >= to) {
            return out;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || (tokens.get(i).depth() == depth && tokens.get(i).isSymbol(','))) {
                if (i == start) {
                    throw unreadable("empty element in a comma-separated list");
                }
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return out;
    }

    static UnmappableAst unreadable(String reason) {
        // one line, even when a quoted name in the reason holds a line break
        return new UnmappableAst(reason.replaceAll("[\\r\\n]+", " "));
    }

    /**
     * Raised when the AST cannot be mapped faithfully; never leaves {@link JSqlParserReader#map}, which turns it
     * into the statement's failure. Any other exception from a mapper is a bug in refguard, not this.
     */
    static final class UnmappableAst extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnmappableAst(String reason) {
            super(reason, null, false, false);
        }
    }
}
