package dev.refguard.parse.tokens;

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
import dev.refguard.parse.SchemaChange.CreateIndex;
import dev.refguard.parse.SchemaChange.CreateTable;
import dev.refguard.parse.SchemaChange.DropColumn;
import dev.refguard.parse.SchemaChange.DropConstraint;
import dev.refguard.parse.SchemaChange.Like;
import dev.refguard.parse.SchemaChange.LikeOption;
import dev.refguard.parse.SchemaChange.RenameColumn;
import dev.refguard.parse.SchemaChange.RenameConstraint;
import dev.refguard.parse.SchemaChange.RenameTable;
import dev.refguard.parse.SchemaChange.SetLogged;
import dev.refguard.parse.SchemaChange.SetSchema;
import dev.refguard.parse.SchemaChange.TableForm;
import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.tokens.FallbackCursor.FallbackSyntaxException;
import dev.refguard.split.DdlWords;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code CREATE TABLE} and {@code ALTER TABLE} from tokens, following PostgreSQL's grammar
 * (gram.y: CreateStmt, columnDef, ColConstraintElem, TableConstraint, AlterTableStmt). What the model
 * does not need is skipped; a form that is not understood fails the read rather than guessing.
 */
final class FallbackTableReader {
    /** Words that end a DEFAULT expression: DEFAULT takes a b_expr, which cannot contain these. */
    private static final Set<String> DEFAULT_END_WORDS = Set.of(
            "CONSTRAINT",
            "NOT",
            "NULL",
            "PRIMARY",
            "UNIQUE",
            "DEFAULT",
            "REFERENCES",
            "CHECK",
            "GENERATED",
            "COLLATE",
            "DEFERRABLE",
            "INITIALLY",
            "ENFORCED");

    /** Words that end a column's type: the start of a column constraint or option. */
    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Stream.concat(
                    DEFAULT_END_WORDS.stream(), Stream.of("COMPRESSION", "STORAGE"))
            .collect(Collectors.toUnmodifiableSet());

    private FallbackTableReader() {}

    /** A column definition: the column and the constraints declared inline on it. */
    private record ColumnDefinition(ColumnSpec column, List<ForeignKeySpec> foreignKeys, List<KeySpec> keys) {}

    /** A table constraint: a key, a foreign key, or neither (CHECK, EXCLUDE, NOT NULL). */
    private record TableConstraint(KeySpec key, Identifier usingIndex, ForeignKeySpec foreignKey) {}

    /** The elements between a CREATE TABLE's parentheses. */
    private static final class TableElements {
        final List<ColumnSpec> columns = new ArrayList<>();
        final List<KeySpec> keys = new ArrayList<>();
        final List<ForeignKeySpec> foreignKeys = new ArrayList<>();
        final List<Like> likes = new ArrayList<>();
        final List<InlineIndex> indexes = new ArrayList<>();
    }

    /** MySQL's {@code KEY|INDEX [name] (columns)} among a table's elements: a plain index made with the table. */
    private record InlineIndex(Identifier name, List<Identifier> columns, SourcePosition position) {}

    /**
     * {@code CREATE ... TABLE} with the cursor just past {@code TABLE}, in each of its forms (gram.y:
     * CreateStmt, CreateAsStmt): its own element list with {@code LIKE} elements and {@code INHERITS},
     * {@code PARTITION OF parent}, {@code OF type}, {@code AS query} and {@code AS EXECUTE plan}; the form
     * goes to the replay as the statement's {@link TableForm} (docs/replay.md, "Tables from every statement
     * that makes one"), followed by the indexes MySQL's {@code KEY|INDEX} elements make with it. The table is placed
     * where its name stands, as JSqlParser places it, so a finding on it does not move with the reader that read it.
     *
     * @param temporary {@code TEMP} or {@code TEMPORARY} came before {@code TABLE}
     * @param unlogged {@code UNLOGGED} came before {@code TABLE}
     */
    static List<SchemaChange> createTable(FallbackCursor c, boolean temporary, boolean unlogged) {
        List<InlineIndex> indexes = new ArrayList<>();
        CreateTable table = createTable(c, temporary, unlogged, indexes);
        List<SchemaChange> changes = new ArrayList<>();
        changes.add(table);
        for (InlineIndex index : indexes) {
            changes.add(new CreateIndex(index.name(), table.table(), index.columns(), false, index.position()));
        }
        return changes;
    }

    /** The table of {@link #createTable(FallbackCursor, boolean, boolean)}; its indexes to {@code indexes}. */
    private static CreateTable createTable(
            FallbackCursor c, boolean temporary, boolean unlogged, List<InlineIndex> indexes) {
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        SourcePosition at = namePosition(c);
        QualifiedName table = c.qualifiedName();
        if (c.acceptWord("PARTITION")) {
            // a partition takes its columns, primary key and unique constraints from the parent; its own list
            // only gives columns options and adds constraints
            c.expectWord("OF");
            QualifiedName parent = c.qualifiedName();
            TableElements elements = c.peekSymbol("(") ? elements(c.parenthesised(), false) : new TableElements();
            indexes.addAll(elements.indexes);
            boolean partitioned = partitionBy(c);
            TableForm form = new TableForm(temporary, List.of(), parent, List.of(), false, partitioned, null, unlogged);
            return new CreateTable(table, ifNotExists, List.of(), elements.keys, elements.foreignKeys, true, at, form);
        }
        if (c.acceptWord("OF")) {
            // a typed table: the columns come from a composite type the model does not track; its own list
            // gives them options and keys
            QualifiedName type = c.qualifiedName();
            TableElements elements = c.peekSymbol("(") ? elements(c.parenthesised(), false) : new TableElements();
            if (!elements.likes.isEmpty()) {
                throw new FallbackSyntaxException("LIKE in a typed table");
            }
            indexes.addAll(elements.indexes);
            boolean partitioned = partitionBy(c);
            TableForm form = new TableForm(temporary, List.of(), null, List.of(), false, partitioned, type, unlogged);
            return new CreateTable(table, ifNotExists, List.of(), elements.keys, elements.foreignKeys, false, at, form);
        }
        TableForm asQuery = new TableForm(temporary, List.of(), null, List.of(), true, false, null, unlogged);
        if (!c.peekSymbol("(")) {
            // CREATE TABLE t [WITH (...)] AS query | EXECUTE plan
            if (c.seek(t -> t.isWord("AS") || t.isWord("EXECUTE"))) {
                c.skipRest();
                return new CreateTable(table, ifNotExists, List.of(), List.of(), List.of(), false, at, asQuery);
            }
            throw new FallbackSyntaxException("expected ( after the table name");
        }
        List<FallbackCursor> items = c.parenthesised();
        FallbackCursor ahead = c.rest();
        if (ahead.seek(t -> t.isWord("AS") || t.isWord("EXECUTE") || t.isWord("INHERITS"))
                && !ahead.peekWord("INHERITS")) {
            // CREATE TABLE t (a, b) AS query: the list names columns whose types come from the query
            c.skipRest();
            return new CreateTable(table, ifNotExists, List.of(), List.of(), List.of(), false, at, asQuery);
        }
        TableElements elements = elements(items, true);
        indexes.addAll(elements.indexes);
        List<QualifiedName> inherits = new ArrayList<>();
        if (c.acceptWord("INHERITS")) {
            for (FallbackCursor item : c.parenthesised()) {
                inherits.add(item.qualifiedName());
                item.expectEnd();
            }
        }
        boolean partitioned = partitionBy(c);
        TableForm form = new TableForm(temporary, elements.likes, null, inherits, false, partitioned, null, unlogged);
        return new CreateTable(
                table, ifNotExists, elements.columns, elements.keys, elements.foreignKeys, true, at, form);
    }

    /**
     * Where the table's name at the cursor stands: its first token ({@code public} of {@code public.orders}), the
     * token JSqlParser's readings place a table at (CreateTableMapper, AlterTableMapper).
     */
    private static SourcePosition namePosition(FallbackCursor c) {
        SqlToken first = c.peek();
        if (first == null) {
            throw new FallbackSyntaxException("expected a table name");
        }
        return first.position();
    }

    /** Whether {@code PARTITION BY} follows (the rest of the statement is skipped). */
    private static boolean partitionBy(FallbackCursor c) {
        boolean partitioned = c.seek(t -> t.isWord("PARTITION")) && c.peekWord(1, "BY");
        c.skipRest();
        return partitioned;
    }

    /**
     * {@code [WITH ...] SELECT ... INTO [TEMP | TEMPORARY | UNLOGGED] [TABLE] name ...} with the cursor at
     * the start: a table made from the query, placed where its name stands as every table made is; {@code null} when
     * the statement is no {@code SELECT} or has no {@code INTO} at the top level.
     */
    static CreateTable selectInto(FallbackCursor c) {
        boolean verb = c.seek(t -> t.type() == SqlToken.Type.WORD && DdlWords.MAIN_VERBS.contains(upper(t)));
        if (!verb || !c.peekWord("SELECT") || !c.seek(t -> t.isWord("INTO"))) {
            return null;
        }
        c.next();
        DdlWords.Persistence persistence = DdlWords.persistence(c.words(), 0);
        c.skip(persistence.length());
        boolean temporary = persistence.temporary();
        boolean unlogged = persistence.unlogged();
        c.acceptWord("TABLE");
        SourcePosition at = namePosition(c);
        QualifiedName table = c.qualifiedName();
        c.skipRest();
        TableForm form = new TableForm(temporary, List.of(), null, List.of(), true, false, null, unlogged);
        return new CreateTable(table, false, List.of(), List.of(), List.of(), false, at, form);
    }

    private static TableElements elements(List<FallbackCursor> items, boolean typeRequired) {
        TableElements elements = new TableElements();
        for (FallbackCursor item : items) {
            if (startsTableConstraint(item)) {
                TableConstraint constraint = tableConstraint(item, false);
                if (constraint.key() != null) {
                    elements.keys.add(constraint.key());
                }
                if (constraint.foreignKey() != null) {
                    elements.foreignKeys.add(constraint.foreignKey());
                }
            } else if (item.peekWord("LIKE")) {
                elements.likes.add(like(item));
            } else if (startsMysqlIndex(item)) {
                SourcePosition position = item.next().position();
                Identifier name = item.peekSymbol("(") ? null : item.identifier();
                List<Identifier> columns = columnList(item);
                item.expectEnd();
                elements.indexes.add(new InlineIndex(name, columns, position));
            } else {
                ColumnDefinition definition = columnDefinition(item, typeRequired);
                elements.columns.add(definition.column());
                elements.keys.addAll(definition.keys());
                elements.foreignKeys.addAll(definition.foreignKeys());
            }
        }
        return elements;
    }

    /**
     * Whether a table element is MySQL's {@code KEY|INDEX [name] (col, ...)} (a MySQL or MariaDB file in PostgreSQL's
     * lexical form). A PostgreSQL column named {@code key} or {@code index} has a type instead, whose modifiers are
     * constants ({@code varchar(20)}), never a list of plain names.
     */
    private static boolean startsMysqlIndex(FallbackCursor item) {
        if (!item.peekWord("KEY") && !item.peekWord("INDEX")) {
            return false;
        }
        FallbackCursor ahead = item.rest();
        ahead.next();
        if (!ahead.peekSymbol("(")) {
            SqlToken name = ahead.next();
            if (name == null || !name.isName() || !ahead.peekSymbol("(")) {
                return false;
            }
        }
        List<FallbackCursor> columns = ahead.parenthesised();
        return ahead.atEnd()
                && !columns.isEmpty()
                && columns.stream()
                        .allMatch(
                                column -> column.peek() != null && column.peek().isName() && column.peek(1) == null);
    }

    /** {@code LIKE source [{INCLUDING | EXCLUDING} {option | ALL}] ...}: later options override earlier ones. */
    private static Like like(FallbackCursor item) {
        SourcePosition position = item.expectWord("LIKE").position();
        QualifiedName source = item.qualifiedName();
        Set<LikeOption> including = EnumSet.noneOf(LikeOption.class);
        while (!item.atEnd()) {
            boolean include = item.expectOneOf("INCLUDING", "EXCLUDING").equals("INCLUDING");
            SqlToken option = item.next();
            Set<LikeOption> options;
            if (option.isWord("ALL")) {
                options = EnumSet.allOf(LikeOption.class);
            } else {
                options = EnumSet.of(likeOption(option));
            }
            if (include) {
                including.addAll(options);
            } else {
                including.removeAll(options);
            }
        }
        return new Like(source, including, position);
    }

    private static LikeOption likeOption(SqlToken option) {
        String name = upper(option);
        for (LikeOption known : LikeOption.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        throw new FallbackSyntaxException("unknown LIKE option " + option.text());
    }

    private static boolean startsTableConstraint(FallbackCursor c) {
        SqlToken first = c.peek();
        if (first == null) {
            return false;
        }
        if (first.isWord("CONSTRAINT")
                || first.isWord("PRIMARY")
                || first.isWord("UNIQUE")
                || first.isWord("FOREIGN")
                || first.isWord("CHECK")) {
            return true;
        }
        // EXCLUDE is not reserved, so a column may be named exclude; the constraint goes on with USING or (
        SqlToken second = c.peek(1);
        if (first.isWord("EXCLUDE")) {
            return second != null && (second.isWord("USING") || second.is("("));
        }
        // PostgreSQL 18: a table-level NOT NULL col constraint
        return first.isWord("NOT") && second != null && second.isWord("NULL");
    }

    /**
     * {@code name type [constraint ...]}: the whole range must be read.
     *
     * @param typeRequired {@code false} in {@code PARTITION OF}, where columns carry options only
     */
    private static ColumnDefinition columnDefinition(FallbackCursor c, boolean typeRequired) {
        SqlToken nameToken = c.peek();
        Identifier name = c.identifier();
        String type;
        if (c.acceptWords("WITH", "OPTIONS")) {
            type = "";
        } else {
            // the type's first word is never a constraint word (a type may be named storage)
            type = c.textUntil(FallbackTableReader::isColumnConstraintWord, typeRequired ? 1 : 0);
        }
        if (typeRequired && type.isEmpty()) {
            throw new FallbackSyntaxException("column without a type");
        }
        boolean primaryKey = false;
        boolean unique = false;
        String defaultExpression = null;
        List<ForeignKeySpec> foreignKeys = new ArrayList<>();
        List<KeySpec> keys = new ArrayList<>();
        while (!c.atEnd()) {
            SqlToken start = c.peek();
            Identifier constraintName = null;
            if (c.acceptWord("CONSTRAINT")) {
                constraintName = c.identifier();
            }
            SqlToken keyword = c.next();
            if (keyword.isWord("NOT")) {
                c.expectOneOf("NULL", "DEFERRABLE", "ENFORCED");
                noInherit(c);
            } else if (keyword.isWord("NULL")) {
                // nullable: nothing to record
            } else if (keyword.isWord("PRIMARY")) {
                c.expectWord("KEY");
                indexParameters(c);
                primaryKey = true;
                keys.add(new KeySpec(constraintName, List.of(name), true, start.position()));
            } else if (keyword.isWord("UNIQUE")) {
                nullsDistinct(c);
                indexParameters(c);
                unique = true;
                keys.add(new KeySpec(constraintName, List.of(name), false, start.position()));
            } else if (keyword.isWord("DEFAULT")) {
                defaultExpression = c.textUntil(t -> isDefaultEnd(t), 1);
            } else if (keyword.isWord("CHECK")) {
                c.skipGroup();
                noInherit(c);
            } else if (keyword.isWord("REFERENCES")) {
                foreignKeys.add(references(c, constraintName, List.of(name), keyword.position(), true));
            } else if (keyword.isWord("GENERATED")) {
                generated(c);
            } else if (keyword.isWord("COLLATE")) {
                c.qualifiedName();
            } else if (keyword.isWord("DEFERRABLE") || keyword.isWord("ENFORCED")) {
                // constraint timing: nothing to record
            } else if (keyword.isWord("INITIALLY")) {
                c.expectOneOf("DEFERRED", "IMMEDIATE");
            } else if (keyword.isWord("COMPRESSION") || keyword.isWord("STORAGE")) {
                c.next();
            } else {
                throw new FallbackSyntaxException("unexpected '" + keyword.text() + "' in column " + name);
            }
        }
        ColumnSpec column = new ColumnSpec(name, type, primaryKey, unique, defaultExpression, nameToken.position());
        return new ColumnDefinition(column, foreignKeys, keys);
    }

    private static boolean isColumnConstraintWord(SqlToken token) {
        return token.type() == SqlToken.Type.WORD && COLUMN_CONSTRAINT_WORDS.contains(upper(token));
    }

    private static boolean isDefaultEnd(SqlToken token) {
        return token.type() == SqlToken.Type.WORD && DEFAULT_END_WORDS.contains(upper(token));
    }

    private static String upper(SqlToken token) {
        return token.text().toUpperCase(Locale.ROOT);
    }

    /** {@code GENERATED {ALWAYS | BY DEFAULT} AS {IDENTITY [(options)] | (expr) [STORED | VIRTUAL]}}. */
    private static void generated(FallbackCursor c) {
        if (!c.acceptWord("ALWAYS")) {
            c.expectWord("BY");
            c.expectWord("DEFAULT");
        }
        c.expectWord("AS");
        if (c.acceptWord("IDENTITY")) {
            if (c.peekSymbol("(")) {
                c.skipGroup();
            }
        } else {
            c.skipGroup();
            if (!c.acceptWord("STORED")) {
                c.acceptWord("VIRTUAL");
            }
        }
    }

    private static void noInherit(FallbackCursor c) {
        c.acceptWords("NO", "INHERIT");
    }

    private static void nullsDistinct(FallbackCursor c) {
        if (!c.acceptWords("NULLS", "DISTINCT")) {
            c.acceptWords("NULLS", "NOT", "DISTINCT");
        }
    }

    /** {@code [INCLUDE (cols)] [WITH (params)] [USING INDEX TABLESPACE name]} after a key. */
    private static void indexParameters(FallbackCursor c) {
        if (c.acceptWord("INCLUDE")) {
            c.skipGroup();
        }
        if (c.acceptWord("WITH")) {
            c.skipGroup();
        }
        if (c.acceptWords("USING", "INDEX", "TABLESPACE")) {
            c.identifier();
        }
    }

    /**
     * {@code [CONSTRAINT name] PRIMARY KEY | UNIQUE | FOREIGN KEY | CHECK | EXCLUDE | NOT NULL ...}: the
     * whole range must be read.
     *
     * @param alter whether it is an ALTER TABLE ADD, where {@code USING INDEX} and {@code NOT VALID} may
     *     appear
     */
    private static TableConstraint tableConstraint(FallbackCursor c, boolean alter) {
        SqlToken start = c.peek();
        Identifier name = null;
        if (c.acceptWord("CONSTRAINT")) {
            name = c.identifier();
        }
        SqlToken keyword = c.next();
        KeySpec key = null;
        Identifier usingIndex = null;
        ForeignKeySpec foreignKey = null;
        if (keyword.isWord("PRIMARY") || keyword.isWord("UNIQUE")) {
            boolean primary = keyword.isWord("PRIMARY");
            if (primary) {
                c.expectWord("KEY");
            } else {
                nullsDistinct(c);
            }
            if (alter && c.acceptWords("USING", "INDEX")) {
                usingIndex = c.identifier();
                key = new KeySpec(name, List.of(), primary, start.position());
            } else {
                key = new KeySpec(name, columnList(c), primary, start.position());
                indexParameters(c);
            }
        } else if (keyword.isWord("FOREIGN")) {
            c.expectWord("KEY");
            List<Identifier> columns = columnList(c);
            c.expectWord("REFERENCES");
            foreignKey = references(c, name, columns, start.position(), false);
        } else if (keyword.isWord("CHECK")) {
            c.skipGroup();
            noInherit(c);
        } else if (keyword.isWord("EXCLUDE")) {
            // an exclusion constraint cannot be the target of a foreign key
            c.skipRest();
        } else if (keyword.isWord("NOT")) {
            c.expectWord("NULL");
            c.identifier();
            noInherit(c);
        } else {
            throw new FallbackSyntaxException("unexpected '" + keyword.text() + "' in a table constraint");
        }
        if (constraintAttributes(c) && key != null) {
            key = new KeySpec(key.constraintName(), key.columns(), key.primary(), key.position(), true);
        }
        c.expectEnd();
        return new TableConstraint(key, usingIndex, foreignKey);
    }

    /**
     * {@code [NOT] DEFERRABLE}, {@code INITIALLY ...}, {@code [NOT] ENFORCED}, {@code NOT VALID}, {@code NO INHERIT};
     * whether {@code DEFERRABLE} was among them.
     */
    private static boolean constraintAttributes(FallbackCursor c) {
        boolean deferrable = false;
        while (!c.atEnd()) {
            if (c.acceptWord("DEFERRABLE")) {
                deferrable = true;
                continue;
            }
            if (c.acceptWords("NOT", "DEFERRABLE")
                    || c.acceptWord("ENFORCED")
                    || c.acceptWords("NOT", "ENFORCED")
                    || c.acceptWords("NOT", "VALID")
                    || c.acceptWords("NO", "INHERIT")) {
                continue;
            }
            if (c.acceptWord("INITIALLY")) {
                c.expectOneOf("DEFERRED", "IMMEDIATE");
                continue;
            }
            return deferrable;
        }
        return deferrable;
    }

    /**
     * A parenthesised column list. PostgreSQL 18's temporal keys are accepted: {@code PERIOD col} in a
     * foreign key and {@code col WITHOUT OVERLAPS} in a key name the column itself.
     */
    private static List<Identifier> columnList(FallbackCursor c) {
        List<FallbackCursor> items = c.parenthesised();
        if (items.isEmpty()) {
            throw new FallbackSyntaxException("empty column list");
        }
        List<Identifier> columns = new ArrayList<>();
        for (FallbackCursor item : items) {
            if (item.peekWord("PERIOD") && item.peek(1) != null) {
                item.next();
            }
            columns.add(item.identifier());
            item.acceptWords("WITHOUT", "OVERLAPS");
            item.expectEnd();
        }
        return columns;
    }

    /**
     * {@code REFERENCES target [(cols)] [MATCH ...] [ON DELETE action] [ON UPDATE action]}, with the
     * cursor just past {@code REFERENCES}.
     */
    private static ForeignKeySpec references(
            FallbackCursor c, Identifier name, List<Identifier> columns, SourcePosition position, boolean inline) {
        SqlToken targetToken = c.peek();
        QualifiedName target = c.qualifiedName();
        List<Identifier> targetColumns = c.peekSymbol("(") ? columnList(c) : List.of();
        String onDelete = null;
        String onUpdate = null;
        while (true) {
            if (c.acceptWord("MATCH")) {
                c.expectOneOf("FULL", "PARTIAL", "SIMPLE");
            } else if (c.acceptWords("ON", "DELETE")) {
                onDelete = referentialAction(c);
            } else if (c.acceptWords("ON", "UPDATE")) {
                onUpdate = referentialAction(c);
            } else {
                break;
            }
        }
        return new ForeignKeySpec(
                name, columns, target, targetColumns, onDelete, onUpdate, position, targetToken.position(), inline);
    }

    /** A referential action; PostgreSQL 15 allows a column list after SET NULL / SET DEFAULT. */
    private static String referentialAction(FallbackCursor c) {
        String action = DdlWords.referentialAction(c.words(), 0);
        if (action == null) {
            throw new FallbackSyntaxException("unknown referential action");
        }
        c.skip(action.split(" ").length);
        if (action.startsWith("SET ") && c.peekSymbol("(")) {
            columnList(c);
        }
        return action;
    }

    /**
     * {@code ALTER TABLE} with the cursor just past {@code TABLE}, placed where the table's name stands, as
     * JSqlParser places it. Returns nothing when every action is one the model does not need.
     */
    static List<SchemaChange> alterTable(FallbackCursor c) {
        if (c.peekWords("ALL", "IN", "TABLESPACE")) {
            // moves every table of a tablespace: storage only
            return List.of();
        }
        AlterTarget target = alterTarget(c);
        if (c.atEnd()) {
            throw new FallbackSyntaxException("ALTER TABLE without an action");
        }
        List<AlterAction> actions = new ArrayList<>();
        for (FallbackCursor item : c.commaSeparatedRest()) {
            AlterAction action = alterAction(item);
            if (action != null) {
                actions.add(action);
            }
        }
        // kept without actions too: PostgreSQL still looks the table up, and fails when it is missing (without IF
        // EXISTS), whatever the actions are
        return List.of(new AlterTable(target.table(), target.ifExists(), actions, target.at()));
    }

    /** The table an {@code ALTER TABLE} names, and where its name stands. */
    record AlterTarget(QualifiedName table, boolean ifExists, SourcePosition at) {}

    /**
     * {@code [IF EXISTS] [ONLY] name [*]} with the cursor just past {@code TABLE}; the cursor is left at the first
     * action.
     */
    static AlterTarget alterTarget(FallbackCursor c) {
        boolean ifExists = false;
        // PostgreSQL writes IF EXISTS before ONLY; accept either order
        for (int i = 0; i < 2; i++) {
            ifExists |= c.acceptWords("IF", "EXISTS");
            c.acceptWord("ONLY");
        }
        SourcePosition at = namePosition(c);
        QualifiedName table = c.qualifiedName();
        c.acceptSymbol("*");
        return new AlterTarget(table, ifExists, at);
    }

    /**
     * Whether the action at the cursor changes nothing modelled, told from its first words as {@link #alterAction}
     * tells it ({@link DdlWords#harmlessAlterAction}, or an {@code ALTER COLUMN} one); the cursor moves.
     */
    static boolean startsHarmless(FallbackCursor c) {
        if (DdlWords.harmlessAlterAction(c.words(), 0)) {
            return true;
        }
        if (!c.acceptWord("ALTER")) {
            return false;
        }
        c.acceptWord("COLUMN");
        c.identifier();
        return DdlWords.harmlessColumnAction(c.words(), 0);
    }

    /** One ALTER TABLE action, or {@code null} for one that changes nothing modelled. */
    private static AlterAction alterAction(FallbackCursor c) {
        SqlToken first = c.peek();
        if (first == null) {
            throw new FallbackSyntaxException("empty ALTER TABLE action");
        }
        SourcePosition at = first.position();
        if (DdlWords.harmlessAlterAction(c.words(), 0)) {
            return null;
        }
        if (c.acceptWord("ADD")) {
            if (!c.acceptWord("COLUMN") && startsTableConstraint(c)) {
                TableConstraint constraint = tableConstraint(c, true);
                if (constraint.foreignKey() != null) {
                    return new AddForeignKey(constraint.foreignKey(), at);
                }
                if (constraint.key() != null) {
                    return new AddKey(constraint.key(), constraint.usingIndex(), at);
                }
                return null;
            }
            boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
            ColumnDefinition definition = columnDefinition(c, true);
            ForeignKeySpec foreignKey = definition.foreignKeys().isEmpty()
                    ? null
                    : definition.foreignKeys().get(0);
            return new AddColumn(definition.column(), ifNotExists, foreignKey, at);
        }
        if (c.acceptWord("DROP")) {
            if (c.acceptWords("FOREIGN", "KEY")) {
                // MySQL's ALTER TABLE t DROP FOREIGN KEY name: the constraint goes, its index stays
                Identifier name = c.identifier();
                c.expectEnd();
                return new DropConstraint(name, false, at);
            }
            if (c.acceptWord("CONSTRAINT")) {
                boolean ifExists = c.acceptWords("IF", "EXISTS");
                Identifier name = c.identifier();
                c.acceptDropBehaviour();
                c.expectEnd();
                return new DropConstraint(name, ifExists, at);
            }
            c.acceptWord("COLUMN");
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            Identifier column = c.identifier();
            boolean cascade = c.acceptDropBehaviour();
            c.expectEnd();
            return new DropColumn(column, ifExists, cascade, at);
        }
        if (c.acceptWord("RENAME")) {
            AlterAction action;
            if (c.acceptWord("TO")) {
                action = new RenameTable(c.identifier(), at);
            } else if (c.acceptWord("CONSTRAINT")) {
                Identifier from = c.identifier();
                c.expectWord("TO");
                action = new RenameConstraint(from, c.identifier(), at);
            } else {
                c.acceptWord("COLUMN");
                Identifier from = c.identifier();
                c.expectWord("TO");
                action = new RenameColumn(from, c.identifier(), at);
            }
            c.expectEnd();
            return action;
        }
        if (c.acceptWord("SET")) {
            if (c.acceptWord("SCHEMA")) {
                Identifier schema = c.identifier();
                c.expectEnd();
                return new SetSchema(schema, at);
            }
            SqlToken next = c.peek();
            if (next != null && (next.isWord("LOGGED") || next.isWord("UNLOGGED"))) {
                c.next();
                c.expectEnd();
                return new SetLogged(next.isWord("LOGGED"), at);
            }
            throw new FallbackSyntaxException("unknown ALTER TABLE SET action");
        }
        if (c.acceptWord("ALTER")) {
            return alterColumn(c, at);
        }
        throw new FallbackSyntaxException("unknown ALTER TABLE action '" + first.text() + "'");
    }

    /** {@code ALTER [COLUMN] col ...} with the cursor just past {@code ALTER}. */
    private static AlterAction alterColumn(FallbackCursor c, SourcePosition at) {
        c.acceptWord("COLUMN");
        Identifier column = c.identifier();
        if (c.acceptWords("SET", "DATA", "TYPE") || c.acceptWord("TYPE")) {
            String type = c.textUntil(t -> t.isWord("COLLATE") || t.isWord("USING"), 1);
            if (type.isEmpty()) {
                throw new FallbackSyntaxException("ALTER COLUMN TYPE without a type");
            }
            c.skipRest();
            return new AlterColumnType(column, type, at);
        }
        if (c.acceptWords("SET", "DEFAULT")) {
            String expression = c.textUntil(t -> false, 1);
            if (expression.isEmpty()) {
                throw new FallbackSyntaxException("SET DEFAULT without an expression");
            }
            return new AlterColumnDefault(column, expression, at);
        }
        if (c.acceptWords("DROP", "DEFAULT")) {
            // no default any more: the same as a column declared without one
            c.expectEnd();
            return new AlterColumnDefault(column, null, at);
        }
        if (DdlWords.harmlessColumnAction(c.words(), 0)) {
            return null;
        }
        throw new FallbackSyntaxException("unknown ALTER COLUMN action");
    }
}
