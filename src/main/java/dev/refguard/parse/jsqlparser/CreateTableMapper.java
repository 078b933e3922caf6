package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.LikeClause;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.TableElement;

/** Maps JSqlParser's {@code CREATE TABLE} onto a {@link SchemaChange.CreateTable}. */
final class CreateTableMapper extends TableElementMapper {
    CreateTableMapper(StatementText text) {
        super(text);
    }

    /**
     * The table, then an index for each of MySQL's inline {@code KEY}/{@code INDEX} elements (InnoDB lets a foreign
     * key use a non-unique index; MariaDB lets one reference it).
     */
    List<SchemaChange> createTableAndIndexes(CreateTable ct) {
        List<SchemaChange> out = new ArrayList<>();
        out.add(createTable(ct));
        out.addAll(inlineIndexes);
        return out;
    }

    private final List<SchemaChange> inlineIndexes = new ArrayList<>();

    SchemaChange createTable(CreateTable ct) {
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
            } else if (element instanceof Index index && index.getKind() == Index.Kind.INDEX) {
                // MySQL's KEY name (columns) / INDEX (columns): a plain index made with the table
                inlineIndexes.add(new SchemaChange.CreateIndex(
                        index.getName() == null ? null : identifier(index.getName()),
                        table,
                        plainColumns(index.getColumns(), "INDEX"),
                        false,
                        text.position(tokens.get(segment[0]))));
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
}
