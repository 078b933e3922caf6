package dev.refguard.parse;

/** Maps JSqlParser 5.4's AST of one statement onto {@link SchemaChange}s. */
final class JSqlParserReader {
    private JSqlParserReader() {}
}
