package dev.refguard.parse;

import dev.refguard.split.SqlStatement;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/** Maps JSqlParser 5.4's AST of one statement onto {@link SchemaChange}s. */
final class JSqlParserReader {
    private JSqlParserReader() {}

    /**
     * The changes {@code ast} makes; throws {@link IllegalArgumentException} when the AST cannot be mapped
     * faithfully, so the caller falls back to the token reader.
     */
    static List<SchemaChange> map(Statement ast, SqlStatement source) {
        // placeholder on the splitter branch; the real mapper replaces this file at merge
        throw new IllegalArgumentException("JSqlParser AST mapping is not available");
    }
}
