package dev.refguard.parse.jsqlparser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.jsqlparser.StatementText.Kind;
import dev.refguard.parse.jsqlparser.StatementText.Token;
import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementKind;
import org.junit.jupiter.api.Test;

class StatementTextTest {

    private static StatementText text(String sql, int line, int column) {
        return StatementText.of(new SqlStatement(sql, 0, sql.length(), line, column, StatementKind.OTHER));
    }

    @Test
    void translatesFirstLineFromStatementColumnAndLaterLinesFromColumnOne() {
        StatementText text = text("ALTER TABLE t\n  ADD x int", 7, 10);

        assertThat(text.position(0)).isEqualTo(new SourcePosition(7, 10));
        assertThat(text.position(12)).isEqualTo(new SourcePosition(7, 22));
        assertThat(text.position(16)).isEqualTo(new SourcePosition(8, 3));
    }

    @Test
    void countsCrLfAndLoneCrAsOneLineEndLikeJSqlParser() {
        StatementText text = text("a\r\nb\rc\nd", 1, 1);

        assertThat(text.position(3)).isEqualTo(new SourcePosition(2, 1));
        assertThat(text.position(5)).isEqualTo(new SourcePosition(3, 1));
        assertThat(text.position(7)).isEqualTo(new SourcePosition(4, 1));
        assertThat(text.offset(3, 1)).isEqualTo(5);
        assertThat(text.offset(2, 3)).isEqualTo(-1);
        assertThat(text.offset(9, 1)).isEqualTo(-1);
    }

    @Test
    void keepsPositionsInsideTheStatement() {
        StatementText text = text("DROP TABLE x", 3, 4);

        assertThat(text.position(-5)).isEqualTo(new SourcePosition(3, 4));
        assertThat(text.position(500)).isEqualTo(new SourcePosition(3, 15));
    }

    @Test
    void findsKeywordsOnlyOutsideStringsNamesAndComments() {
        String sql = """
                CREATE TABLE t (
                  a text DEFAULT 'references', -- references
                  b text DEFAULT E'it\\'s references', /* references /* nested */ references */
                  "references" int,
                  c text DEFAULT $x$ references $x$,
                  d int REFERENCES u
                )""";
        StatementText text = text(sql, 1, 1);

        int offset = text.findKeyword("REFERENCES", 0);

        assertThat(offset).isEqualTo(sql.lastIndexOf("REFERENCES"));
        assertThat(text.position(offset)).isEqualTo(new SourcePosition(6, 9));
        assertThat(text.findKeyword("REFERENCES", 1)).isEqualTo(-1);
    }

    @Test
    void tracksParenthesisDepth() {
        StatementText text = text("f(a, (b)) , c", 1, 1);

        assertThat(text.tokens())
                .extracting(Token::text, Token::depth)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("f", 0),
                        org.assertj.core.groups.Tuple.tuple("(", 0),
                        org.assertj.core.groups.Tuple.tuple("a", 1),
                        org.assertj.core.groups.Tuple.tuple(",", 1),
                        org.assertj.core.groups.Tuple.tuple("(", 1),
                        org.assertj.core.groups.Tuple.tuple("b", 2),
                        org.assertj.core.groups.Tuple.tuple(")", 1),
                        org.assertj.core.groups.Tuple.tuple(")", 0),
                        org.assertj.core.groups.Tuple.tuple(",", 0),
                        org.assertj.core.groups.Tuple.tuple("c", 0));
    }

    @Test
    void readsQuotedNamesWithDoubledQuotes() {
        Token token = text("\"a\"\"b\"", 1, 1).tokens().get(0);

        assertThat(token.kind()).isEqualTo(Kind.QUOTED_NAME);
        assertThat(token.identifier()).isEqualTo(Identifier.quoted("a\"b"));
    }

    @Test
    void runsUnterminatedQuotesAndCommentsToTheEnd() {
        for (String sql : new String[] {"x 'abc", "x \"abc", "x $$abc", "x /* a /* b */", "x E'\\"}) {
            StatementText text = text(sql, 1, 1);

            assertThat(text.tokens()).hasSizeLessThanOrEqualTo(2);
            assertThat(text.tokens().get(0).text()).isEqualTo("x");
        }
        assertThat(text("", 2, 2).tokens()).isEmpty();
        assertThat(text("", 2, 2).position(0)).isEqualTo(new SourcePosition(2, 2));
    }

    @Test
    void keepsPrefixesOtherThanEAsWordsAndParametersAsDollarAndNumber() {
        StatementText text = text("E'a\\'b' B'1' U&\"n\" $1 1.5", 1, 1);

        assertThat(text.tokens())
                .extracting(Token::kind, Token::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.STRING, "E'a\\'b'"),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "B"),
                        org.assertj.core.groups.Tuple.tuple(Kind.STRING, "'1'"),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "U"),
                        org.assertj.core.groups.Tuple.tuple(Kind.SYMBOL, "&"),
                        org.assertj.core.groups.Tuple.tuple(Kind.QUOTED_NAME, "\"n\""),
                        org.assertj.core.groups.Tuple.tuple(Kind.SYMBOL, "$"),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "1"),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "1"),
                        org.assertj.core.groups.Tuple.tuple(Kind.SYMBOL, "."),
                        org.assertj.core.groups.Tuple.tuple(Kind.WORD, "5"));
    }
}
