package dev.refguard.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.refguard.split.SqlLexer.Token;
import dev.refguard.split.SqlLexer.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static List<Token> tokens(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        List<Token> out = new ArrayList<>();
        for (Token token = lexer.next(); token != null; token = lexer.next()) {
            out.add(token);
        }
        return out;
    }

    @Test
    void marksWhereTheContentOfPrefixedStringsAndQuotedNamesStands() {
        String sql = "E'a\\'b' B'10' U&'x' U&\"n\"\"m\" $tag$ ; $tag$ 'it''s'";

        assertThat(tokens(sql))
                .extracting(Token::type, t -> sql.substring(t.contentStart(), t.contentEnd()), Token::prefixLength)
                .containsExactly(
                        tuple(Type.ESCAPE_STRING, "a\\'b", 1),
                        tuple(Type.STRING, "10", 1),
                        tuple(Type.STRING, "x", 2),
                        tuple(Type.QUOTED_IDENTIFIER, "n\"\"m", 2),
                        tuple(Type.DOLLAR_STRING, " ; ", 0),
                        tuple(Type.STRING, "it''s", 0));
    }

    @Test
    void runsUnterminatedConstructsToTheEndWithTheirContentToo() {
        for (String sql : new String[] {"'abc", "E'ab\\", "\"abc", "$q$abc", "/* a /* b */"}) {
            Token token = tokens(sql).get(0);

            assertThat(token.terminated()).as(sql).isFalse();
            assertThat(token.end()).as(sql).isEqualTo(sql.length());
            assertThat(token.contentEnd()).as(sql).isEqualTo(sql.length());
        }
    }

    @Test
    void takesDollarDigitsAsAParameterNotAQuote() {
        String sql = "$1 || $$x$$";

        assertThat(tokens(sql))
                .extracting(Token::type, t -> sql.substring(t.start(), t.end()))
                .containsExactly(
                        tuple(Type.SYMBOL, "$1"),
                        tuple(Type.SYMBOL, "|"),
                        tuple(Type.SYMBOL, "|"),
                        tuple(Type.DOLLAR_STRING, "$$x$$"));
    }

    @Test
    void skipsSpaceAndCommentsUpToTheNextTokenWithoutLexingIt() {
        String sql = "  -- note\n /* a /* nested */ b */ 12.5 x";
        SqlLexer lexer = new SqlLexer(sql);

        int start = lexer.skipSpaceAndComments();

        assertThat(start).isEqualTo(sql.indexOf("12.5"));
        lexer.moveTo(start + 2);
        assertThat(lexer.nextSignificant())
                .satisfies(t -> assertThat(sql.substring(t.start(), t.end())).isEqualTo("."));
        assertThat(new SqlLexer("  -- only a comment").skipSpaceAndComments()).isEqualTo(19);
    }
}
