package dev.refguard.drift;

import dev.refguard.findings.Candidate;
import dev.refguard.findings.Finding;
import dev.refguard.findings.Location;
import dev.refguard.findings.RuleInfo;
import dev.refguard.parse.Identifier;
import dev.refguard.rules.DriftRules;
import dev.refguard.schema.HistoryReplays;
import dev.refguard.schema.ModelColumn;
import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ModelTable;
import dev.refguard.schema.ReplayResult;
import dev.refguard.schema.SqlTypes;
import dev.refguard.schema.TableId;
import dev.refguard.schema.TableOrigin;
import dev.refguard.source.Layout;
import dev.refguard.source.MigrationFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a live database's catalogue with the model the migrations replay into (the development replay, the
 * one {@code check}'s graph shows), both ways:
 *
 * <ul>
 *   <li>what the database has that no migration creates: tables, columns, keys, foreign keys (made in a
 *       dashboard);
 *   <li>what the migrations create that the database lacks (tables only seed files create, and their foreign
 *       keys, are not expected: seeds do not run everywhere);
 *   <li>foreign keys on the same columns with another target, and columns of another type (type modifiers such as
 *       {@code (255)} are not compared, as in every refguard type comparison);
 *   <li>with a Supabase history and a {@code supabase_migrations.schema_migrations} table: versions applied that
 *       have no file, and files not applied.
 * </ul>
 *
 * <p><b>Where a finding is.</b> An object the migrations create is reported where they create it (a column or key
 * at its table's {@code CREATE TABLE}; a foreign key at its declaration). An object only the database has has no
 * file: its location is the pseudo-path {@code database:<schema>.<table>} (with {@code .<column>} for a column),
 * with no line, so reports show it as {@code database:public.audit_log} and the baseline matches it by that name.
 *
 * <p>Tables in {@code managedSchemas}, the system schemas, and {@code externalTables}/{@code sharedTables} are not
 * compared. A table a statement refguard could not read touched is compared, but its findings are at most
 * warnings (the model may lack what that statement did).
 */
public final class DriftComparison {
    /** The file part of the location of an object only the database has. */
    public static final String DATABASE_PREFIX = "database:";

    private static final String MIGRATIONS_TABLE = "supabase_migrations.schema_migrations";
    private static final Pattern SUPABASE_VERSION = Pattern.compile("^(\\d+)_.*\\.sql$");

    private final List<Candidate> out = new ArrayList<>();

    private DriftComparison() {}

    /**
     * The differences between the model and {@code database}, unsorted, at each rule's default severity.
     *
     * @param replays the replays of every history, as the engine made them
     * @param database what the database holds (its managed and system schemas already left out)
     * @param excludedSchemas schemas not compared (folded names)
     * @param preexistingTables tables that exist without a migration ({@code externalTables},
     *     {@code sharedTables})
     */
    public static List<Candidate> compare(
            List<HistoryReplays> replays,
            DatabaseCatalog database,
            Set<String> excludedSchemas,
            Set<TableId> preexistingTables) {
        DriftComparison comparison = new DriftComparison();
        Map<TableId, ModelTable> model = new TreeMap<>();
        Map<TableId, List<ModelForeignKey>> modelForeignKeys = new LinkedHashMap<>();
        for (HistoryReplays both : replays) {
            ReplayResult replay = both.development();
            for (ModelTable t : replay.tables()) {
                boolean created = t.origin() == TableOrigin.MIGRATION || t.origin() == TableOrigin.SEED;
                if (created && !excludedSchemas.contains(t.id().schema())) {
                    // two histories on one database: the first that creates a table describes it
                    model.putIfAbsent(t.id(), t);
                }
            }
            for (ModelForeignKey fk : replay.foreignKeys()) {
                if (model.get(fk.from().id()) != null
                        && model.get(fk.from().id()).oid() == fk.from().oid()) {
                    modelForeignKeys
                            .computeIfAbsent(fk.from().id(), k -> new ArrayList<>())
                            .add(fk);
                }
            }
        }
        Map<TableId, DatabaseCatalog.Table> tables = new TreeMap<>(database.tables());
        for (DatabaseCatalog.Table table : tables.values()) {
            if (excludedSchemas.contains(table.id().schema()) || preexistingTables.contains(table.id())) {
                continue;
            }
            ModelTable modelTable = model.get(table.id());
            if (modelTable == null) {
                comparison.add(
                        DriftRules.TABLE_NOT_IN_MIGRATIONS,
                        inDatabase(table.id(), null),
                        "table " + table.id().displayName() + " is in the database, but no migration creates it",
                        "Write a migration that creates it (pg_dump --schema-only -t '"
                                + table.id().sql() + "' prints its DDL), or drop it from the database.",
                        "",
                        "table " + table.id().sql(),
                        false);
                continue;
            }
            comparison.columns(modelTable, table);
            comparison.keys(modelTable, table);
            comparison.foreignKeys(modelTable, modelForeignKeys.getOrDefault(table.id(), List.of()), table);
        }
        for (ModelTable t : model.values()) {
            if (!tables.containsKey(t.id()) && t.origin() != TableOrigin.SEED) {
                comparison.add(
                        DriftRules.MISSING_IN_DATABASE,
                        createdAt(t),
                        "table " + t.displayName() + " is created by "
                                + t.createdBy().relativePath() + ", but the database has no such table",
                        NOT_APPLIED_HINT,
                        "",
                        "table " + t.id().sql(),
                        t.incomplete());
            }
        }
        database.appliedMigrations().ifPresent(versions -> comparison.migrations(replays, versions));
        return List.copyOf(comparison.out);
    }

    private void columns(ModelTable modelTable, DatabaseCatalog.Table table) {
        if (!modelTable.columnsKnown()) {
            return; // CREATE TABLE ... AS: the model does not know the columns
        }
        boolean demoted = modelTable.incomplete();
        String name = modelTable.displayName();
        for (Map.Entry<String, String> column : table.columns().entrySet()) {
            String c = column.getKey();
            ModelColumn modelColumn = modelTable.column(c).orElse(null);
            if (modelColumn == null) {
                add(
                        DriftRules.COLUMN_NOT_IN_MIGRATIONS,
                        inDatabase(table.id(), c),
                        "column " + name + "." + Identifier.sql(c) + " (" + column.getValue()
                                + ") is in the database, but no migration adds it",
                        withFix(
                                "Add it in a new migration, or drop it from the database:",
                                addColumn(table.id(), c, column.getValue())),
                        addColumn(table.id(), c, column.getValue()),
                        "column " + table.id().sql() + "." + Identifier.sql(c),
                        demoted);
            } else if (modelColumn.type() != null && !sameType(modelColumn.type(), column.getValue())) {
                add(
                        DriftRules.COLUMN_TYPE_DIFFERS,
                        createdAt(modelTable),
                        "column " + name + "." + Identifier.sql(c) + " is " + column.getValue()
                                + " in the database, but " + modelColumn.writtenType() + " in the migrations",
                        withFix(
                                "If the database's type is the one wanted, change it in a new migration; else change the database back:",
                                alterType(table.id(), c, column.getValue())),
                        alterType(table.id(), c, column.getValue()),
                        "type " + table.id().sql() + "." + Identifier.sql(c),
                        demoted);
            }
        }
        for (ModelColumn column : modelTable.columns()) {
            if (!table.columns().containsKey(column.name())) {
                add(
                        DriftRules.MISSING_IN_DATABASE,
                        createdAt(modelTable),
                        "column " + name + "." + Identifier.sql(column.name()) + " (" + column.writtenType()
                                + ") is in the migrations, but not in the database",
                        NOT_APPLIED_HINT,
                        "",
                        "column " + table.id().sql() + "." + Identifier.sql(column.name()),
                        demoted);
            }
        }
    }

    /** Both normalised as refguard normalises types; a type of {@code public} may be written with or without it. */
    static boolean sameType(String modelType, String databaseType) {
        String a = unqualified(SqlTypes.normalize(modelType));
        String b = unqualified(SqlTypes.normalize(databaseType));
        return a.equals(b);
    }

    private static String unqualified(String type) {
        return type.startsWith("public.") ? type.substring("public.".length()) : type;
    }

    private void keys(ModelTable modelTable, DatabaseCatalog.Table table) {
        if (!modelTable.columnsKnown()) {
            return;
        }
        boolean demoted = modelTable.incomplete();
        Set<String> modelPrimary = columnSet(modelTable.primaryKey());
        List<Set<String>> modelUnique =
                modelTable.uniqueKeys().stream().map(DriftComparison::columnSet).toList();
        Set<String> databasePrimary = table.keys().stream()
                .filter(DatabaseCatalog.Key::primary)
                .map(k -> columnSet(k.columns()))
                .findFirst()
                .orElse(Set.of());
        if (!modelPrimary.equals(databasePrimary)) {
            if (!databasePrimary.isEmpty()) {
                add(
                        DriftRules.KEY_NOT_IN_MIGRATIONS,
                        inDatabase(table.id(), null),
                        "primary key " + columnList(databasePrimary) + " of "
                                + table.id().displayName() + " is in the database, but not in the migrations",
                        KEY_HINT,
                        "",
                        "primary key " + table.id().sql() + " " + databasePrimary,
                        demoted);
            }
            if (!modelPrimary.isEmpty()) {
                add(
                        DriftRules.MISSING_IN_DATABASE,
                        createdAt(modelTable),
                        "primary key " + columnList(modelPrimary) + " of " + modelTable.displayName()
                                + " is in the migrations, but not in the database",
                        NOT_APPLIED_HINT,
                        "",
                        "primary key " + table.id().sql() + " " + modelPrimary,
                        demoted);
            }
        }
        List<Set<String>> databaseUnique = table.keys().stream()
                .filter(k -> !k.primary())
                .map(k -> columnSet(k.columns()))
                .toList();
        for (DatabaseCatalog.Key key : table.keys()) {
            Set<String> cols = columnSet(key.columns());
            if (!key.primary() && !modelUnique.contains(cols) && !cols.equals(modelPrimary)) {
                add(
                        DriftRules.KEY_NOT_IN_MIGRATIONS,
                        inDatabase(table.id(), null),
                        "unique key " + Identifier.sql(key.name()) + " " + columnList(cols) + " of "
                                + table.id().displayName() + " is in the database, but not in the migrations",
                        KEY_HINT,
                        "",
                        "unique key " + table.id().sql() + " " + cols,
                        demoted);
            }
        }
        for (Set<String> cols : new java.util.LinkedHashSet<>(modelUnique)) {
            if (!databaseUnique.contains(cols) && !cols.equals(databasePrimary)) {
                add(
                        DriftRules.MISSING_IN_DATABASE,
                        createdAt(modelTable),
                        "unique key " + columnList(cols) + " of " + modelTable.displayName()
                                + " is in the migrations, but not in the database",
                        NOT_APPLIED_HINT,
                        "",
                        "unique key " + table.id().sql() + " " + cols,
                        demoted);
            }
        }
    }

    private void foreignKeys(ModelTable modelTable, List<ModelForeignKey> declared, DatabaseCatalog.Table table) {
        boolean demoted = modelTable.incomplete();
        List<ModelForeignKey> modelLeft = new ArrayList<>(declared);
        List<DatabaseCatalog.ForeignKey> databaseLeft = new ArrayList<>(table.foreignKeys());
        // the same reference on both sides first, then what is left paired by its columns
        for (ModelForeignKey fk : declared) {
            databaseLeft.stream().filter(d -> sameReference(fk, d)).findFirst().ifPresent(d -> {
                databaseLeft.remove(d);
                modelLeft.remove(fk);
            });
        }
        for (ModelForeignKey fk : List.copyOf(modelLeft)) {
            DatabaseCatalog.ForeignKey other = databaseLeft.stream()
                    .filter(d -> columnSet(d.columns()).equals(columnSet(fk.fromColumns())))
                    .findFirst()
                    .orElse(null);
            if (other == null) {
                continue;
            }
            databaseLeft.remove(other);
            modelLeft.remove(fk);
            add(
                    DriftRules.FK_DIFFERS,
                    declaredAt(fk),
                    "foreign key " + Identifier.sql(other.name()) + " of "
                            + table.id().displayName() + " "
                            + columnList(other.columns()) + " references "
                            + other.target().displayName()
                            + columnList(other.targetColumns()) + " in the database, but "
                            + fk.to().displayName() + columnList(fk.toColumns()) + " in the migrations",
                    withFix(
                            "If the database's target is the one wanted, repoint the FK in a new migration; else repoint it in the database:",
                            repoint(table.id(), other)),
                    repoint(table.id(), other),
                    "foreign key " + table.id().sql() + " " + fk.fromColumns(),
                    demoted);
        }
        for (ModelForeignKey fk : modelLeft) {
            if (fk.seed()) {
                continue;
            }
            add(
                    DriftRules.MISSING_IN_DATABASE,
                    declaredAt(fk),
                    "foreign key " + Identifier.sql(fk.name()) + " "
                            + table.id().displayName()
                            + columnList(fk.fromColumns()) + " -> " + fk.to().displayName()
                            + columnList(fk.toColumns()) + " is in the migrations, but not in the database",
                    NOT_APPLIED_HINT,
                    "",
                    "foreign key " + table.id().sql() + " " + fk.fromColumns() + " "
                            + fk.to().id().sql(),
                    demoted);
        }
        for (DatabaseCatalog.ForeignKey fk : databaseLeft) {
            add(
                    DriftRules.KEY_NOT_IN_MIGRATIONS,
                    inDatabase(table.id(), null),
                    "foreign key " + Identifier.sql(fk.name()) + " "
                            + table.id().displayName()
                            + columnList(fk.columns()) + " -> " + fk.target().displayName()
                            + columnList(fk.targetColumns()) + " is in the database, but not in the migrations",
                    withFix(
                            "Declare it in a new migration, or drop it from the database:",
                            addForeignKey(table.id(), fk)),
                    addForeignKey(table.id(), fk),
                    "foreign key " + table.id().sql() + " " + fk.columns() + " "
                            + fk.target().sql(),
                    demoted);
        }
    }

    private static boolean sameReference(ModelForeignKey fk, DatabaseCatalog.ForeignKey d) {
        return columnSet(d.columns()).equals(columnSet(fk.fromColumns()))
                && d.target().equals(fk.to().id())
                && columnSet(d.targetColumns()).equals(columnSet(fk.toColumns()));
    }

    private void migrations(List<HistoryReplays> replays, List<String> applied) {
        Map<String, MigrationFile> files = new TreeMap<>();
        boolean supabase = false;
        for (HistoryReplays both : replays) {
            if (both.development().history().layout() != Layout.SUPABASE) {
                continue;
            }
            supabase = true;
            for (MigrationFile file : both.development().history().files()) {
                Matcher m = SUPABASE_VERSION.matcher(file.fileName());
                if (!file.seed() && m.matches()) {
                    files.putIfAbsent(m.group(1), file);
                }
            }
        }
        if (!supabase) {
            return; // the table is Supabase's; another tool's history is not recorded there
        }
        Set<String> appliedSet = new TreeSet<>(applied);
        for (String version : appliedSet) {
            if (!files.containsKey(version)) {
                add(
                        DriftRules.APPLIED_MIGRATION_MISSING,
                        new Location(DATABASE_PREFIX + MIGRATIONS_TABLE, 0, 0),
                        "migration " + version + " is recorded as applied in " + MIGRATIONS_TABLE
                                + ", but there is no file " + version + "_*.sql",
                        "Restore the file (supabase migration fetch), or mark the row reverted: supabase migration repair --status reverted "
                                + version,
                        "",
                        "applied " + version,
                        false);
            }
        }
        files.forEach((version, file) -> {
            if (!appliedSet.contains(version)) {
                add(
                        DriftRules.MIGRATION_NOT_APPLIED,
                        new Location(file.relativePath(), 0, 0),
                        "migration " + file.fileName() + " has no row in " + MIGRATIONS_TABLE
                                + ": it has not run on this database",
                        "Apply it (supabase db push), or, when its changes are already in the database, record it: supabase migration repair --status applied "
                                + version,
                        "",
                        "not applied " + version,
                        false);
            }
        });
    }

    private static final String NOT_APPLIED_HINT =
            "Apply the migrations to this database; if it was dropped on" + " purpose, drop it in a new migration too.";
    private static final String KEY_HINT = "Declare it in a new migration, or drop it from the database.";

    private void add(
            RuleInfo rule, Location location, String message, String hint, String fix, String object, boolean demoted) {
        Finding finding = new Finding(
                rule.id(), rule.defaultSeverity(), location, message, hint, "drift:" + object, false, fix, false);
        out.add(new Candidate(finding, location.line(), demoted));
    }

    private static String withFix(String words, String sql) {
        return words + "\n" + sql;
    }

    private static String addColumn(TableId table, String column, String type) {
        return "alter table " + table.sql() + " add column " + Identifier.sql(column) + " " + type + ";";
    }

    private static String alterType(TableId table, String column, String type) {
        return "alter table " + table.sql() + " alter column " + Identifier.sql(column) + " type " + type + ";";
    }

    private static String addForeignKey(TableId table, DatabaseCatalog.ForeignKey fk) {
        return "alter table " + table.sql() + " add constraint " + Identifier.sql(fk.name()) + " foreign key "
                + columnList(fk.columns()) + " references " + fk.target().sql() + " " + columnList(fk.targetColumns())
                + ";";
    }

    private static String repoint(TableId table, DatabaseCatalog.ForeignKey fk) {
        return "alter table " + table.sql() + " drop constraint " + Identifier.sql(fk.name()) + ";\n"
                + addForeignKey(table, fk);
    }

    /** The pseudo-location of an object only the database has (class comment, "Where a finding is"). */
    static Location inDatabase(TableId table, String column) {
        String name = table.sql() + (column == null ? "" : "." + Identifier.sql(column));
        return new Location(DATABASE_PREFIX + name, 0, 0);
    }

    private static Location createdAt(ModelTable table) {
        int line = table.createdAt() == null ? 0 : table.createdAt().line();
        int column = table.createdAt() == null ? 0 : table.createdAt().column();
        return new Location(table.createdBy().relativePath(), line, column);
    }

    private static Location declaredAt(ModelForeignKey fk) {
        return new Location(
                fk.file().relativePath(), fk.position().line(), fk.position().column());
    }

    private static Set<String> columnSet(Collection<String> columns) {
        return new TreeSet<>(columns);
    }

    private static String columnList(Collection<String> columns) {
        return "(" + String.join(", ", columns.stream().map(Identifier::sql).toList()) + ")";
    }
}
