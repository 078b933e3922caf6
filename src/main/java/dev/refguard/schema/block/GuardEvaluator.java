package dev.refguard.schema.block;

import dev.refguard.parse.block.CatalogGuard;
import dev.refguard.parse.block.CatalogGuard.And;
import dev.refguard.parse.block.CatalogGuard.Constant;
import dev.refguard.parse.block.CatalogGuard.Exists;
import dev.refguard.parse.block.CatalogGuard.Not;
import dev.refguard.parse.block.CatalogGuard.Or;
import dev.refguard.parse.block.CatalogGuard.RegclassNull;
import dev.refguard.parse.block.CatalogQuery;
import dev.refguard.parse.block.CatalogQuery.Column;
import dev.refguard.parse.block.CatalogQuery.Condition;
import dev.refguard.parse.block.CatalogQuery.Function;
import dev.refguard.parse.block.CatalogQuery.Literal;
import dev.refguard.parse.block.CatalogQuery.Operand;
import dev.refguard.parse.block.CatalogQuery.Source;
import dev.refguard.parse.block.Guard;
import dev.refguard.parse.block.RegclassName;
import dev.refguard.schema.CatalogView;
import dev.refguard.schema.CatalogView.ConstraintInfo;
import dev.refguard.schema.CatalogView.RelationKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Says whether a guard is true of the catalogue at one point of the replay, as PostgreSQL would answer it:
 * each catalogue relation a guard may ask about is listed from {@link CatalogView} (only the rows its
 * equalities name), the WHERE and ON equalities are checked on every combination, and {@code NOT}/{@code AND}/
 * {@code OR} combine the answers with {@link Truth#UNKNOWN} for what cannot be known (docs/replay.md, "Control flow").
 * Reads the catalogue, never changes it.
 */
public final class GuardEvaluator {
    /** The value of a column that matches any value: the database name, which the model does not know. */
    private static final String ANY = "\u0000any";

    private final CatalogView catalog;

    public GuardEvaluator(CatalogView catalog) {
        this.catalog = catalog;
    }

    /** The guard's value now. */
    public Truth evaluate(Guard guard) {
        if (!(guard instanceof CatalogGuard g)) {
            return Truth.UNKNOWN;
        }
        if (g instanceof Not not) {
            return evaluate(not.operand()).not();
        }
        if (g instanceof And and) {
            Truth result = Truth.TRUE;
            for (Guard operand : and.operands()) {
                Truth t = evaluate(operand);
                if (t == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
        if (g instanceof Or or) {
            Truth result = Truth.FALSE;
            for (Guard operand : or.operands()) {
                Truth t = evaluate(operand);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }
        if (g instanceof Constant c) {
            return Truth.of(c.value());
        }
        if (g instanceof RegclassNull r) {
            Optional<String> schema = r.schema() != null
                    ? catalog.relation(r.schema(), r.name()).map(k -> r.schema())
                    : catalog.resolveRelation(r.name());
            if (schema.isPresent()) {
                return Truth.of(!r.isNull());
            }
            return catalog.complete() ? Truth.of(r.isNull()) : Truth.UNKNOWN;
        }
        if (g instanceof Exists e) {
            return exists(e.query());
        }
        return Truth.UNKNOWN; // Opaque
    }

    // ---------------------------------------------------------------- EXISTS over the catalogue

    /** One row of a catalogue relation: column name to value. */
    private record Row(Map<String, String> values) {}

    private Truth exists(CatalogQuery query) {
        Map<String, Source> byAlias = new LinkedHashMap<>();
        for (Source s : query.sources()) {
            if (byAlias.put(s.alias(), s) != null) {
                return Truth.UNKNOWN; // the same alias twice: PostgreSQL would reject the query
            }
        }
        // each condition's columns, bound to their source
        List<Bound> bound = new ArrayList<>();
        for (Condition c : query.conditions()) {
            Bound b = bind(c, query.sources());
            if (b == null) {
                return Truth.UNKNOWN;
            }
            bound.add(b);
        }
        List<List<Row>> rowsPerSource = new ArrayList<>();
        for (Source s : query.sources()) {
            Map<String, String> keys = new HashMap<>();
            for (Bound b : bound) {
                if (b.equal && b.leftSource == s && b.rightSource == null && b.rightValue != null) {
                    keys.put(b.leftColumn, b.rightValue);
                }
            }
            List<Row> rows = rows(s.relation(), keys);
            if (rows == null) {
                return Truth.UNKNOWN;
            }
            rowsPerSource.add(rows);
        }
        boolean found = join(query.sources(), rowsPerSource, bound, 0, new HashMap<>());
        if (found) {
            return Truth.TRUE;
        }
        // nothing found: only as sure as the model is complete
        return catalog.complete() && tablesComplete(rowsPerSource, query) ? Truth.FALSE : Truth.UNKNOWN;
    }

    private boolean tablesComplete(List<List<Row>> rowsPerSource, CatalogQuery query) {
        for (int i = 0; i < query.sources().size(); i++) {
            String relation = query.sources().get(i).relation();
            if (relation.equals("information_schema.columns")
                    || relation.equals("pg_constraint")
                    || relation.equals("information_schema.table_constraints")) {
                for (String schema : catalog.schemas()) {
                    // the table asked about may have columns or constraints the model could not read
                    String table = lastTable;
                    if (table != null
                            && catalog.relation(schema, table).isPresent()
                            && !catalog.tableComplete(schema, table)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The table a columns/constraints question named last (for the completeness check). */
    private String lastTable;

    /**
     * A condition with its columns bound to sources: {@code leftSource.leftColumn = rightValue} or {@code =
     * rightSource.rightColumn}.
     */
    private static final class Bound {
        Source leftSource;
        String leftColumn;
        Source rightSource;
        String rightColumn;
        String rightValue;
        boolean equal;
    }

    private Bound bind(Condition c, List<Source> sources) {
        Operand left = c.left();
        Operand right = c.right();
        if (!(left instanceof Column) && right instanceof Column) {
            Operand swap = left;
            left = right;
            right = swap;
        }
        if (!(left instanceof Column lc)) {
            return null;
        }
        Bound b = new Bound();
        b.equal = c.equal();
        b.leftSource = sourceOf(lc, sources);
        b.leftColumn = lc.name();
        if (b.leftSource == null) {
            return null;
        }
        if (right instanceof Column rc) {
            b.rightSource = sourceOf(rc, sources);
            b.rightColumn = rc.name();
            if (b.rightSource == null) {
                return null;
            }
        } else {
            b.rightValue = value(right);
            if (b.rightValue == null) {
                return null;
            }
        }
        return b;
    }

    private static Source sourceOf(Column column, List<Source> sources) {
        if (column.qualifier() != null) {
            return sources.stream()
                    .filter(s -> s.alias().equals(column.qualifier()))
                    .findFirst()
                    .filter(s -> columnsOf(s.relation()).contains(column.name()))
                    .orElse(null);
        }
        List<Source> having = sources.stream()
                .filter(s -> columnsOf(s.relation()).contains(column.name()))
                .toList();
        return having.size() == 1 ? having.get(0) : null;
    }

    /** The value a literal or function stands for, as the rows hold it; {@code null} when unknown. */
    private String value(Operand operand) {
        if (operand instanceof Function f) {
            if (f.name().equals("current_database")) {
                return ANY;
            }
            List<String> path = catalog.searchPath();
            return path.isEmpty() ? null : path.get(0);
        }
        Literal literal = (Literal) operand;
        if (literal.cast() == null
                || Set.of("text", "name", "varchar", "char", "bpchar").contains(literal.cast())) {
            return literal.value();
        }
        if (literal.cast().equals("regclass")) {
            String[] name = RegclassName.parse(literal.value());
            if (name == null) {
                return null;
            }
            Optional<String> schema = name[0] != null
                    ? catalog.relation(name[0], name[1]).map(k -> name[0])
                    : catalog.resolveRelation(name[1]);
            // a regclass literal naming no relation is an error in PostgreSQL: the guard itself fails
            return schema.map(s -> relationOid(s, name[1])).orElse(null);
        }
        if (literal.cast().equals("regnamespace")) {
            String[] name = RegclassName.parse(literal.value());
            return name == null || name[0] != null || !catalog.schemaExists(name[1]) ? null : namespaceOid(name[1]);
        }
        return null;
    }

    private static String relationOid(String schema, String name) {
        return "rel:" + schema + "." + name;
    }

    private static String namespaceOid(String schema) {
        return "ns:" + schema;
    }

    private boolean join(
            List<Source> sources, List<List<Row>> rows, List<Bound> bound, int index, Map<Source, Row> chosen) {
        if (index == sources.size()) {
            for (Bound b : bound) {
                String left = chosen.get(b.leftSource).values().get(b.leftColumn);
                String right = b.rightSource == null
                        ? b.rightValue
                        : chosen.get(b.rightSource).values().get(b.rightColumn);
                boolean same =
                        left != null && right != null && (left.equals(ANY) || right.equals(ANY) || left.equals(right));
                if (same != b.equal) {
                    return false;
                }
            }
            return true;
        }
        for (Row row : rows.get(index)) {
            chosen.put(sources.get(index), row);
            if (join(sources, rows, bound, index + 1, chosen)) {
                return true;
            }
        }
        chosen.remove(sources.get(index));
        return false;
    }

    // ---------------------------------------------------------------- the catalogue's relations

    private static Set<String> columnsOf(String relation) {
        return switch (relation) {
            case "pg_namespace" -> Set.of("oid", "nspname");
            case "pg_class" -> Set.of("oid", "relname", "relnamespace", "relkind");
            case "pg_tables" -> Set.of("schemaname", "tablename");
            case "pg_indexes" -> Set.of("schemaname", "indexname");
            case "pg_constraint" -> Set.of("conname", "conrelid", "contype", "connamespace");
            case "pg_type" -> Set.of("typname", "typnamespace");
            case "information_schema.tables" -> Set.of("table_catalog", "table_schema", "table_name", "table_type");
            case "information_schema.columns" -> Set.of("table_catalog", "table_schema", "table_name", "column_name");
            case "information_schema.table_constraints" ->
                Set.of(
                        "constraint_catalog",
                        "constraint_schema",
                        "constraint_name",
                        "table_catalog",
                        "table_schema",
                        "table_name",
                        "constraint_type");
            case "information_schema.schemata" -> Set.of("catalog_name", "schema_name");
            default -> Set.of();
        };
    }

    /**
     * The rows of {@code relation} that can match {@code keys} (the equalities with constants on it), or
     * {@code null} when the relation cannot be listed from what the keys say.
     */
    private List<Row> rows(String relation, Map<String, String> keys) {
        List<Row> rows = new ArrayList<>();
        switch (relation) {
            case "pg_namespace", "information_schema.schemata" -> {
                for (String schema : catalog.schemas()) {
                    rows.add(row(
                            "oid",
                            namespaceOid(schema),
                            "nspname",
                            schema,
                            "schema_name",
                            schema,
                            "catalog_name",
                            ANY));
                }
            }
            case "pg_class", "pg_tables", "information_schema.tables" -> {
                String name = keys.get(
                        switch (relation) {
                            case "pg_class" -> "relname";
                            case "pg_tables" -> "tablename";
                            default -> "table_name";
                        });
                String oid = keys.get("oid");
                if (name == null && oid != null && oid.startsWith("rel:")) {
                    name = oid.substring(oid.indexOf('.') + 1);
                }
                if (name == null) {
                    return null;
                }
                for (String schema : catalog.schemas()) {
                    Optional<RelationKind> kind = catalog.relation(schema, name);
                    if (kind.isEmpty()) {
                        continue;
                    }
                    boolean table = kind.get() == RelationKind.TABLE || kind.get() == RelationKind.PARTITIONED_TABLE;
                    if (relation.equals("pg_tables") && !table) {
                        continue;
                    }
                    if (relation.equals("information_schema.tables")
                            && !(table
                                    || kind.get() == RelationKind.VIEW
                                    || kind.get() == RelationKind.FOREIGN_TABLE)) {
                        continue;
                    }
                    rows.add(row(
                            "oid", relationOid(schema, name),
                            "relname", name,
                            "relnamespace", namespaceOid(schema),
                            "relkind", relkind(kind.get()),
                            "schemaname", schema,
                            "tablename", name,
                            "table_catalog", ANY,
                            "table_schema", schema,
                            "table_name", name,
                            "table_type",
                                    kind.get() == RelationKind.VIEW
                                            ? "VIEW"
                                            : kind.get() == RelationKind.FOREIGN_TABLE ? "FOREIGN" : "BASE TABLE"));
                }
            }
            case "information_schema.columns" -> {
                String table = keys.get("table_name");
                String column = keys.get("column_name");
                if (table == null || column == null) {
                    return null;
                }
                lastTable = table;
                for (String schema : catalog.schemas()) {
                    if (catalog.columnExists(schema, table, column)) {
                        rows.add(row(
                                "table_catalog", ANY,
                                "table_schema", schema,
                                "table_name", table,
                                "column_name", column));
                    }
                }
            }
            case "pg_constraint", "information_schema.table_constraints" -> {
                boolean pg = relation.equals("pg_constraint");
                String name = keys.get(pg ? "conname" : "constraint_name");
                List<ConstraintInfo> found = new ArrayList<>();
                if (name != null) {
                    found.addAll(catalog.constraintsNamed(name));
                } else if (pg
                        && keys.get("conrelid") != null
                        && keys.get("conrelid").startsWith("rel:")) {
                    String oid = keys.get("conrelid").substring(4);
                    int dot = oid.indexOf('.');
                    found.addAll(catalog.constraintsOf(oid.substring(0, dot), oid.substring(dot + 1)));
                } else if (!pg && keys.get("table_name") != null) {
                    for (String schema : catalog.schemas()) {
                        found.addAll(catalog.constraintsOf(schema, keys.get("table_name")));
                    }
                } else {
                    return null;
                }
                if (keys.containsKey(pg ? "conrelid" : "table_name")) {
                    String t = keys.get(pg ? "conrelid" : "table_name");
                    lastTable = t.startsWith("rel:") ? t.substring(t.indexOf('.') + 1) : t;
                }
                for (ConstraintInfo c : found) {
                    rows.add(row(
                            "conname", c.name(),
                            "conrelid", relationOid(c.schema(), c.table()),
                            "contype", contype(c.kind()),
                            "connamespace", namespaceOid(c.schema()),
                            "constraint_catalog", ANY,
                            "constraint_schema", c.schema(),
                            "constraint_name", c.name(),
                            "table_catalog", ANY,
                            "table_schema", c.schema(),
                            "table_name", c.table(),
                            "constraint_type", constraintType(c.kind())));
                }
            }
            case "pg_indexes" -> {
                String name = keys.get("indexname");
                if (name == null) {
                    return null;
                }
                for (String schema : catalog.schemas()) {
                    if (catalog.indexExists(schema, name)) {
                        rows.add(row("schemaname", schema, "indexname", name));
                    }
                }
            }
            case "pg_type" -> {
                String name = keys.get("typname");
                if (name == null) {
                    return null;
                }
                for (String schema : catalog.schemas()) {
                    if (catalog.typeExists(schema, name)) {
                        rows.add(row("typname", name, "typnamespace", namespaceOid(schema)));
                    }
                }
            }
            default -> {
                return null;
            }
        }
        return rows;
    }

    private static Row row(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Row(values);
    }

    private static String relkind(RelationKind kind) {
        return switch (kind) {
            case TABLE -> "r";
            case PARTITIONED_TABLE -> "p";
            case VIEW -> "v";
            case MATERIALIZED_VIEW -> "m";
            case INDEX -> "i";
            case SEQUENCE -> "S";
            case FOREIGN_TABLE -> "f";
        };
    }

    private static String contype(CatalogView.ConstraintKind kind) {
        return switch (kind) {
            case PRIMARY_KEY -> "p";
            case UNIQUE -> "u";
            case FOREIGN_KEY -> "f";
            case CHECK -> "c";
            case EXCLUSION -> "x";
            case NOT_NULL -> "n";
        };
    }

    private static String constraintType(CatalogView.ConstraintKind kind) {
        return switch (kind) {
            case PRIMARY_KEY -> "PRIMARY KEY";
            case UNIQUE -> "UNIQUE";
            case FOREIGN_KEY -> "FOREIGN KEY";
            case CHECK, NOT_NULL -> "CHECK";
            case EXCLUSION -> "EXCLUDE";
        };
    }
}
