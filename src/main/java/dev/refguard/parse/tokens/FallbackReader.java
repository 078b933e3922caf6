package dev.refguard.parse.tokens;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SchemaChange.CreateFunction;
import dev.refguard.parse.SchemaChange.CreateIndex;
import dev.refguard.parse.SchemaChange.CreateRelation;
import dev.refguard.parse.SchemaChange.CreateSchema;
import dev.refguard.parse.SchemaChange.CreateTrigger;
import dev.refguard.parse.SchemaChange.DeleteAll;
import dev.refguard.parse.SchemaChange.DropIndex;
import dev.refguard.parse.SchemaChange.DropSchema;
import dev.refguard.parse.SchemaChange.DropTable;
import dev.refguard.parse.SchemaChange.RelationKind;
import dev.refguard.parse.SchemaChange.SetSearchPath;
import dev.refguard.parse.SchemaChange.Transaction;
import dev.refguard.parse.SchemaChange.TransactionCommand;
import dev.refguard.parse.SchemaChange.Truncate;
import dev.refguard.parse.SourcePosition;
import dev.refguard.parse.tokens.FallbackCursor.FallbackSyntaxException;
import dev.refguard.split.DdlWords;
import dev.refguard.split.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Token-level reader of the DDL forms JSqlParser rejects, and of the statements it reads only
 * opaquely (functions, triggers, {@code SET search_path}).
 *
 * <p>It scans the statement with its own PostgreSQL tokenizer and recognises the statement forms the
 * schema model needs by their keywords: {@code CREATE TABLE} (including {@code INHERITS},
 * {@code PARTITION OF}, {@code AS}), {@code ALTER TABLE}, {@code CREATE INDEX}, {@code DROP TABLE},
 * {@code CREATE/DROP SCHEMA}, {@code TRUNCATE}, {@code DELETE}, {@code SET search_path} and
 * {@code set_config('search_path', ...)}, {@code CREATE TRIGGER}, {@code CREATE FUNCTION/PROCEDURE} and the
 * type definitions of {@link FallbackTypeReader}.
 * Names that are keywords to JSqlParser ({@code settings}, {@code sample}, ...) are plain names here,
 * as they are to PostgreSQL. A form it does not understand is reported as unreadable, never guessed.
 */
public final class FallbackReader {
    private FallbackReader() {}

    /**
     * The changes of {@code statement}, or empty when it cannot be read. A statement that is read and
     * changes nothing modelled gives an empty list. An exception is a bug in this reader, never a property
     * of the SQL.
     */
    public static Optional<List<SchemaChange>> read(SqlStatement statement) {
        if (statement == null || statement.text() == null) {
            return Optional.empty();
        }
        try {
            FallbackCursor c = cursor(statement);
            SourcePosition at = new SourcePosition(statement.line(), statement.column());
            return Optional.ofNullable(readStatement(c, at));
        } catch (FallbackSyntaxException e) {
            return Optional.empty(); // a form not read here
        }
    }

    /**
     * Whether {@code statement} is an {@code ALTER TABLE} whose first action changes nothing modelled
     * ({@link DdlWords#harmlessAlterAction}, or an {@code ALTER COLUMN} one): told from its first words, so the
     * caller reads the whole statement only when it may be a mere lookup of the table.
     */
    public static boolean startsWithHarmlessAction(SqlStatement statement) {
        if (statement == null || statement.text() == null) {
            return false;
        }
        try {
            FallbackCursor c = cursor(statement);
            if (!c.acceptWords("ALTER", "TABLE")) {
                return false;
            }
            FallbackTableReader.alterTarget(c);
            return FallbackTableReader.startsHarmless(c);
        } catch (FallbackSyntaxException e) {
            return false; // not an ALTER TABLE this reader reads
        }
    }

    /**
     * The tables a statement names, as far as tokens tell; for marking tables incomplete. Reads only
     * the leading keywords of {@code CREATE TABLE}, {@code ALTER TABLE}, {@code DROP TABLE},
     * {@code CREATE INDEX ... ON} and {@code TRUNCATE}; empty for anything else. An exception is a bug in
     * this reader.
     */
    public static List<QualifiedName> touchedTables(SqlStatement statement) {
        if (statement == null || statement.text() == null) {
            return List.of();
        }
        List<QualifiedName> tables = new ArrayList<>();
        try {
            FallbackCursor c = cursor(statement);
            if (c.acceptWord("CREATE")) {
                c.acceptWords("OR", "REPLACE");
                DdlWords.Persistence table = DdlWords.tableModifiers(c.words(), 0);
                if (table != null) {
                    c.skip(table.length() + 1);
                    c.acceptWords("IF", "NOT", "EXISTS");
                    tables.add(c.qualifiedName());
                } else if (c.acceptWord("UNIQUE") || c.peekWord("INDEX")) {
                    c.expectWord("INDEX");
                    if (c.seek(t -> t.isWord("ON")) && c.acceptWord("ON")) {
                        c.acceptWord("ONLY");
                        tables.add(c.qualifiedName());
                    }
                }
            } else if (c.acceptWords("ALTER", "TABLE")) {
                for (int i = 0; i < 2; i++) {
                    c.acceptWords("IF", "EXISTS");
                    c.acceptWord("ONLY");
                }
                tables.add(c.qualifiedName());
            } else if (c.acceptWords("DROP", "TABLE")) {
                c.acceptWords("IF", "EXISTS");
                tables.addAll(nameList(c, false));
            } else if (c.acceptWord("TRUNCATE")) {
                c.acceptWord("TABLE");
                tables.addAll(nameList(c, true));
            }
        } catch (FallbackSyntaxException e) {
            // the names read so far are still the statement's
        }
        return List.copyOf(tables);
    }

    /**
     * A cursor over the statement's text. The splitter leaves the terminating semicolon out; one left
     * in (a statement built by hand) is dropped too, with any whitespace around it.
     */
    private static FallbackCursor cursor(SqlStatement statement) {
        String text = statement.text();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ';' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        return FallbackCursor.over(text.substring(0, end), statement.line(), statement.column());
    }

    /** Dispatches on the leading keywords; {@code null} when the statement is not a form read here. */
    private static List<SchemaChange> readStatement(FallbackCursor c, SourcePosition at) {
        if (c.acceptWord("CREATE")) {
            boolean orReplace = c.acceptWords("OR", "REPLACE");
            DdlWords.Persistence table = orReplace ? null : DdlWords.tableModifiers(c.words(), 0);
            if (table != null) {
                c.skip(table.length() + 1);
                return FallbackTableReader.createTable(c, table.temporary(), table.unlogged());
            }
            if (!orReplace && c.peekWords("FOREIGN", "TABLE")) {
                // no table the model has (DdlWords.tableModifiers), as the classifier ignores it at the top level
                return List.of();
            }
            if (!orReplace && (c.peekWord("UNIQUE") || c.peekWord("INDEX"))) {
                return List.of(createIndex(c, at));
            }
            int persistence = DdlWords.persistence(c.words(), 0).length();
            if (c.peekWord(persistence, "VIEW")
                    || (c.peekWord(persistence, "MATERIALIZED") && c.peekWord(persistence + 1, "VIEW"))
                    || c.peekWord(persistence, "SEQUENCE")
                    || c.peekWord(persistence, "RECURSIVE")) {
                c.skip(persistence);
                return List.of(createRelation(c, at));
            }
            if (!orReplace && c.acceptWord("SCHEMA")) {
                return List.of(createSchema(c, at));
            }
            if (c.peekWord("TRIGGER") || c.peekWords("CONSTRAINT", "TRIGGER")) {
                return List.of(createTrigger(c, at));
            }
            if (c.acceptWord("FUNCTION") || c.acceptWord("PROCEDURE")) {
                return List.of(createFunction(c, at));
            }
            if (!orReplace && c.acceptWord("TYPE")) {
                return FallbackTypeReader.createType(c, at);
            }
            if (!orReplace && c.acceptWord("DOMAIN")) {
                return FallbackTypeReader.createDomain(c, at);
            }
            return null;
        }
        if (c.acceptWords("ALTER", "TYPE") || c.acceptWords("ALTER", "DOMAIN")) {
            return FallbackTypeReader.alterType(c, at);
        }
        if (c.acceptWords("DROP", "TYPE") || c.acceptWords("DROP", "DOMAIN")) {
            return FallbackTypeReader.dropType(c, at);
        }
        if (c.acceptWords("ALTER", "TABLE")) {
            return FallbackTableReader.alterTable(c);
        }
        if (c.acceptWords("DROP", "TABLE")) {
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            List<QualifiedName> tables = nameList(c, false);
            boolean cascade = c.acceptDropBehaviour();
            c.expectEnd();
            return List.of(new DropTable(tables, ifExists, cascade, at));
        }
        if (c.acceptWords("DROP", "INDEX")) {
            // DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]
            c.acceptWord("CONCURRENTLY");
            boolean ifExists = c.acceptWords("IF", "EXISTS");
            List<QualifiedName> indexes = nameList(c, false);
            boolean cascade = c.acceptDropBehaviour();
            c.expectEnd();
            return List.of(new DropIndex(indexes, ifExists, cascade, at));
        }
        if (c.acceptWords("DROP", "SCHEMA")) {
            c.acceptWords("IF", "EXISTS");
            List<Identifier> schemas = new ArrayList<>();
            do {
                schemas.add(c.identifier());
            } while (c.acceptSymbol(","));
            boolean cascade = c.acceptDropBehaviour();
            c.expectEnd();
            return List.of(new DropSchema(schemas, cascade, at));
        }
        if (c.acceptWord("TRUNCATE")) {
            c.acceptWord("TABLE");
            List<QualifiedName> tables = nameList(c, true);
            if (!c.acceptWords("RESTART", "IDENTITY")) {
                c.acceptWords("CONTINUE", "IDENTITY");
            }
            boolean cascade = c.acceptDropBehaviour();
            c.expectEnd();
            return List.of(new Truncate(tables, cascade, at));
        }
        if (c.peekWord("SELECT") || c.peekWord("WITH")) {
            SchemaChange.CreateTable into = FallbackTableReader.selectInto(c.rest());
            if (into != null) {
                return List.of(into);
            }
        }
        if (c.peekWord("DELETE") || c.peekWord("WITH")) {
            return delete(c, at);
        }
        if (c.acceptWord("SET")) {
            return set(c, at);
        }
        if (c.acceptWord("RESET")) {
            if (c.peekWord("search_path") || c.peekWord("ALL")) {
                c.next();
                c.expectEnd();
                return List.of(new SetSearchPath(defaultSearchPath(), at, false, true));
            }
            return List.of();
        }
        if (c.acceptWord("SELECT")) {
            return setConfig(c, at);
        }
        // null when the statement is no transaction command either
        return transaction(c, at);
    }

    /** {@code [ONLY] name [*] [, ...]}. */
    private static List<QualifiedName> nameList(FallbackCursor c, boolean only) {
        List<QualifiedName> names = new ArrayList<>();
        do {
            if (only) {
                c.acceptWord("ONLY");
            }
            names.add(c.qualifiedName());
            if (only) {
                c.acceptSymbol("*");
            }
        } while (c.acceptSymbol(","));
        return names;
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING m]
     * (elements) ...}. Expression elements leave the column list empty. A partial unique index
     * ({@code WHERE}) is reported as not unique, since PostgreSQL does not let a foreign key use it.
     */
    private static CreateIndex createIndex(FallbackCursor c, SourcePosition at) {
        boolean unique = c.acceptWord("UNIQUE");
        c.expectWord("INDEX");
        c.acceptWord("CONCURRENTLY");
        Identifier name = null;
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        if (ifNotExists || !c.peekWord("ON") || c.peekWord(1, "ON")) {
            name = c.qualifiedName().name();
        }
        c.expectWord("ON");
        c.acceptWord("ONLY");
        QualifiedName table = c.qualifiedName();
        c.acceptSymbol("*");
        if (c.acceptWord("USING")) {
            c.identifier();
        }
        List<Identifier> columns = new ArrayList<>();
        boolean expression = false;
        List<FallbackCursor> elements = c.parenthesised();
        if (elements.isEmpty()) {
            throw new FallbackSyntaxException("index without columns");
        }
        for (FallbackCursor element : elements) {
            SqlToken first = element.peek();
            SqlToken second = element.peek(1);
            if (first != null && first.isName() && (second == null || !(second.is("(") || second.is(".")))) {
                columns.add(first.identifier());
            } else if (first == null) {
                throw new FallbackSyntaxException("empty index element");
            } else {
                expression = true;
            }
        }
        boolean partial = c.seek(t -> t.isWord("WHERE"));
        c.skipRest();
        // the name is taken whatever the index is; only a unique index over plain columns, not partial, can be a
        // foreign key's target
        return new CreateIndex(
                name, table, expression ? List.of() : columns, unique, at, partial, expression, ifNotExists);
    }

    /**
     * {@code CREATE SCHEMA [IF NOT EXISTS] {name [AUTHORIZATION role] | AUTHORIZATION role} [element ...]}. The
     * elements ({@code CREATE TABLE}, {@code CREATE VIEW}, {@code CREATE INDEX}, {@code CREATE SEQUENCE},
     * {@code CREATE TRIGGER}, {@code GRANT}) are read as statements of their own and put in the order
     * PostgreSQL 15 runs them (parse_utilcmd.c, transformCreateSchemaStmt): sequences, tables, views, indexes,
     * triggers; an element that cannot be read makes the whole statement unreadable.
     */
    private static CreateSchema createSchema(FallbackCursor c, SourcePosition at) {
        boolean ifNotExists = c.acceptWords("IF", "NOT", "EXISTS");
        Identifier schema;
        if (c.acceptWord("AUTHORIZATION")) {
            // the schema takes the role's name; CURRENT_USER and friends are not known without a database
            SqlToken role = c.peek();
            if (role != null
                    && (role.isWord("CURRENT_USER") || role.isWord("SESSION_USER") || role.isWord("CURRENT_ROLE"))) {
                throw new FallbackSyntaxException("schema named after the current role");
            }
            schema = c.identifier();
        } else {
            schema = c.identifier();
            if (c.acceptWord("AUTHORIZATION")) {
                c.identifier();
            }
        }
        // CREATE and GRANT are reserved words: at the top level they start the next element
        List<List<SchemaChange>> byOrder = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byOrder.add(new ArrayList<>());
        }
        for (FallbackCursor element : c.splitBefore(t -> t.isWord("CREATE") || t.isWord("GRANT"))) {
            SqlToken first = element.peek();
            if (first.isWord("GRANT")) {
                element.skipRest();
                continue;
            }
            if (!first.isWord("CREATE")
                    || element.peekWord(1, "SCHEMA")
                    || element.peekWord(1, "TYPE")
                    || element.peekWord(1, "DOMAIN")
                    || element.peekWord(1, "FUNCTION")
                    || element.peekWord(1, "PROCEDURE")) {
                throw new FallbackSyntaxException("not a schema element: " + first.text());
            }
            List<SchemaChange> changes = readStatement(element, element.peek().position());
            if (changes == null) {
                throw new FallbackSyntaxException("schema element not read");
            }
            for (SchemaChange change : changes) {
                byOrder.get(elementOrder(change)).add(change);
            }
        }
        List<SchemaChange> elements = new ArrayList<>();
        byOrder.forEach(elements::addAll);
        return new CreateSchema(schema, at, ifNotExists, elements);
    }

    /** Where PostgreSQL runs a schema element: sequences, tables, views, indexes, triggers. */
    private static int elementOrder(SchemaChange element) {
        if (element instanceof CreateRelation r) {
            return r.kind() == RelationKind.SEQUENCE ? 0 : 2;
        }
        if (element instanceof SchemaChange.CreateTable t) {
            if (t.form().keysWithoutColumns() && t.form().ofType() == null) {
                throw new FallbackSyntaxException("CREATE TABLE AS is no schema element");
            }
            return 1;
        }
        if (element instanceof CreateIndex) {
            return 3;
        }
        if (element instanceof CreateTrigger) {
            return 4;
        }
        throw new FallbackSyntaxException("not a schema element");
    }

    /**
     * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} event [OR ...]
     * ON table ... EXECUTE {FUNCTION | PROCEDURE} function(...)}.
     */
    private static CreateTrigger createTrigger(FallbackCursor c, SourcePosition at) {
        c.acceptWord("CONSTRAINT");
        c.expectWord("TRIGGER");
        Identifier name = c.identifier();
        if (c.acceptWord("INSTEAD")) {
            c.expectWord("OF");
        } else {
            c.expectOneOf("BEFORE", "AFTER");
        }
        List<String> events = new ArrayList<>();
        do {
            String event = c.expectOneOf("INSERT", "UPDATE", "DELETE", "TRUNCATE");
            events.add(event);
            if (event.equals("UPDATE") && c.acceptWord("OF")) {
                do {
                    c.identifier();
                } while (c.acceptSymbol(","));
            }
        } while (c.acceptWord("OR"));
        c.expectWord("ON");
        QualifiedName table = c.qualifiedName();
        if (!c.seek(t -> t.isWord("EXECUTE"))) {
            throw new FallbackSyntaxException("trigger without EXECUTE");
        }
        c.next();
        c.expectOneOf("FUNCTION", "PROCEDURE");
        QualifiedName function = c.qualifiedName();
        c.skipRest();
        return new CreateTrigger(name, table, function, events, at);
    }

    /**
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE name(args) ...} with the body of its {@code AS}
     * string (before or after {@code LANGUAGE} and the other options), or its SQL-standard body
     * ({@code BEGIN ATOMIC ... END}, {@code RETURN expr}); {@code ""} when it has neither.
     */
    private static CreateFunction createFunction(FallbackCursor c, SourcePosition at) {
        QualifiedName name = c.qualifiedName();
        c.skipGroup();
        String body = "";
        while (c.seek(t -> t.isWord("AS") || t.isWord("BEGIN") || t.isWord("RETURN"))) {
            SqlToken keyword = c.next();
            if (keyword.isWord("AS")) {
                SqlToken definition = c.peek();
                if (definition != null && definition.type() == SqlToken.Type.STRING) {
                    body = definition.value();
                    c.skipRest();
                    break;
                }
            } else {
                body = keyword.text() + " " + c.textUntil(t -> false, 0);
                break;
            }
        }
        return new CreateFunction(name, body, at);
    }

    /**
     * {@code [WITH ...] DELETE FROM [ONLY] table [*] [[AS] alias] [USING ...] [WHERE ...]}: without a
     * WHERE clause every row goes.
     */
    private static List<SchemaChange> delete(FallbackCursor c, SourcePosition at) {
        if (c.acceptWord("WITH")) {
            c.acceptWord("RECURSIVE");
            do {
                c.identifier();
                if (c.peekSymbol("(")) {
                    c.skipGroup();
                }
                c.expectWord("AS");
                c.acceptWord("NOT");
                c.acceptWord("MATERIALIZED");
                c.skipGroup();
            } while (c.acceptSymbol(","));
        }
        c.expectWord("DELETE");
        c.expectWord("FROM");
        c.acceptWord("ONLY");
        QualifiedName table = c.qualifiedName();
        if (c.seek(t -> t.isWord("WHERE"))) {
            c.skipRest();
            return List.of();
        }
        return List.of(new DeleteAll(table, at));
    }

    /** {@code SET [SESSION | LOCAL] search_path {TO | =} {value, ... | DEFAULT}}; other settings change nothing. */
    private static List<SchemaChange> set(FallbackCursor c, SourcePosition at) {
        boolean local = false;
        if (!c.acceptWord("SESSION")) {
            local = c.acceptWord("LOCAL");
        }
        if (c.acceptWord("SCHEMA")) {
            // SET SCHEMA 'name' is PostgreSQL's alias for SET search_path TO 'name'
            SqlToken value = c.next();
            if (value.type() != SqlToken.Type.STRING && !value.isName()) {
                throw new FallbackSyntaxException("expected a schema name after SET SCHEMA");
            }
            c.expectEnd();
            List<Identifier> schemas = value.type() == SqlToken.Type.STRING
                    ? (value.value().isEmpty() ? List.of() : List.of(Identifier.quoted(value.value())))
                    : List.of(value.identifier());
            return List.of(new SetSearchPath(schemas, at, local, false));
        }
        if (!c.acceptWord("search_path")) {
            return List.of();
        }
        if (!c.acceptWord("TO") && !c.acceptSymbol("=")) {
            // SET search_path FROM CURRENT only exists inside function definitions
            throw new FallbackSyntaxException("expected TO or =");
        }
        if (c.acceptWord("DEFAULT")) {
            c.expectEnd();
            return List.of(new SetSearchPath(defaultSearchPath(), at, local, true));
        }
        List<Identifier> schemas = new ArrayList<>();
        do {
            SqlToken value = c.next();
            if (value.type() == SqlToken.Type.STRING) {
                // a string element is taken as one name, quoted (guc.c: GUC_LIST_QUOTE), so '' is no schema
                if (!value.value().isEmpty()) {
                    schemas.add(Identifier.quoted(value.value()));
                }
            } else if (value.isName()) {
                if (!value.value().isEmpty()) {
                    schemas.add(value.identifier());
                }
            } else {
                throw new FallbackSyntaxException("unexpected '" + value.text() + "' in search_path");
            }
        } while (c.acceptSymbol(","));
        c.expectEnd();
        return List.of(new SetSearchPath(schemas, at, local, false));
    }

    /**
     * {@code CREATE [TEMP] [RECURSIVE] VIEW name}, {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name},
     * {@code CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name}, with the cursor past the persistence words: only the name
     * matters (an index may be built on a materialized view); the query and options are skipped.
     */
    private static SchemaChange createRelation(FallbackCursor c, SourcePosition at) {
        c.acceptWord("RECURSIVE");
        RelationKind kind;
        if (c.acceptWord("SEQUENCE")) {
            kind = RelationKind.SEQUENCE;
        } else if (c.acceptWords("MATERIALIZED", "VIEW")) {
            kind = RelationKind.MATERIALIZED_VIEW;
        } else {
            c.expectWord("VIEW");
            kind = RelationKind.VIEW;
        }
        c.acceptWords("IF", "NOT", "EXISTS");
        QualifiedName name = c.qualifiedName();
        c.skipRest();
        return new CreateRelation(name, kind, at);
    }

    /**
     * {@code BEGIN [WORK|TRANSACTION] [...]}, {@code START TRANSACTION}, {@code COMMIT}/{@code END},
     * {@code ROLLBACK}/{@code ABORT}, {@code SAVEPOINT s}, {@code RELEASE [SAVEPOINT] s},
     * {@code ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] s}; {@code null} for a form that is no transaction command
     * of the session (prepared transactions).
     */
    private static List<SchemaChange> transaction(FallbackCursor c, SourcePosition at) {
        if (c.acceptWord("BEGIN") || c.acceptWords("START", "TRANSACTION")) {
            // isolation level and access mode change nothing modelled
            c.skipRest();
            return List.of(new Transaction(TransactionCommand.BEGIN, null, at));
        }
        if (c.acceptWord("SAVEPOINT")) {
            Identifier name = c.identifier();
            c.expectEnd();
            return List.of(new Transaction(TransactionCommand.SAVEPOINT, name, at));
        }
        if (c.acceptWord("RELEASE")) {
            c.acceptWord("SAVEPOINT");
            Identifier name = c.identifier();
            c.expectEnd();
            return List.of(new Transaction(TransactionCommand.RELEASE_SAVEPOINT, name, at));
        }
        boolean commit = c.acceptWord("COMMIT") || c.acceptWord("END");
        if (!commit && !c.acceptWord("ROLLBACK") && !c.acceptWord("ABORT")) {
            return null;
        }
        if (c.peekWord("PREPARED")) {
            return List.of();
        }
        if (!c.acceptWord("WORK")) {
            c.acceptWord("TRANSACTION");
        }
        if (!commit && c.acceptWord("TO")) {
            c.acceptWord("SAVEPOINT");
            Identifier name = c.identifier();
            c.expectEnd();
            return List.of(new Transaction(TransactionCommand.ROLLBACK_TO_SAVEPOINT, name, at));
        }
        // AND [NO] CHAIN: a chained transaction begins at once; refguard treats it as the end of this one
        c.skipRest();
        return List.of(new Transaction(commit ? TransactionCommand.COMMIT : TransactionCommand.ROLLBACK, null, at));
    }

    /**
     * {@code SELECT [pg_catalog.]set_config('search_path', 'a, b', is_local)}, as pg_dump writes it;
     * any other SELECT changes nothing modelled.
     */
    private static List<SchemaChange> setConfig(FallbackCursor c, SourcePosition at) {
        SqlToken first = c.peek();
        if (first == null || !first.isName()) {
            return List.of();
        }
        QualifiedName function = c.qualifiedName();
        boolean setConfig = function.name().folded().equals("set_config")
                && (function.schema() == null || function.schema().folded().equals("pg_catalog"));
        if (!setConfig || !c.peekSymbol("(")) {
            return List.of();
        }
        List<FallbackCursor> arguments = c.parenthesised();
        if (arguments.size() < 2) {
            return List.of();
        }
        SqlToken setting = arguments.get(0).peek();
        if (setting == null
                || setting.type() != SqlToken.Type.STRING
                || !setting.value().trim().equalsIgnoreCase("search_path")) {
            return List.of();
        }
        FallbackCursor valueArgument = arguments.get(1);
        SqlToken value = valueArgument.next();
        valueArgument.expectEnd();
        if (value.type() != SqlToken.Type.STRING) {
            // a computed value (current_setting(...) || ...) cannot be known without a database
            throw new FallbackSyntaxException("search_path value is not a literal");
        }
        return List.of(new SetSearchPath(searchPathList(value.value()), at));
    }

    /**
     * A search_path value as PostgreSQL splits it (varlena.c SplitIdentifierString): names separated by
     * commas, unquoted ones folded later, {@code "quoted"} ones kept exactly with {@code ""} collapsed.
     */
    static List<Identifier> searchPathList(String value) {
        List<Identifier> schemas = new ArrayList<>();
        int i = skipSpace(value, 0);
        if (i >= value.length()) {
            return schemas;
        }
        while (true) {
            if (value.charAt(i) == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (true) {
                    if (i >= value.length()) {
                        throw new FallbackSyntaxException("unterminated quoted name in search_path");
                    }
                    char ch = value.charAt(i);
                    if (ch == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                    } else if (ch == '"') {
                        i++;
                        break;
                    } else {
                        name.append(ch);
                        i++;
                    }
                }
                if (name.length() == 0) {
                    throw new FallbackSyntaxException("empty quoted name in search_path");
                }
                schemas.add(Identifier.quoted(name.toString()));
            } else {
                int start = i;
                while (i < value.length() && value.charAt(i) != ',' && !Character.isWhitespace(value.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new FallbackSyntaxException("empty name in search_path");
                }
                schemas.add(Identifier.of(value.substring(start, i)));
            }
            i = skipSpace(value, i);
            if (i >= value.length()) {
                return schemas;
            }
            if (value.charAt(i) != ',') {
                throw new FallbackSyntaxException("expected , in search_path");
            }
            i = skipSpace(value, i + 1);
            if (i >= value.length()) {
                throw new FallbackSyntaxException("trailing , in search_path");
            }
        }
    }

    private static int skipSpace(String value, int from) {
        int i = from;
        while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /** PostgreSQL's default: {@code "$user", public}. */
    private static List<Identifier> defaultSearchPath() {
        return List.of(Identifier.quoted("$user"), Identifier.of("public"));
    }
}
