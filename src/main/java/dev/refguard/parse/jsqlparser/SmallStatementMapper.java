package dev.refguard.parse.jsqlparser;

import dev.refguard.parse.Identifier;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.jsqlparser.StatementText.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.trigger.CreateTrigger;
import net.sf.jsqlparser.statement.create.trigger.TriggerEvent;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Maps the statements that are not about a table's columns: {@code DROP}, {@code CREATE INDEX}, {@code
 * CREATE SCHEMA}, {@code TRUNCATE}, {@code DELETE}, {@code CREATE TRIGGER} and {@code SET search_path}.
 */
final class SmallStatementMapper extends AstMapper {
    SmallStatementMapper(StatementText text) {
        super(text);
    }

    List<SchemaChange> drop(Drop drop) {
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
                    names.stream().map(AstMapper::qualifiedName).toList();
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

    SchemaChange createIndex(CreateIndex createIndex) {
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

    SchemaChange createSchema(CreateSchema createSchema) {
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
        // IF NOT EXISTS: PostgreSQL skips the statement, with a notice, when the schema exists
        return new SchemaChange.CreateSchema(identifier(name), text.start(), createSchema.hasIfNotExists(), List.of());
    }

    SchemaChange truncate(Truncate truncate) {
        List<Table> tables =
                truncate.getTables() != null && !truncate.getTables().isEmpty()
                        ? truncate.getTables()
                        : truncate.getTable() == null ? List.of() : List.of(truncate.getTable());
        if (tables.isEmpty()) {
            throw unreadable("TRUNCATE without tables");
        }
        return new SchemaChange.Truncate(
                tables.stream().map(AstMapper::qualifiedName).toList(), truncate.getCascade(), text.start());
    }

    List<SchemaChange> delete(Delete delete) {
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

    SchemaChange createTrigger(CreateTrigger trigger) {
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

    List<SchemaChange> setStatement(SetStatement set) {
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
}
