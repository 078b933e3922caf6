package dev.refguard.parse;

import java.util.List;

/**
 * Gives the names of a MySQL or MariaDB statement the meaning the server gives them on Linux
 * ({@code lower_case_table_names=0}, the default there): database and table names are file names, compared
 * exactly, whether written in backticks or not; column, index and constraint names are compared without case. The
 * readers give names PostgreSQL's meaning (unquoted folds to lower case, quoted is exact), so a table name here
 * becomes a quoted identifier and every other name an unquoted one.
 */
public final class MysqlNames {
    private MysqlNames() {}

    /** {@code changes} with MySQL's names. */
    public static List<SchemaChange> apply(List<SchemaChange> changes) {
        return changes.stream().map(MysqlNames::change).toList();
    }

    private static SchemaChange change(SchemaChange change) {
        if (change instanceof SchemaChange.CreateTable t) {
            SchemaChange.TableForm form = t.form();
            return new SchemaChange.CreateTable(
                    table(t.table()),
                    t.ifNotExists(),
                    t.columns().stream().map(MysqlNames::column).toList(),
                    t.keys().stream().map(MysqlNames::key).toList(),
                    t.foreignKeys().stream().map(MysqlNames::foreignKey).toList(),
                    t.columnsKnown(),
                    t.position(),
                    new SchemaChange.TableForm(
                            form.temporary(),
                            form.likes().stream()
                                    .map(l -> new SchemaChange.Like(table(l.source()), l.including(), l.position()))
                                    .toList(),
                            table(form.partitionOf()),
                            form.inherits().stream().map(MysqlNames::table).toList(),
                            form.asQuery(),
                            form.partitioned(),
                            form.ofType(),
                            form.unlogged()));
        }
        if (change instanceof SchemaChange.AlterTable a) {
            return new SchemaChange.AlterTable(
                    table(a.table()),
                    a.ifExists(),
                    a.actions().stream().map(MysqlNames::action).toList(),
                    a.position());
        }
        if (change instanceof SchemaChange.DropTable d) {
            return new SchemaChange.DropTable(
                    d.tables().stream().map(MysqlNames::table).toList(), d.ifExists(), d.cascade(), d.position());
        }
        if (change instanceof SchemaChange.CreateIndex i) {
            return new SchemaChange.CreateIndex(
                    other(i.name()),
                    table(i.table()),
                    others(i.columns()),
                    i.unique(),
                    i.position(),
                    i.partial(),
                    i.hasExpressions(),
                    i.ifNotExists());
        }
        if (change instanceof SchemaChange.CreateSchema s) {
            return new SchemaChange.CreateSchema(exact(s.schema()), s.position(), s.ifNotExists(), apply(s.elements()));
        }
        if (change instanceof SchemaChange.DropSchema s) {
            return new SchemaChange.DropSchema(
                    s.schemas().stream().map(MysqlNames::exact).toList(), s.cascade(), s.position());
        }
        if (change instanceof SchemaChange.Truncate t) {
            return new SchemaChange.Truncate(
                    t.tables().stream().map(MysqlNames::table).toList(), t.cascade(), t.position());
        }
        if (change instanceof SchemaChange.DeleteAll d) {
            return new SchemaChange.DeleteAll(table(d.table()), d.position());
        }
        return change;
    }

    private static SchemaChange.AlterAction action(SchemaChange.AlterAction action) {
        if (action instanceof SchemaChange.AddColumn c) {
            return new SchemaChange.AddColumn(
                    column(c.column()), c.ifNotExists(), foreignKey(c.foreignKey()), c.position());
        }
        if (action instanceof SchemaChange.DropColumn c) {
            return new SchemaChange.DropColumn(other(c.column()), c.ifExists(), c.cascade(), c.position());
        }
        if (action instanceof SchemaChange.AddForeignKey f) {
            return new SchemaChange.AddForeignKey(foreignKey(f.foreignKey()), f.position());
        }
        if (action instanceof SchemaChange.AddKey k) {
            return new SchemaChange.AddKey(key(k.key()), other(k.usingIndex()), k.position());
        }
        if (action instanceof SchemaChange.DropConstraint c) {
            return new SchemaChange.DropConstraint(other(c.name()), c.ifExists(), c.position(), c.cascade());
        }
        if (action instanceof SchemaChange.RenameTable r) {
            return new SchemaChange.RenameTable(exact(r.newName()), r.position());
        }
        if (action instanceof SchemaChange.RenameColumn r) {
            return new SchemaChange.RenameColumn(other(r.from()), other(r.to()), r.position());
        }
        if (action instanceof SchemaChange.RenameConstraint r) {
            return new SchemaChange.RenameConstraint(other(r.from()), other(r.to()), r.position());
        }
        if (action instanceof SchemaChange.SetSchema s) {
            return new SchemaChange.SetSchema(exact(s.schema()), s.position());
        }
        if (action instanceof SchemaChange.AlterColumnType t) {
            return new SchemaChange.AlterColumnType(other(t.column()), t.type(), t.position());
        }
        if (action instanceof SchemaChange.AlterColumnDefault d) {
            return new SchemaChange.AlterColumnDefault(other(d.column()), d.defaultExpression(), d.position());
        }
        return action;
    }

    private static ColumnSpec column(ColumnSpec c) {
        return new ColumnSpec(
                other(c.name()), c.type(), c.primaryKey(), c.unique(), c.defaultExpression(), c.position());
    }

    private static KeySpec key(KeySpec k) {
        return new KeySpec(other(k.constraintName()), others(k.columns()), k.primary(), k.position(), k.deferrable());
    }

    private static ForeignKeySpec foreignKey(ForeignKeySpec f) {
        if (f == null) {
            return null;
        }
        return new ForeignKeySpec(
                other(f.constraintName()),
                others(f.columns()),
                table(f.target()),
                others(f.targetColumns()),
                f.onDelete(),
                f.onUpdate(),
                f.position(),
                f.targetPosition(),
                f.inline());
    }

    /** A database or table name: compared exactly. */
    private static QualifiedName table(QualifiedName name) {
        return name == null ? null : new QualifiedName(exact(name.schema()), exact(name.name()));
    }

    private static Identifier exact(Identifier id) {
        return id == null ? null : Identifier.quoted(id.text());
    }

    private static List<Identifier> others(List<Identifier> ids) {
        return ids.stream().map(MysqlNames::other).toList();
    }

    /** A column, index or constraint name: compared without case. */
    private static Identifier other(Identifier id) {
        return id == null ? null : Identifier.of(id.text());
    }
}
