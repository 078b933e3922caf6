package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.Identifier;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
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
import dev.refguard.parse.SourcePosition;
import dev.refguard.split.DdlWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpressionDrop;
import net.sf.jsqlparser.statement.alter.AlterExpressionPartition;
import net.sf.jsqlparser.statement.alter.AlterExpressionRename;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Maps JSqlParser's {@code ALTER TABLE} onto a {@link SchemaChange.AlterTable}: each action is read
 * from its own comma-separated segment of the text, and an action refguard does not model must be
 * known to change nothing it models.
 */
final class AlterTableMapper extends TableElementMapper {

    /** Whether MySQL's own ALTER TABLE actions ({@code MODIFY}, {@code CHANGE}) are read: a MySQL or MariaDB file. */
    private final boolean mysqlActions;

    AlterTableMapper(StatementText text) {
        this(text, false);
    }

    AlterTableMapper(StatementText text, boolean mysqlActions) {
        super(text);
        this.mysqlActions = mysqlActions;
    }

    SchemaChange alterTable(Alter alter) {
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
            case MODIFY, CHANGE -> modifyColumn(expression, operation, segment, position);
            case ENABLE_ROW_LEVEL_SECURITY,
                    DISABLE_ROW_LEVEL_SECURITY,
                    FORCE_ROW_LEVEL_SECURITY,
                    NO_FORCE_ROW_LEVEL_SECURITY,
                    // MySQL's table options and maintenance: no column, key or name changes
                    ENGINE,
                    ALGORITHM,
                    LOCK,
                    COMMENT,
                    COMMENT_WITH_EQUAL_SIGN,
                    SET_TABLE_OPTION,
                    KEY_BLOCK_SIZE,
                    DISABLE_KEYS,
                    ENABLE_KEYS,
                    FORCE -> List.of();
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
        if (wordsAt(rest, "DROP", "DEFAULT")) {
            if (rest + 2 != segment[1]) {
                throw unreadable("DROP DEFAULT followed by more words");
            }
            // no default any more: the same as a column declared without one
            return List.of(new AlterColumnDefault(column, null, position));
        }
        if (DdlWords.harmlessColumnAction(words(rest, segment[1]), 0)) {
            return List.of();
        }
        throw unreadable("ALTER COLUMN action is not mapped");
    }

    /**
     * MySQL's {@code MODIFY [COLUMN] c type ...} and {@code CHANGE [COLUMN] old new type ...}: the column gets the
     * new definition's type (and, for CHANGE, its new name); the type is checked against the FKs in force as an
     * {@code ALTER COLUMN ... TYPE} is.
     */
    private List<AlterAction> modifyColumn(
            AlterExpression expression, AlterOperation operation, int[] segment, SourcePosition position) {
        if (!mysqlActions) {
            // PostgreSQL has no such action: it rejects the statement with a syntax error
            throw unreadable("ALTER TABLE ... " + operation.name() + " is MySQL's, not PostgreSQL's");
        }
        requireLeading(segment, operation.name());
        List<AlterExpression.ColumnDataType> types = expression.getColDataTypeList();
        if (types == null || types.size() != 1 || types.get(0).getColDataType() == null) {
            throw unreadable(operation + " without one column definition in the AST");
        }
        int i = segment[0] + 1;
        if (tokens.get(i).isWord("COLUMN")) {
            i++;
        }
        List<AlterAction> actions = new ArrayList<>();
        Identifier column = identifier(types.get(0).getColumnName());
        if (operation == AlterOperation.CHANGE) {
            String oldName =
                    expression.getColumnOldName() != null ? expression.getColumnOldName() : expression.getColOldName();
            if (oldName == null) {
                throw unreadable("CHANGE without the old column name");
            }
            Identifier from = identifier(oldName);
            requireNameToken(i, from);
            i++;
            if (!from.text().equalsIgnoreCase(column.text())) {
                actions.add(new RenameColumn(from, column, position));
            }
        }
        requireNameToken(i, column);
        actions.add(new AlterColumnType(column, typeText(types.get(0).getColDataType(), i + 1, segment[1]), position));
        return actions;
    }

    /** Actions JSqlParser keeps only as text ({@code UNSPECIFIC}): read from the tokens. */
    private List<AlterAction> unspecific(int[] segment, SourcePosition position) {
        if (wordsAt(segment[0], "SET", "SCHEMA")) {
            if (segment[0] + 3 != segment[1] || !tokens.get(segment[0] + 2).isName()) {
                throw unreadable("SET SCHEMA is not followed by one name");
            }
            return List.of(new SetSchema(tokens.get(segment[0] + 2).identifier(), position));
        }
        if (wordsAt(segment[0], "SET", "LOGGED") || wordsAt(segment[0], "SET", "UNLOGGED")) {
            if (segment[0] + 2 != segment[1]) {
                throw unreadable("SET LOGGED/UNLOGGED followed by more words");
            }
            return List.of(new SchemaChange.SetLogged(wordsAt(segment[0], "SET", "LOGGED"), position));
        }
        if (DdlWords.harmlessAlterAction(words(segment[0], segment[1]), 0)) {
            return List.of();
        }
        throw unreadable("ALTER TABLE action '" + tokens.get(segment[0]).text() + " ...' is not mapped");
    }

    /**
     * {@code ALTER TABLE a RENAME TO b}, which JSqlParser reads as a statement of its own, and MySQL's {@code RENAME
     * TABLE a TO b, c TO d} (PostgreSQL has no such statement; the splitter sends it here only as MySQL's).
     */
    List<SchemaChange> renameTableStatement(RenameTableStatement rename) {
        if (!wordsAt(0, "ALTER", "TABLE") && !wordsAt(0, "RENAME", "TABLE")) {
            throw unreadable("unexpected RENAME statement");
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
}
