package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.SchemaChange;
import dev.refguard.split.SqlStatement;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.trigger.CreateTrigger;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Maps JSqlParser 5.4's AST of one statement onto {@link SchemaChange}s, handing each kind of
 * statement to its mapper ({@link CreateTableMapper}, {@link AlterTableMapper}, {@link
 * SmallStatementMapper}).
 *
 * <p>JSqlParser's AST is lossy in places (a constraint name dropped from {@code ADD CONSTRAINT n
 * UNIQUE}, {@code SET SCHEMA} kept only as text, {@code ALTER COLUMN c SET STATISTICS} read as a type
 * change to {@code SET}), so every fact is checked against the statement's own tokens: where the two
 * disagree, or the AST holds something not understood, {@link #map} returns the reason and the
 * token-level fallback gets its chance. A wrong fact silently taken from the AST is worse than a statement
 * reported unreadable.
 */
public final class JSqlParserReader {

    /** Statement classes that can change nothing refguard models. */
    private static final Set<String> HARMLESS_STATEMENTS = Set.of(
            "net.sf.jsqlparser.statement.insert.Insert",
            "net.sf.jsqlparser.statement.update.Update",
            "net.sf.jsqlparser.statement.grant.Grant",
            "net.sf.jsqlparser.statement.comment.Comment",
            "net.sf.jsqlparser.statement.create.view.CreateView",
            "net.sf.jsqlparser.statement.create.sequence.CreateSequence",
            "net.sf.jsqlparser.statement.alter.sequence.AlterSequence",
            "net.sf.jsqlparser.statement.create.type.CreateType",
            "net.sf.jsqlparser.statement.create.extension.CreateExtension",
            "net.sf.jsqlparser.statement.create.policy.CreatePolicy",
            "net.sf.jsqlparser.statement.Commit");

    private JSqlParserReader() {}

    /**
     * The schema changes {@code ast} makes, or why they cannot be taken from it.
     *
     * @param ast JSqlParser's statement, parsed from exactly {@code source.text()} with the PostgreSQL
     *     dialect
     * @param source the statement with its place in the file
     * @return the changes in statement order (an empty list when the statement changes nothing modelled), or a
     *     one-line reason when the AST cannot be mapped faithfully, so the caller can try the token-level
     *     fallback; an exception is a bug in refguard
     */
    public static JSqlParserRun.Attempt map(Statement ast, SqlStatement source) {
        return map(ast, source, false);
    }

    /**
     * Like {@link #map(Statement, SqlStatement)}; with {@code mysql}, MySQL's own ALTER TABLE actions
     * ({@code MODIFY}, {@code CHANGE}) are read too (a MySQL or MariaDB file, put in PostgreSQL's lexical form).
     */
    public static JSqlParserRun.Attempt map(Statement ast, SqlStatement source, boolean mysql) {
        Objects.requireNonNull(source, "source");
        if (ast == null) {
            return JSqlParserRun.Attempt.failed("JSqlParser returned no statement");
        }
        // JSqlParser returns UnsupportedStatement even without allowUnsupportedStatements for some
        // forms (ALTER FUNCTION, ALTER INDEX, ALTER MATERIALIZED VIEW), so it must never pass as read
        if (ast instanceof UnsupportedStatement) {
            return JSqlParserRun.Attempt.failed("JSqlParser does not support this statement");
        }
        try {
            return JSqlParserRun.Attempt.read(read(ast, StatementText.of(source), mysql));
        } catch (AstMapper.UnmappableAst e) {
            return JSqlParserRun.Attempt.failed(e.getMessage());
        }
    }

    private static List<SchemaChange> read(Statement ast, StatementText text, boolean mysql) {
        if (ast instanceof CreateTable createTable) {
            return new CreateTableMapper(text).createTableAndIndexes(createTable);
        } else if (ast instanceof Alter alter) {
            return List.of(new AlterTableMapper(text, mysql).alterTable(alter));
        } else if (ast instanceof RenameTableStatement rename) {
            return new AlterTableMapper(text).renameTableStatement(rename);
        } else if (ast instanceof Drop drop) {
            return new SmallStatementMapper(text).drop(drop);
        } else if (ast instanceof CreateIndex createIndex) {
            return List.of(new SmallStatementMapper(text).createIndex(createIndex));
        } else if (ast instanceof CreateSchema createSchema) {
            return List.of(new SmallStatementMapper(text).createSchema(createSchema));
        } else if (ast instanceof Truncate truncate) {
            return List.of(new SmallStatementMapper(text).truncate(truncate));
        } else if (ast instanceof Delete delete) {
            return new SmallStatementMapper(text).delete(delete);
        } else if (ast instanceof CreateTrigger trigger) {
            return List.of(new SmallStatementMapper(text).createTrigger(trigger));
        } else if (ast instanceof SetStatement set) {
            return new SmallStatementMapper(text).setStatement(set);
        } else if (ast instanceof Select) {
            // pg_dump writes SELECT pg_catalog.set_config('search_path', '', false); the fallback reads it
            if (text.tokens().stream().anyMatch(t -> t.isWord("set_config"))) {
                throw AstMapper.unreadable("set_config is read by the token fallback");
            }
            return List.of();
        } else if (HARMLESS_STATEMENTS.contains(ast.getClass().getName())) {
            return List.of();
        }
        throw AstMapper.unreadable("JSqlParser read it as " + ast.getClass().getSimpleName() + ", which is not mapped");
    }
}
