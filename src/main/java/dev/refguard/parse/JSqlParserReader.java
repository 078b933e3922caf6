package dev.refguard.parse;

import dev.refguard.parse.SchemaChange.AddColumn;
import dev.refguard.parse.SchemaChange.AddForeignKey;
import dev.refguard.parse.SchemaChange.AddKey;
import dev.refguard.parse.SchemaChange.AlterAction;
import dev.refguard.parse.SchemaChange.AlterColumnDefault;
import dev.refguard.parse.SchemaChange.AlterColumnType;
import dev.refguard.parse.SchemaChange.AlterTable;
import dev.refguard.parse.SchemaChange.DropColumn;
import dev.refguard.parse.SchemaChange.DropConstraint;
import dev.refguard.parse.SchemaChange.RenameColumn;
import dev.refguard.parse.SchemaChange.RenameConstraint;
import dev.refguard.parse.SchemaChange.RenameTable;
import dev.refguard.parse.SchemaChange.SetSchema;
import dev.refguard.parse.StatementText.Token;
import dev.refguard.split.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.LikeClause;
import net.sf.jsqlparser.statement.ReferentialAction;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpressionDrop;
import net.sf.jsqlparser.statement.alter.AlterExpressionPartition;
import net.sf.jsqlparser.statement.alter.AlterExpressionRename;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ColumnOption;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.ForeignKeyReference;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.TableElement;
import net.sf.jsqlparser.statement.create.trigger.CreateTrigger;
import net.sf.jsqlparser.statement.create.trigger.TriggerEvent;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Maps JSqlParser 5.4's AST of one statement onto {@link SchemaChange}s.
 *
 * <p>JSqlParser's AST is lossy in places (a constraint name dropped from {@code ADD CONSTRAINT n
 * UNIQUE}, {@code SET SCHEMA} kept only as text, {@code ALTER COLUMN c SET STATISTICS} read as a type
 * change to {@code SET}), so every fact is checked against the statement's own tokens: where the two
 * disagree, or the AST holds something not understood, {@link #map} throws and the token-level
 * fallback gets its chance. A wrong fact silently taken from the AST is worse than a statement
 * reported unreadable.
 */
final class JSqlParserReader {

    /** An unquoted identifier as PostgreSQL's lexer accepts it. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]*");

    /** {@code ALTER TABLE} actions that change nothing refguard models, by their leading words. */
    private static final List<List<String>> HARMLESS_ALTER_ACTIONS = List.of(
            List.of("OWNER", "TO"),
            List.of("REPLICA", "IDENTITY"),
            List.of("ENABLE"),
            List.of("DISABLE"),
            List.of("FORCE", "ROW"),
            List.of("NO", "FORCE"),
            List.of("VALIDATE", "CONSTRAINT"),
            List.of("SET", "("),
            List.of("RESET", "("),
            List.of("SET", "TABLESPACE"),
            List.of("SET", "LOGGED"),
            List.of("SET", "UNLOGGED"),
            List.of("SET", "WITHOUT"),
            List.of("SET", "ACCESS", "METHOD"),
            List.of("CLUSTER", "ON"),
            // INHERIT requires the child to have every parent column already
            List.of("INHERIT"),
            List.of("NO", "INHERIT"),
            List.of("ATTACH", "PARTITION"),
            List.of("DETACH", "PARTITION"));

    /** {@code ALTER [COLUMN] c ...} actions that change no type, default, key or name. */
    private static final List<List<String>> HARMLESS_COLUMN_ACTIONS = List.of(
            List.of("DROP", "DEFAULT"),
            List.of("SET", "NOT", "NULL"),
            List.of("DROP", "NOT", "NULL"),
            List.of("SET", "STATISTICS"),
            List.of("SET", "STORAGE"),
            List.of("SET", "COMPRESSION"),
            List.of("SET", "("),
            List.of("RESET", "("),
            List.of("ADD", "GENERATED"),
            List.of("SET", "GENERATED"),
            List.of("DROP", "IDENTITY"),
            List.of("DROP", "EXPRESSION"),
            List.of("RESTART"),
            List.of("SET", "INCREMENT"),
            List.of("SET", "START"),
            List.of("SET", "MAXVALUE"),
            List.of("SET", "MINVALUE"),
            List.of("SET", "NO"),
            List.of("SET", "CACHE"),
            List.of("SET", "CYCLE"));

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

    private static final Map<ReferentialAction.Action, String> ACTIONS = Map.of(
            ReferentialAction.Action.CASCADE, "CASCADE",
            ReferentialAction.Action.RESTRICT, "RESTRICT",
            ReferentialAction.Action.NO_ACTION, "NO ACTION",
            ReferentialAction.Action.SET_NULL, "SET NULL",
            ReferentialAction.Action.SET_DEFAULT, "SET DEFAULT");

    private final StatementText text;
    private final List<Token> tokens;

    private JSqlParserReader(SqlStatement source) {
        this.text = StatementText.of(source);
        this.tokens = text.tokens();
    }

    /**
     * The schema changes {@code ast} makes.
     *
     * @param ast JSqlParser's statement, parsed from exactly {@code source.text()} with the PostgreSQL
     *     dialect
     * @param source the statement with its place in the file
     * @return the changes in statement order; empty when the statement changes nothing modelled
     * @throws IllegalArgumentException (with a one-line reason) when the AST cannot be mapped
     *     faithfully, so the caller can try the token-level fallback
     */
    static List<SchemaChange> map(Statement ast, SqlStatement source) {
        Objects.requireNonNull(source, "source");
        if (ast == null) {
            throw unreadable("JSqlParser returned no statement");
        }
        // JSqlParser returns UnsupportedStatement even without allowUnsupportedStatements for some
        // forms (ALTER FUNCTION, ALTER INDEX, ALTER MATERIALIZED VIEW), so it must never pass as read
        if (ast instanceof UnsupportedStatement) {
            throw unreadable("JSqlParser does not support this statement");
        }
        try {
            return new JSqlParserReader(source).read(ast);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // an AST shape not foreseen (a null where a list was expected, ...) is unreadable, not a crash
            throw unreadable("unexpected " + ast.getClass().getSimpleName() + " AST: " + e);
        }
    }

    private List<SchemaChange> read(Statement ast) {
        if (ast instanceof CreateTable createTable) {
            return List.of(createTable(createTable));
        } else if (ast instanceof Alter alter) {
            return List.of(alterTable(alter));
        } else if (ast instanceof RenameTableStatement rename) {
            return renameTableStatement(rename);
        } else if (ast instanceof Drop drop) {
            return drop(drop);
        } else if (ast instanceof CreateIndex createIndex) {
            return List.of(createIndex(createIndex));
        } else if (ast instanceof CreateSchema createSchema) {
            return List.of(createSchema(createSchema));
        } else if (ast instanceof Truncate truncate) {
            return List.of(truncate(truncate));
        } else if (ast instanceof Delete delete) {
            return delete(delete);
        } else if (ast instanceof CreateTrigger trigger) {
            return List.of(createTrigger(trigger));
        } else if (ast instanceof SetStatement set) {
            return setStatement(set);
        } else if (ast instanceof Select) {
            // pg_dump writes SELECT pg_catalog.set_config('search_path', '', false); the fallback reads it
            if (tokens.stream().anyMatch(t -> t.isWord("set_config"))) {
                throw unreadable("set_config is read by the token fallback");
            }
            return List.of();
        } else if (HARMLESS_STATEMENTS.contains(ast.getClass().getName())) {
            return List.of();
        }
        throw unreadable("JSqlParser read it as " + ast.getClass().getSimpleName() + ", which is not mapped");
    }

    // ---------------------------------------------------------------- CREATE TABLE

    private SchemaChange createTable(CreateTable ct) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            throw unreadable("CREATE TABLE text does not start with CREATE");
        }
        int i = indexOfWordAtDepth0("TABLE", 0, tokens.size());
        if (i < 0) {
            throw unreadable("no TABLE keyword in CREATE TABLE");
        }
        i++;
        boolean ifNotExists = wordsAt(i, "IF", "NOT", "EXISTS");
        if (ifNotExists) {
            i += 3;
        }
        if (ifNotExists != ct.isIfNotExists()) {
            throw unreadable("IF NOT EXISTS differs between text and AST");
        }
        QualifiedName table = qualifiedName(ct.getTable());
        int nameStart = i;
        i = expectName(i, table);
        SourcePosition position = text.position(tokens.get(nameStart));

        if (ct.getSelect() != null || ct.getOfType() != null) {
            // CREATE TABLE ... AS SELECT and typed tables (OF type) take columns refguard cannot see
            return new SchemaChange.CreateTable(
                    table, ifNotExists, List.of(), List.of(), List.of(), null, false, position);
        }

        QualifiedName parent = null;
        if (ct.getPartitionOf() != null) {
            parent = qualifiedName(ct.getPartitionOf());
            if (!wordsAt(i, "PARTITION", "OF")) {
                throw unreadable("PARTITION OF not found in the text");
            }
            i = expectName(i + 2, parent);
        }

        List<TableElement> elements = ct.getTableElements() == null ? List.of() : ct.getTableElements();
        List<int[]> segments = List.of();
        int afterElements = i;
        if (i < tokens.size() && tokens.get(i).isSymbol('(')) {
            int close = closingParen(i);
            segments = split(i + 1, close, tokens.get(i).depth() + 1);
            afterElements = close + 1;
        }
        if (segments.size() != elements.size()) {
            throw unreadable("CREATE TABLE has " + segments.size() + " elements in the text but " + elements.size()
                    + " in the AST");
        }

        List<ColumnSpec> columns = new ArrayList<>();
        List<KeySpec> keys = new ArrayList<>();
        List<ForeignKeySpec> foreignKeys = new ArrayList<>();
        for (int e = 0; e < elements.size(); e++) {
            TableElement element = elements.get(e);
            int[] segment = segments.get(e);
            int referencesBefore = foreignKeys.size();
            if (element instanceof ColumnDefinition column) {
                ColumnSpec spec = column(column, segment[0], segment);
                columns.add(spec);
                ForeignKeySpec fk = inlineForeignKey(column, spec.name(), segment);
                if (fk != null) {
                    foreignKeys.add(fk);
                }
            } else if (element instanceof LikeClause like) {
                if (parent != null) {
                    throw unreadable("more than one LIKE or parent table");
                }
                parent = qualifiedName(like.getTable());
            } else if (element instanceof ForeignKeyIndex fk) {
                foreignKeys.add(tableForeignKey(fk, segment));
            } else if (element instanceof Index index) {
                KeySpec key = key(index, segment);
                if (key != null) {
                    keys.add(key);
                }
            } else {
                throw unreadable("unknown table element " + element.getClass().getSimpleName());
            }
            requireReferencesCount(segment, foreignKeys.size() - referencesBefore);
        }

        QualifiedName inherited = inherits(afterElements, ct);
        if (inherited != null) {
            if (parent != null) {
                throw unreadable("more than one LIKE or parent table");
            }
            parent = inherited;
        }
        if (ct.getLikeTable() != null && elements.stream().noneMatch(LikeClause.class::isInstance)) {
            throw unreadable("LIKE outside the element list");
        }
        return new SchemaChange.CreateTable(table, ifNotExists, columns, keys, foreignKeys, parent, true, position);
    }

    /** {@code INHERITS (parent)} after the element list; JSqlParser keeps it only as option strings. */
    private QualifiedName inherits(int from, CreateTable ct) {
        boolean inAst = ct.getTableOptionsStrings() != null
                && ct.getTableOptionsStrings().stream().anyMatch("INHERITS"::equalsIgnoreCase);
        int at = indexOfWordAtDepth0("INHERITS", from, tokens.size());
        if (at < 0) {
            if (inAst) {
                throw unreadable("INHERITS in the AST but not in the text");
            }
            return null;
        }
        if (at + 1 >= tokens.size() || !tokens.get(at + 1).isSymbol('(')) {
            throw unreadable("INHERITS without a parenthesised parent");
        }
        int close = closingParen(at + 1);
        List<int[]> parents = split(at + 2, close, tokens.get(at + 1).depth() + 1);
        if (parents.size() != 1) {
            throw unreadable("INHERITS with " + parents.size() + " parents");
        }
        int[] segment = parents.get(0);
        QualifiedNameAt parent = nameAt(segment[0]);
        if (parent == null || parent.end() != segment[1]) {
            throw unreadable("INHERITS parent is not a plain name");
        }
        return parent.name();
    }

    private ColumnSpec column(ColumnDefinition column, int nameToken, int[] segment) {
        Identifier name = identifier(column.getColumnName());
        requireNameToken(nameToken, name);
        String type = typeText(column.getColDataType(), nameToken + 1, segment[1]);
        List<String> specs = column.getColumnSpecs() == null ? List.of() : column.getColumnSpecs();
        boolean primaryKey = containsWords(specs, "PRIMARY", "KEY");
        boolean unique = containsWords(specs, "UNIQUE");
        if (primaryKey != hasWordAtDepth(segment, "PRIMARY") || unique != hasWordAtDepth(segment, "UNIQUE")) {
            throw unreadable("inline PRIMARY KEY/UNIQUE of column " + name + " differs between text and AST");
        }
        return new ColumnSpec(
                name, type, primaryKey, unique, defaultText(column, specs), text.position(tokens.get(nameToken)));
    }

    private ForeignKeySpec inlineForeignKey(ColumnDefinition column, Identifier columnName, int[] segment) {
        long references = column.getColumnOptions() == null
                ? 0
                : column.getColumnOptions().stream()
                        .filter(o -> o.getKind() == ColumnOption.Kind.REFERENCE)
                        .count();
        ForeignKeyReference reference = column.getForeignKeyReference();
        if (references > 1) {
            throw unreadable("column " + columnName + " has more than one REFERENCES");
        }
        if (reference == null) {
            return null;
        }
        int at =
                indexOfWordAtDepth("REFERENCES", segment, tokens.get(segment[0]).depth());
        if (at < 0) {
            throw unreadable("REFERENCES of column " + columnName + " not found in the text");
        }
        Identifier constraintName = null;
        if (at >= segment[0] + 2 && tokens.get(at - 2).isWord("CONSTRAINT")) {
            constraintName = nameToken(at - 1);
        }
        return foreignKey(
                constraintName,
                List.of(columnName),
                reference.getTable(),
                reference.getReferencedColumnNames(),
                reference.getReferentialAction(ReferentialAction.Type.DELETE),
                reference.getReferentialAction(ReferentialAction.Type.UPDATE),
                at,
                segment);
    }

    private ForeignKeySpec tableForeignKey(ForeignKeyIndex fk, int[] segment) {
        Identifier name = constraintName(fk.getName(), segment);
        int clause = segment[0];
        int at =
                indexOfWordAtDepth("REFERENCES", segment, tokens.get(segment[0]).depth());
        if (at < 0) {
            throw unreadable("REFERENCES of a FOREIGN KEY not found in the text");
        }
        return foreignKey(
                name,
                plainColumns(fk.getColumns(), "FOREIGN KEY"),
                fk.getTable(),
                fk.getReferencedColumnNames(),
                fk.getReferentialAction(ReferentialAction.Type.DELETE),
                fk.getReferentialAction(ReferentialAction.Type.UPDATE),
                clause,
                segment);
    }

    private ForeignKeySpec foreignKey(
            Identifier constraintName,
            List<Identifier> columns,
            Table target,
            List<String> targetColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate,
            int clauseToken,
            int[] segment) {
        if (target == null) {
            throw unreadable("FOREIGN KEY without a referenced table");
        }
        QualifiedName targetName = qualifiedName(target);
        int references =
                indexOfWordAtDepth("REFERENCES", segment, tokens.get(segment[0]).depth());
        // REFERENCES t without a column list means t's primary key, whatever it is: never assume "id"
        List<Identifier> referenced = new ArrayList<>();
        if (targetColumns != null) {
            for (String column : targetColumns) {
                referenced.add(identifier(column));
            }
        }
        return new ForeignKeySpec(
                constraintName,
                columns,
                targetName,
                referenced,
                action(onDelete),
                action(onUpdate),
                text.position(tokens.get(clauseToken)),
                tablePosition(target, references + 1, targetName));
    }

    private KeySpec key(Index index, int[] segment) {
        Index.Kind kind = index.getKind();
        if (kind == Index.Kind.CHECK || kind == Index.Kind.EXCLUDE) {
            // CHECK constrains values only; an exclusion constraint cannot back a foreign key
            return null;
        }
        if (kind != Index.Kind.PRIMARY_KEY && kind != Index.Kind.UNIQUE) {
            throw unreadable("unexpected constraint kind " + kind);
        }
        return new KeySpec(
                constraintName(index.getName(), segment),
                plainColumns(index.getColumns(), kind == Index.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE"),
                kind == Index.Kind.PRIMARY_KEY,
                text.position(tokens.get(segment[0])));
    }

    /**
     * The name of {@code CONSTRAINT name ...} from the tokens: JSqlParser drops it for {@code ADD
     * CONSTRAINT n UNIQUE (...)}, so the text is the authority and the AST name only a cross-check.
     */
    private Identifier constraintName(String astName, int[] segment) {
        Identifier fromText = null;
        if (tokens.get(segment[0]).isWord("CONSTRAINT")) {
            if (segment[0] + 1 >= segment[1]) {
                throw unreadable("CONSTRAINT without a name");
            }
            fromText = nameToken(segment[0] + 1);
        }
        if (astName != null && !identifier(astName).equals(fromText)) {
            throw unreadable("constraint name differs between text and AST");
        }
        return fromText;
    }

    // ---------------------------------------------------------------- ALTER TABLE

    private SchemaChange alterTable(Alter alter) {
        if (!wordsAt(0, "ALTER", "TABLE")) {
            throw unreadable("JSqlParser read a statement that is not ALTER TABLE as Alter");
        }
        int i = 2;
        boolean ifExists = wordsAt(i, "IF", "EXISTS");
        if (ifExists) {
            i += 2;
        }
        boolean only = wordsAt(i, "ONLY");
        if (only) {
            i++;
        }
        if (ifExists != alter.isUseTableIfExists() || only != alter.isUseOnly()) {
            throw unreadable("IF EXISTS/ONLY differ between text and AST");
        }
        QualifiedName table = qualifiedName(alter.getTable());
        int nameStart = i;
        i = expectName(i, table);
        if (i < tokens.size() && tokens.get(i).isSymbol('*')) {
            i++;
        }
        List<AlterExpression> expressions =
                alter.getAlterExpressions() == null ? List.of() : alter.getAlterExpressions();
        List<int[]> segments = split(i, tokens.size(), 0);
        if (expressions.isEmpty() || segments.size() != expressions.size()) {
            throw unreadable("ALTER TABLE has " + segments.size() + " actions in the text but " + expressions.size()
                    + " in the AST");
        }
        List<AlterAction> actions = new ArrayList<>();
        for (int e = 0; e < expressions.size(); e++) {
            int[] segment = segments.get(e);
            List<AlterAction> mapped = alterAction(expressions.get(e), segment);
            long foreignKeys = mapped.stream()
                    .filter(a -> a instanceof AddForeignKey || a instanceof AddColumn add && add.foreignKey() != null)
                    .count();
            requireReferencesCount(segment, (int) foreignKeys);
            actions.addAll(mapped);
        }
        return new AlterTable(table, ifExists, actions, text.position(tokens.get(nameStart)));
    }

    private List<AlterAction> alterAction(AlterExpression expression, int[] segment) {
        SourcePosition position = text.position(tokens.get(segment[0]));
        if (expression instanceof AlterExpressionRename) {
            return List.of(rename(expression, segment, position));
        }
        if (expression instanceof AlterExpressionDrop) {
            return List.of(drop(expression, segment, position));
        }
        if (expression instanceof AlterExpressionPartition) {
            // ATTACH/DETACH PARTITION moves rows between tables; it declares no key or column
            requireLeading(segment, "ATTACH", "DETACH");
            return List.of();
        }
        AlterOperation operation = expression.getOperation();
        if (operation == null) {
            throw unreadable("ALTER TABLE action without an operation");
        }
        return switch (operation) {
            case ADD -> add(expression, segment, position);
            case ALTER -> alterColumn(expression, segment, position);
            case UNSPECIFIC -> unspecific(segment, position);
            case ENABLE_ROW_LEVEL_SECURITY,
                    DISABLE_ROW_LEVEL_SECURITY,
                    FORCE_ROW_LEVEL_SECURITY,
                    NO_FORCE_ROW_LEVEL_SECURITY -> List.of();
            default -> throw unreadable("ALTER TABLE action " + operation + " is not mapped");
        };
    }

    private List<AlterAction> add(AlterExpression expression, int[] segment, SourcePosition position) {
        requireLeading(segment, "ADD");
        Index index = expression.getIndex();
        List<AlterExpression.ColumnDataType> columns = expression.getColDataTypeList();
        if (index != null && columns != null && !columns.isEmpty()) {
            throw unreadable("ADD holds both a column and a constraint");
        }
        int[] clause = {segment[0] + 1, segment[1]};
        if (clause[0] >= clause[1]) {
            throw unreadable("ADD without anything to add");
        }
        if (index instanceof ForeignKeyIndex fk) {
            return List.of(new AddForeignKey(tableForeignKey(fk, clause), position));
        }
        if (index != null) {
            if (hasWordsAtDepth(clause, "USING", "INDEX")) {
                // ADD CONSTRAINT ... USING INDEX: columns come from the index; not seen read by JSqlParser 5.4
                throw unreadable("ADD CONSTRAINT ... USING INDEX is not mapped");
            }
            KeySpec key = key(index, clause);
            return key == null ? List.of() : List.of(new AddKey(key, null, position));
        }
        if (columns == null || columns.size() != 1) {
            throw unreadable("ADD without exactly one column or constraint");
        }
        int i = clause[0];
        if (tokens.get(i).isWord("COLUMN")) {
            i++;
        }
        boolean ifNotExists = wordsAt(i, "IF", "NOT", "EXISTS");
        if (ifNotExists) {
            i += 3;
        }
        if (ifNotExists != expression.isUseIfNotExists()) {
            throw unreadable("IF NOT EXISTS differs between text and AST");
        }
        if (i >= segment[1]) {
            throw unreadable("ADD COLUMN without a column");
        }
        AlterExpression.ColumnDataType column = columns.get(0);
        int[] columnSegment = {i, segment[1]};
        ColumnSpec spec = column(column, i, columnSegment);
        ForeignKeySpec fk = inlineForeignKey(column, spec.name(), columnSegment);
        return List.of(new AddColumn(spec, ifNotExists, fk, position));
    }

    private AlterAction drop(AlterExpression expression, int[] segment, SourcePosition position) {
        requireLeading(segment, "DROP");
        boolean cascade = lastWord(segment, "CASCADE");
        if (tokens.get(segment[0] + 1).isWord("CONSTRAINT")) {
            int i = segment[0] + 2;
            boolean ifExists = wordsAt(i, "IF", "EXISTS");
            i += ifExists ? 2 : 0;
            Identifier name = identifier(expression.getConstraintName());
            requireNameToken(i, name);
            if (ifExists != expression.isUsingIfExists()) {
                throw unreadable("IF EXISTS differs between text and AST");
            }
            return new DropConstraint(name, ifExists, position);
        }
        if (expression.getConstraintName() != null || expression.getColumnName() == null) {
            throw unreadable("DROP action is neither a column nor a constraint");
        }
        int i = segment[0] + 1;
        if (tokens.get(i).isWord("COLUMN")) {
            i++;
        }
        boolean ifExists = wordsAt(i, "IF", "EXISTS");
        i += ifExists ? 2 : 0;
        Identifier name = identifier(expression.getColumnName());
        requireNameToken(i, name);
        if (ifExists != expression.isUsingIfExists()) {
            throw unreadable("IF EXISTS differs between text and AST");
        }
        return new DropColumn(name, ifExists, cascade, position);
    }

    private AlterAction rename(AlterExpression expression, int[] segment, SourcePosition position) {
        requireLeading(segment, "RENAME");
        AlterOperation operation = expression.getOperation();
        if (operation == AlterOperation.RENAME_TABLE) {
            Identifier to = identifier(expression.getNewTableName());
            if (!wordsAt(segment[0] + 1, "TO") || segment[0] + 3 != segment[1]) {
                throw unreadable("RENAME TO is not followed by one name");
            }
            requireNameToken(segment[0] + 2, to);
            return new RenameTable(to, position);
        }
        if (operation == AlterOperation.RENAME_CONSTRAINT) {
            if (expression.getOldIndex() == null || expression.getIndex() == null) {
                throw unreadable("RENAME CONSTRAINT without names");
            }
            Identifier from = identifier(expression.getOldIndex().getName());
            Identifier to = identifier(expression.getIndex().getName());
            requireSequence(segment, from, to, segment[0] + 2);
            return new RenameConstraint(from, to, position);
        }
        if (operation == AlterOperation.RENAME) {
            Identifier from = identifier(expression.getColumnOldName());
            Identifier to = identifier(expression.getColumnName());
            int i = segment[0] + 1;
            if (tokens.get(i).isWord("COLUMN")) {
                i++;
            }
            requireSequence(segment, from, to, i);
            return new RenameColumn(from, to, position);
        }
        throw unreadable("RENAME form " + operation + " is not mapped");
    }

    /** Checks {@code from TO to} standing at token {@code i} and ending the segment. */
    private void requireSequence(int[] segment, Identifier from, Identifier to, int i) {
        requireNameToken(i, from);
        if (!wordsAt(i + 1, "TO") || i + 3 != segment[1]) {
            throw unreadable("RENAME is not 'a TO b'");
        }
        requireNameToken(i + 2, to);
    }

    private List<AlterAction> alterColumn(AlterExpression expression, int[] segment, SourcePosition position) {
        requireLeading(segment, "ALTER");
        int i = segment[0] + 1;
        if (tokens.get(i).isWord("COLUMN")) {
            i++;
        }
        if (i >= segment[1] || !tokens.get(i).isName()) {
            throw unreadable("ALTER COLUMN without a column");
        }
        Identifier column = tokens.get(i).identifier();
        int rest = i + 1;
        if (wordsAt(rest, "TYPE") || wordsAt(rest, "SET", "DATA", "TYPE")) {
            List<AlterExpression.ColumnDataType> types = expression.getColDataTypeList();
            if (types == null || types.size() != 1 || !types.get(0).isWithType()) {
                throw unreadable("ALTER COLUMN TYPE without one type in the AST");
            }
            requireSame(column, identifier(types.get(0).getColumnName()));
            int typeStart = rest + (tokens.get(rest).isWord("TYPE") ? 1 : 3);
            return List.of(new AlterColumnType(
                    column, typeText(types.get(0).getColDataType(), typeStart, segment[1]), position));
        }
        if (wordsAt(rest, "SET", "DEFAULT")) {
            List<AlterExpression.ColumnSetDefault> defaults = expression.getColumnSetDefaultList();
            if (defaults == null || defaults.size() != 1) {
                throw unreadable("SET DEFAULT without one default in the AST");
            }
            AlterExpression.ColumnSetDefault setDefault = defaults.get(0);
            requireSame(column, identifier(setDefault.getColumnName()));
            Expression value = setDefault.getDefaultExpression();
            String defaultText = value != null ? value.toString() : setDefault.getDefaultValue();
            if (defaultText == null || defaultText.isBlank()) {
                throw unreadable("SET DEFAULT without an expression");
            }
            return List.of(new AlterColumnDefault(column, defaultText, position));
        }
        for (List<String> harmless : HARMLESS_COLUMN_ACTIONS) {
            if (wordsOrSymbolsAt(rest, harmless)) {
                return List.of();
            }
        }
        throw unreadable("ALTER COLUMN action is not mapped");
    }

    /** Actions JSqlParser keeps only as text ({@code UNSPECIFIC}): read from the tokens. */
    private List<AlterAction> unspecific(int[] segment, SourcePosition position) {
        if (wordsAt(segment[0], "SET", "SCHEMA")) {
            if (segment[0] + 3 != segment[1] || !tokens.get(segment[0] + 2).isName()) {
                throw unreadable("SET SCHEMA is not followed by one name");
            }
            return List.of(new SetSchema(tokens.get(segment[0] + 2).identifier(), position));
        }
        for (List<String> harmless : HARMLESS_ALTER_ACTIONS) {
            if (wordsOrSymbolsAt(segment[0], harmless)) {
                return List.of();
            }
        }
        throw unreadable("ALTER TABLE action '" + tokens.get(segment[0]).text() + " ...' is not mapped");
    }

    private List<SchemaChange> renameTableStatement(RenameTableStatement rename) {
        if (!wordsAt(0, "ALTER", "TABLE")) {
            // RENAME TABLE a TO b is MySQL; PostgreSQL has no such statement
            throw unreadable("RENAME TABLE is not PostgreSQL");
        }
        List<SchemaChange> changes = new ArrayList<>();
        for (Map.Entry<Table, Table> entry : rename.getTableNames()) {
            QualifiedName from = qualifiedName(entry.getKey());
            QualifiedName to = qualifiedName(entry.getValue());
            if (to.schema() != null) {
                throw unreadable("RENAME TO with a schema-qualified name");
            }
            SourcePosition position = tablePosition(entry.getKey(), -1, from);
            changes.add(new AlterTable(
                    from, rename.isUsingIfExistsKeyword(), List.of(new RenameTable(to.name(), position)), position));
        }
        return changes;
    }

    // ---------------------------------------------------------------- other statements

    private List<SchemaChange> drop(Drop drop) {
        String type = drop.getType() == null ? "" : drop.getType().trim().toUpperCase(Locale.ROOT);
        List<Table> names = drop.getNames() != null && !drop.getNames().isEmpty()
                ? drop.getNames()
                : drop.getName() == null ? List.of() : List.of(drop.getName());
        boolean cascade =
                drop.getParameters() != null && drop.getParameters().stream().anyMatch("CASCADE"::equalsIgnoreCase);
        if (type.equals("TABLE")) {
            requireLeadingWords("DROP", "TABLE");
            if (names.isEmpty()) {
                throw unreadable("DROP TABLE without tables");
            }
            List<QualifiedName> tables =
                    names.stream().map(JSqlParserReader::qualifiedName).toList();
            return List.of(new SchemaChange.DropTable(tables, drop.isIfExists(), cascade, text.start()));
        }
        if (type.equals("SCHEMA")) {
            requireLeadingWords("DROP", "SCHEMA");
            List<Identifier> schemas = new ArrayList<>();
            for (Table name : names) {
                QualifiedName schema = qualifiedName(name);
                if (schema.schema() != null) {
                    throw unreadable("DROP SCHEMA with a qualified name");
                }
                schemas.add(schema.name());
            }
            if (schemas.isEmpty()) {
                throw unreadable("DROP SCHEMA without schemas");
            }
            return List.of(new SchemaChange.DropSchema(schemas, cascade, text.start()));
        }
        // DROP VIEW, INDEX, FUNCTION, TRIGGER, TYPE, ...: nothing refguard models
        return List.of();
    }

    private SchemaChange createIndex(CreateIndex createIndex) {
        Index index = createIndex.getIndex();
        if (index == null || createIndex.getTable() == null) {
            throw unreadable("CREATE INDEX without index or table");
        }
        boolean unique = "UNIQUE".equalsIgnoreCase(index.getType()) || index.getKind() == Index.Kind.UNIQUE;
        if (unique != wordsAt(1, "UNIQUE")) {
            throw unreadable("UNIQUE differs between text and AST");
        }
        Identifier name = null;
        if (index.getName() != null) {
            List<String> parts = index.getNameParts();
            if (parts != null && parts.size() > 1) {
                throw unreadable("schema-qualified index name");
            }
            name = identifier(index.getName());
        }
        List<Identifier> columns = new ArrayList<>();
        boolean plain = createIndex.getWhere() == null;
        for (Index.ColumnParams column :
                index.getColumns() == null ? List.<Index.ColumnParams>of() : index.getColumns()) {
            if (column.isExpression()) {
                plain = false;
            } else {
                columns.add(identifier(column.getColumnName()));
            }
        }
        // PostgreSQL only accepts a unique index over plain columns and without WHERE as an FK target,
        // so an index over expressions or a partial index gives no columns
        return new SchemaChange.CreateIndex(
                name, qualifiedName(createIndex.getTable()), plain ? columns : List.of(), unique, text.start());
    }

    private SchemaChange createSchema(CreateSchema createSchema) {
        if (createSchema.getStatements() != null
                && !createSchema.getStatements().isEmpty()) {
            throw unreadable("CREATE SCHEMA with schema elements is not mapped");
        }
        // CREATE SCHEMA AUTHORIZATION role names the schema after the role
        String name =
                createSchema.getSchemaName() != null ? createSchema.getSchemaName() : createSchema.getAuthorization();
        if (name == null) {
            throw unreadable("CREATE SCHEMA without a name");
        }
        return new SchemaChange.CreateSchema(identifier(name), text.start());
    }

    private SchemaChange truncate(Truncate truncate) {
        List<Table> tables =
                truncate.getTables() != null && !truncate.getTables().isEmpty()
                        ? truncate.getTables()
                        : truncate.getTable() == null ? List.of() : List.of(truncate.getTable());
        if (tables.isEmpty()) {
            throw unreadable("TRUNCATE without tables");
        }
        return new SchemaChange.Truncate(
                tables.stream().map(JSqlParserReader::qualifiedName).toList(), truncate.getCascade(), text.start());
    }

    private List<SchemaChange> delete(Delete delete) {
        if ((delete.getTables() != null && !delete.getTables().isEmpty())
                || (delete.getJoins() != null && !delete.getJoins().isEmpty())
                || delete.getTable() == null) {
            throw unreadable("DELETE over several tables is not PostgreSQL");
        }
        if (delete.getWhere() != null) {
            return List.of();
        }
        return List.of(new SchemaChange.DeleteAll(qualifiedName(delete.getTable()), text.start()));
    }

    private SchemaChange createTrigger(CreateTrigger trigger) {
        if (trigger.getTrigger() == null || trigger.getTable() == null || trigger.getRoutine() == null) {
            throw unreadable("CREATE TRIGGER without name, table or function");
        }
        QualifiedName name = qualifiedName(trigger.getTrigger());
        if (name.schema() != null) {
            throw unreadable("schema-qualified trigger name");
        }
        List<String> events = new ArrayList<>();
        if (trigger.getEvents() != null) {
            for (TriggerEvent event : trigger.getEvents()) {
                events.add(event.getEvent().name());
            }
        }
        if (events.isEmpty()) {
            throw unreadable("CREATE TRIGGER without events");
        }
        return new SchemaChange.CreateTrigger(
                name.name(),
                qualifiedName(trigger.getTable()),
                functionName(trigger.getRoutine()),
                events,
                text.start());
    }

    private List<SchemaChange> setStatement(SetStatement set) {
        if (set.getKeyValuePairs() != null && set.getKeyValuePairs().size() != 1) {
            throw unreadable("SET with several settings");
        }
        if (!"search_path".equalsIgnoreCase(String.valueOf(set.getName()))) {
            // statement_timeout, client_encoding, ...: nothing refguard models
            return List.of();
        }
        List<Expression> values = set.getExpressions() == null ? List.of() : set.getExpressions();
        if (values.size() == 1
                && values.get(0) instanceof Column column
                && column.getTable() == null
                && "DEFAULT".equalsIgnoreCase(column.getColumnName())) {
            // SET search_path = DEFAULT resets it to PostgreSQL's built-in default
            return List.of(new SchemaChange.SetSearchPath(
                    List.of(Identifier.quoted("$user"), Identifier.of("public")), text.start()));
        }
        List<Identifier> schemas = new ArrayList<>();
        for (Expression value : values) {
            if (value instanceof Column column && column.getTable() == null) {
                schemas.add(identifier(column.getColumnName()));
            } else if (value instanceof StringValue string) {
                // a string element is one name taken literally; '' is the empty path
                if (!string.getValue().isEmpty()) {
                    schemas.add(Identifier.quoted(string.getValue()));
                }
            } else {
                throw unreadable("search_path element " + value + " is not mapped");
            }
        }
        return List.of(new SchemaChange.SetSearchPath(schemas, text.start()));
    }

    private static QualifiedName functionName(Function function) {
        String written = function.getName();
        if (written == null) {
            throw unreadable("trigger function without a name");
        }
        // JSqlParser keeps "public.handle_new_user" as one string, so cut it with PostgreSQL's rules
        List<Token> parts = StatementText.detached(written).tokens();
        if (parts.size() == 1 && parts.get(0).isName()) {
            return QualifiedName.of(parts.get(0).identifier());
        }
        if (parts.size() == 3
                && parts.get(0).isName()
                && parts.get(1).isSymbol('.')
                && parts.get(2).isName()) {
            return new QualifiedName(parts.get(0).identifier(), parts.get(2).identifier());
        }
        throw unreadable("trigger function name '" + written + "' is not mapped");
    }

    // ---------------------------------------------------------------- names, types, positions

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
            String inner = raw.substring(1, raw.length() - 1);
            if (inner.isEmpty() || inner.replace("\"\"", "").contains("\"")) {
                throw unreadable("malformed quoted name " + raw);
            }
            return Identifier.quoted(inner.replace("\"\"", "\""));
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

    private static String action(ReferentialAction action) {
        if (action == null || action.getAction() == null) {
            return null;
        }
        String text = ACTIONS.get(action.getAction());
        if (text == null) {
            throw unreadable("unknown referential action " + action.getAction());
        }
        return text;
    }

    /**
     * The type as written in the text: the tokens from {@code from} whose text, without spaces, spells
     * JSqlParser's rendering of the type (which adds a space before {@code (}). Falls back to that
     * rendering without the added spaces.
     */
    private String typeText(ColDataType type, int from, int to) {
        if (type == null || type.toString().isBlank()) {
            throw unreadable("column without a type");
        }
        String rendered = type.toString().trim();
        String wanted = squash(rendered);
        StringBuilder seen = new StringBuilder();
        for (int i = from; i < to; i++) {
            seen.append(squash(tokens.get(i).text()));
            String got = seen.toString();
            if (got.equals(wanted)) {
                return text.slice(tokens.get(from).start(), tokens.get(i).end());
            }
            if (!wanted.startsWith(got)) {
                break;
            }
        }
        return rendered.replace(" (", "(");
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static String defaultText(ColumnDefinition column, List<String> specs) {
        if (column.getColumnOptions() != null) {
            for (ColumnOption option : column.getColumnOptions()) {
                if (option.getKind() == ColumnOption.Kind.DEFAULT && option.getDefaultExpression() != null) {
                    return option.getDefaultExpression().toString();
                }
            }
        }
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase("DEFAULT")) {
                return specs.get(i + 1);
            }
        }
        return null;
    }

    private static boolean containsWords(List<String> specs, String... words) {
        for (int i = 0; i + words.length <= specs.size(); i++) {
            boolean match = true;
            for (int w = 0; w < words.length && match; w++) {
                match = specs.get(i + w).equalsIgnoreCase(words[w]);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static List<Identifier> plainColumns(List<Index.ColumnParams> columns, String clause) {
        if (columns == null || columns.isEmpty()) {
            throw unreadable(clause + " without columns");
        }
        List<Identifier> out = new ArrayList<>();
        for (Index.ColumnParams column : columns) {
            if (column.isExpression()) {
                throw unreadable(clause + " over an expression");
            }
            out.add(identifier(column.getColumnName()));
        }
        return out;
    }

    /**
     * Where a referenced table stands: JSqlParser's token position (relative to the statement) when it
     * has one that points at the name, otherwise the name token at {@code fallbackToken}.
     */
    private SourcePosition tablePosition(Table table, int fallbackToken, QualifiedName expected) {
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
    private record QualifiedNameAt(QualifiedName name, int end) {}

    private QualifiedNameAt nameAt(int i) {
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
    private int expectName(int i, QualifiedName expected) {
        QualifiedNameAt found = nameAt(i);
        if (found == null || !found.name().equals(expected)) {
            throw unreadable("table name " + expected + " differs between text and AST");
        }
        return found.end();
    }

    private void requireNameToken(int i, Identifier expected) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            throw unreadable("name " + expected + " not found in the text");
        }
        requireSame(tokens.get(i).identifier(), expected);
    }

    private static void requireSame(Identifier fromText, Identifier fromAst) {
        if (!fromText.equals(fromAst)) {
            throw unreadable("name " + fromText + " in the text but " + fromAst + " in the AST");
        }
    }

    private Identifier nameToken(int i) {
        if (i >= tokens.size() || !tokens.get(i).isName()) {
            throw unreadable("expected a name in the text");
        }
        return tokens.get(i).identifier();
    }

    /**
     * Every {@code REFERENCES} in the clause must have become a foreign key: JSqlParser must not have
     * dropped one silently.
     */
    private void requireReferencesCount(int[] segment, int foreignKeys) {
        int references = 0;
        for (int i = segment[0]; i < segment[1]; i++) {
            if (tokens.get(i).isWord("REFERENCES")) {
                references++;
            }
        }
        if (references != foreignKeys) {
            throw unreadable(references + " REFERENCES in the text but " + foreignKeys + " foreign keys in the AST");
        }
    }

    private void requireLeading(int[] segment, String... anyOf) {
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

    private void requireLeadingWords(String... words) {
        if (!wordsAt(0, words)) {
            throw unreadable("statement does not start with " + String.join(" ", words));
        }
    }

    private boolean wordsAt(int i, String... words) {
        return wordsOrSymbolsAt(i, List.of(words));
    }

    private boolean wordsOrSymbolsAt(int i, List<String> words) {
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

    private boolean lastWord(int[] segment, String word) {
        return segment[1] > segment[0] && tokens.get(segment[1] - 1).isWord(word);
    }

    private boolean hasWordsAtDepth(int[] segment, String first, String second) {
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

    private boolean hasWordAtDepth(int[] segment, String word) {
        return indexOfWordAtDepth(word, segment, tokens.get(segment[0]).depth()) >= 0;
    }

    private int indexOfWordAtDepth(String word, int[] segment, int depth) {
        for (int i = segment[0]; i < segment[1]; i++) {
            Token token = tokens.get(i);
            if (token.depth() == depth && token.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfWordAtDepth0(String word, int from, int to) {
        return indexOfWordAtDepth(word, new int[] {from, to}, 0);
    }

    /** The index of the parenthesis closing the one at {@code open}, or the token count. */
    private int closingParen(int open) {
        int depth = tokens.get(open).depth();
        for (int i = open + 1; i < tokens.size(); i++) {
            if (tokens.get(i).depth() == depth && tokens.get(i).isSymbol(')')) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Token ranges [from, to) between commas at {@code depth}; an empty element is not SQL and throws. */
    private List<int[]> split(int from, int to, int depth) {
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

    private static IllegalArgumentException unreadable(String reason) {
        // one line, even when a quoted name in the reason holds a line break
        return new IllegalArgumentException(reason.replaceAll("[\\r\\n]+", " "));
    }
}
