package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SourcePosition;
import dev.refguard.split.DdlWords;
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
        int tableKeyword = indexOfWordAtDepth0("TABLE", 0, tokens.size());
        if (tableKeyword < 0) {
            throw unreadable("no TABLE keyword in CREATE TABLE");
        }
        int i = tableKeyword + 1;
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

        if (ct.getSelect() != null
                || ct.getOfType() != null
                || ct.getPartitionOf() != null
                || ct.getLikeTable() != null
                || indexOfWordAtDepth0("INHERITS", i, tokens.size()) >= 0
                || indexOfWordAtDepth0("AS", i, tokens.size()) >= 0) {
            // the forms that take columns and keys from elsewhere are the token reader's: it gives the replay
            // their TableForm, with the LIKE options JSqlParser does not keep (docs/replay.md, "Tables from every
            // statement that makes one")
            throw unreadable("CREATE TABLE ... AS, OF, PARTITION OF, INHERITS and LIKE are read by the token reader");
        }
        DdlWords.Persistence persistence = DdlWords.tableModifiers(words(1, tokens.size()), 0);
        if (persistence == null || 1 + persistence.length() != tableKeyword) {
            throw unreadable("words between CREATE and TABLE that are no table modifiers");
        }
        boolean temporary = persistence.temporary();
        boolean unlogged = persistence.unlogged();

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
            } else if (element instanceof LikeClause) {
                throw unreadable("LIKE is read by the token reader");
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

        // PARTITION OF went to the token reader: a PARTITION after the elements is PARTITION BY
        boolean partitioned = indexOfWordAtDepth0("PARTITION", afterElements, tokens.size()) >= 0;
        SchemaChange.TableForm form = temporary || unlogged || partitioned
                ? new SchemaChange.TableForm(temporary, List.of(), null, List.of(), false, partitioned, null, unlogged)
                : SchemaChange.TableForm.PLAIN;
        return new SchemaChange.CreateTable(table, ifNotExists, columns, keys, foreignKeys, true, position, form);
    }
}
