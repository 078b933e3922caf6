package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.Identifier;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.jsqlparser.StatementText.Token;
import dev.refguard.split.Blanks;
import dev.refguard.split.DdlWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReferentialAction;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ColumnOption;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.ForeignKeyReference;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Maps the elements of a table (columns, keys, foreign keys) that both {@code CREATE TABLE} and {@code
 * ALTER TABLE ... ADD} hold, each from its AST node and its token range (segment) in the text.
 */
abstract sealed class TableElementMapper extends AstMapper permits CreateTableMapper, AlterTableMapper {
    TableElementMapper(StatementText text) {
        super(text);
    }

    ColumnSpec column(ColumnDefinition column, int nameToken, int[] segment) {
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

    ForeignKeySpec inlineForeignKey(ColumnDefinition column, Identifier columnName, int[] segment) {
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
        ForeignKeySpec fk = foreignKey(
                constraintName,
                List.of(columnName),
                reference.getTable(),
                reference.getReferencedColumnNames(),
                reference.getReferentialAction(ReferentialAction.Type.DELETE),
                reference.getReferentialAction(ReferentialAction.Type.UPDATE),
                at,
                segment);
        return new ForeignKeySpec(
                fk.constraintName(),
                fk.columns(),
                fk.target(),
                fk.targetColumns(),
                fk.onDelete(),
                fk.onUpdate(),
                fk.position(),
                fk.targetPosition(),
                true);
    }

    ForeignKeySpec tableForeignKey(ForeignKeyIndex fk, int[] segment) {
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

    ForeignKeySpec foreignKey(
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

    KeySpec key(Index index, int[] segment) {
        Index.Kind kind = index.getKind();
        if (kind == Index.Kind.CHECK
                || kind == Index.Kind.EXCLUDE
                || kind == Index.Kind.FULLTEXT
                || kind == Index.Kind.SPATIAL) {
            // CHECK constrains values only; an exclusion constraint, or MySQL's FULLTEXT and SPATIAL indexes, cannot
            // back a foreign key
            return null;
        }
        if (kind != Index.Kind.PRIMARY_KEY && kind != Index.Kind.UNIQUE) {
            throw unreadable("unexpected constraint kind " + kind);
        }
        return new KeySpec(
                constraintName(index.getName(), segment),
                plainColumns(index.getColumns(), kind == Index.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE"),
                kind == Index.Kind.PRIMARY_KEY,
                text.position(tokens.get(segment[0])),
                deferrable(segment));
    }

    /** {@code DEFERRABLE} among the constraint's attributes ({@code NOT DEFERRABLE} is the default). */
    private boolean deferrable(int[] segment) {
        int depth = tokens.get(segment[0]).depth();
        for (int i = segment[0]; i < segment[1]; i++) {
            Token token = tokens.get(i);
            if (token.depth() == depth
                    && token.isWord("DEFERRABLE")
                    && (i == segment[0] || !tokens.get(i - 1).isWord("NOT"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name of {@code CONSTRAINT name ...} from the tokens: JSqlParser drops it for {@code ADD
     * CONSTRAINT n UNIQUE (...)}, so the text is the authority and the AST name only a cross-check.
     */
    Identifier constraintName(String astName, int[] segment) {
        Identifier fromText = null;
        if (tokens.get(segment[0]).isWord("CONSTRAINT")) {
            if (segment[0] + 1 >= segment[1]) {
                throw unreadable("CONSTRAINT without a name");
            }
            fromText = nameToken(segment[0] + 1);
        }
        if (astName != null && fromText == null && mysqlIndexName(astName, segment)) {
            // MySQL's UNIQUE KEY name (columns): the index's name, written after KEY or INDEX
            return identifier(astName);
        }
        if (astName != null && !identifier(astName).equals(fromText)) {
            throw unreadable("constraint name differs between text and AST");
        }
        return fromText;
    }

    /** Whether {@code UNIQUE KEY|INDEX name} or {@code ADD UNIQUE name} names the index {@code astName}. */
    private boolean mysqlIndexName(String astName, int[] segment) {
        Identifier name = identifier(astName);
        for (int i = segment[0]; i + 1 < segment[1]; i++) {
            Token token = tokens.get(i);
            if ((token.isWord("KEY") || token.isWord("INDEX") || token.isWord("UNIQUE"))
                    && tokens.get(i + 1).isName()
                    && tokens.get(i + 1).identifier().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static String action(ReferentialAction action) {
        if (action == null || action.getAction() == null) {
            return null;
        }
        // JSqlParser's constants are the action's words joined by '_' (SET_NULL, NO_ACTION)
        String text = action.getAction().name().replace('_', ' ');
        if (!DdlWords.REFERENTIAL_ACTIONS.contains(text)) {
            throw unreadable("unknown referential action " + action.getAction());
        }
        return text;
    }

    /**
     * The type as written in the text: the tokens from {@code from} whose text, without spaces, spells
     * JSqlParser's rendering of the type (which adds a space before {@code (}). Falls back to that
     * rendering without the added spaces.
     */
    String typeText(ColDataType type, int from, int to) {
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

    static String squash(String s) {
        return Blanks.remove(s).toLowerCase(Locale.ROOT);
    }

    static String defaultText(ColumnDefinition column, List<String> specs) {
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

    static boolean containsWords(List<String> specs, String... words) {
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

    static List<Identifier> plainColumns(List<Index.ColumnParams> columns, String clause) {
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
     * Every {@code REFERENCES} in the clause must have become a foreign key: JSqlParser must not have
     * dropped one silently.
     */
    void requireReferencesCount(int[] segment, int foreignKeys) {
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
}
