package dev.refguard.parse.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {

    private static List<SqlToken> tokens(String text) {
        return tokens(text, 1, 1);
    }

    private static List<SqlToken> tokens(String text, int line, int column) {
        SqlTokenizer tokenizer = new SqlTokenizer(text, line, column);
        List<SqlToken> out = new ArrayList<>();
        for (SqlToken token = tokenizer.next(); token != null; token = tokenizer.next()) {
            out.add(token);
        }
        return out;
    }

    private static List<String> texts(String text) {
        return tokens(text).stream().map(SqlToken::text).toList();
    }

    @Test
    void splitsWordsPunctuationAndOperators() {
        assertThat(texts("a.b(c, d)::text[] >= 1.5e3 $1"))
                .containsExactly("a", ".", "b", "(", "c", ",", "d", ")", "::", "text", "[", "]", ">=", "1.5e3", "$1");
    }

    @Test
    void skipsLineAndNestedBlockComments() {
        assertThat(texts("a -- comment ( ' \"\n b /* outer /* inner */ still comment */ c"))
                .containsExactly("a", "b", "c");
    }

    @Test
    void operatorStopsBeforeACommentStart() {
        assertThat(texts("a =-- comment\n b")).containsExactly("a", "=", "b");
    }

    @Test
    void readsStandardStringsWithDoubledQuotes() {
        SqlToken token = tokens("'it''s'").get(0);
        assertThat(token.type()).isEqualTo(SqlToken.Type.STRING);
        assertThat(token.value()).isEqualTo("it's");
        assertThat(token.text()).isEqualTo("'it''s'");
    }

    @Test
    void readsEscapeStringsWithBackslashQuote() {
        List<SqlToken> tokens = tokens("E'it\\'s\\n' x");
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).value()).isEqualTo("it's\n");
        assertThat(tokens.get(0).text()).isEqualTo("E'it\\'s\\n'");
        assertThat(tokens.get(1).text()).isEqualTo("x");
    }

    @Test
    void backslashIsPlainInStandardStrings() {
        List<SqlToken> tokens = tokens("'a\\' b");
        assertThat(tokens).extracting(SqlToken::text).containsExactly("'a\\'", "b");
    }

    @Test
    void readsQuotedIdentifiersWithDoubledQuotes() {
        SqlToken token = tokens("\"Weird \"\"Quoted\"\" Col\"").get(0);
        assertThat(token.type()).isEqualTo(SqlToken.Type.QUOTED_IDENTIFIER);
        assertThat(token.identifier()).isEqualTo(Identifier.quoted("Weird \"Quoted\" Col"));
    }

    @Test
    void readsDollarQuotesWithNestedOtherTags() {
        List<SqlToken> tokens = tokens("$fn$ begin perform $$ ; $$; end $fn$ after");
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).value()).isEqualTo(" begin perform $$ ; $$; end ");
        assertThat(tokens.get(1).text()).isEqualTo("after");
    }

    @Test
    void dollarInsideAnIdentifierIsPartOfIt() {
        assertThat(texts("a$b$ c")).containsExactly("a$b$", "c");
    }

    @Test
    void unterminatedQuotesAndCommentsEndAtTheEndOfText() {
        assertThat(tokens("'abc"))
                .singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo("abc"));
        assertThat(tokens("\"abc"))
                .singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo("abc"));
        assertThat(tokens("$x$ abc"))
                .singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo(" abc"));
        assertThat(tokens("E'abc\\"))
                .singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo("abc"));
        assertThat(tokens("a /* never /* closed */")).extracting(SqlToken::text).containsExactly("a");
    }

    @Test
    void positionsOnTheFirstLineAddTheStatementColumn() {
        List<SqlToken> tokens = tokens("ALTER TABLE t", 7, 10);
        assertThat(tokens)
                .extracting(SqlToken::position)
                .containsExactly(new SourcePosition(7, 10), new SourcePosition(7, 16), new SourcePosition(7, 22));
    }

    @Test
    void positionsOnLaterLinesUseTheColumnInTheLine() {
        List<SqlToken> tokens = tokens("a\n  b\r\n   c\rd '\nx' e", 3, 9);
        assertThat(tokens)
                .extracting(SqlToken::position)
                .containsExactly(
                        new SourcePosition(3, 9),
                        new SourcePosition(4, 3),
                        new SourcePosition(5, 4),
                        new SourcePosition(6, 1),
                        new SourcePosition(6, 3),
                        new SourcePosition(7, 4));
    }

    @Test
    void unknownCharactersBecomeSingleTokens() {
        assertThat(tokens("\u0000{\\"))
                .extracting(SqlToken::type)
                .containsExactly(SqlToken.Type.OTHER, SqlToken.Type.OTHER, SqlToken.Type.OTHER);
    }

    @Test
    void prefixedStringsAndUnicodeIdentifiers() {
        assertThat(tokens("B'101' X'ff' N'n' U&'d\\0061t' U&\"d\\0061t\""))
                .extracting(SqlToken::type)
                .containsExactly(
                        SqlToken.Type.STRING,
                        SqlToken.Type.STRING,
                        SqlToken.Type.STRING,
                        SqlToken.Type.STRING,
                        SqlToken.Type.QUOTED_IDENTIFIER);
    }
}
