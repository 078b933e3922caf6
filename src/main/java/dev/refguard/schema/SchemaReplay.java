package dev.refguard.schema;

import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.ForeignKeySpec;
import dev.refguard.parse.Identifier;
import dev.refguard.parse.KeySpec;
import dev.refguard.parse.ParseOutcome;
import dev.refguard.parse.ParsedFile;
import dev.refguard.parse.ParsedStatement;
import dev.refguard.parse.QualifiedName;
import dev.refguard.parse.SchemaChange;
import dev.refguard.parse.SchemaChange.AddColumn;
import dev.refguard.parse.SchemaChange.AddForeignKey;
import dev.refguard.parse.SchemaChange.AddKey;
import dev.refguard.parse.SchemaChange.AlterAction;
import dev.refguard.parse.SchemaChange.AlterColumnDefault;
import dev.refguard.parse.SchemaChange.AlterColumnType;
import dev.refguard.parse.SchemaChange.AlterTable;
import dev.refguard.parse.SchemaChange.CreateTable;
import dev.refguard.parse.SchemaChange.DropColumn;
import dev.refguard.parse.SchemaChange.DropConstraint;
import dev.refguard.parse.SchemaChange.RenameColumn;
import dev.refguard.parse.SchemaChange.RenameConstraint;
import dev.refguard.parse.SchemaChange.RenameTable;
import dev.refguard.parse.SchemaChange.SetSchema;
import dev.refguard.parse.SourcePosition;
import dev.refguard.schema.ReplayEvent.MissingColumn;
import dev.refguard.schema.ReplayEvent.Resolution;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.ReplayEvent.TypeCheck;
import dev.refguard.schema.block.BlockHost;
import dev.refguard.schema.block.BlockRunner;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.split.SplitProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays the parsed files of one history, in order, into a model of tables, keys and foreign keys,
 * following PostgreSQL's semantics (SPEC §5), and records what it saw as {@link ReplayEvent}s.
 *
 * <p>Where PostgreSQL would reject a clause (an FK to a missing table, a duplicate CREATE TABLE), the
 * replay records the event and goes on as if that clause were absent, so one broken statement does not
 * bury the rest of the history under follow-on findings.
 */
public final class SchemaReplay {
    private static final List<String> DEFAULT_SEARCH_PATH = List.of("public");

    private final MigrationHistory history;
    private final ModelOptions options;
    private final Map<TableId, ModelTable> tables = new HashMap<>();
    private final List<ModelForeignKey> foreignKeys = new ArrayList<>();
    private final Map<String, IndexInfo> uniqueIndexes = new HashMap<>();
    private final ConstraintNames constraintNames = new ConstraintNames();
    private final Map<TableId, List<Creator>> creators;
    private final List<ReplayEvent> events = new ArrayList<>();
    private final Set<TableId> touchedByUnreadable = new HashSet<>();
    private boolean unreadableWithoutTables;
    private final CatalogObjects objects;
    /** Whether the statement being replayed sits under a DO block's guard that could not be evaluated. */
    private boolean uncertain;

    private List<String> searchPath = DEFAULT_SEARCH_PATH;
    private int fileIndex;
    private MigrationFile file;
    private ParsedStatement statement;

    private record Creator(int fileIndex, int line, MigrationFile file) {}

    private record IndexInfo(ModelTable table, List<String> columns) {}

    private SchemaReplay(MigrationHistory history, List<ParsedFile> files, ModelOptions options) {
        this.history = history;
        this.options = options;
        this.creators = collectCreators(files);
        this.objects = new CatalogObjects(options.managedSchemas());
    }

    /** Replays {@code files} (the parsed files of {@code history}, in order). */
    public static ReplayResult replay(MigrationHistory history, List<ParsedFile> files, ModelOptions options) {
        SchemaReplay replay = new SchemaReplay(history, files, options);
        for (int i = 0; i < files.size(); i++) {
            replay.replayFile(i, files.get(i));
        }
        List<ModelTable> finalTables = new ArrayList<>(replay.tables.values());
        finalTables.sort(Comparator.comparing(ModelTable::id));
        return new ReplayResult(history, files, replay.events, finalTables, replay.foreignKeys);
    }

    // ---------------------------------------------------------------- files and statements

    private void replayFile(int index, ParsedFile parsed) {
        fileIndex = index;
        file = parsed.file();
        // each migration runs in its own session, so a SET search_path does not outlive its file
        searchPath = DEFAULT_SEARCH_PATH;
        for (SplitProblem problem : parsed.problems()) {
            SourcePosition pos = new SourcePosition(problem.line(), problem.column());
            events.add(new ReplayEvent.FileProblem(new StatementRef(file, pos, problem.line(), ""), problem));
        }
        for (ParsedStatement st : parsed.statements()) {
            statement = st;
            if (st.outcome() == ParseOutcome.UNREADABLE) {
                markUnreadable(st);
                continue;
            }
            for (SchemaChange change : st.changes()) {
                apply(change);
            }
        }
    }

    private StatementRef ref(SourcePosition position) {
        SourcePosition pos = position != null ? position : new SourcePosition(statement.line(), statement.column());
        return new StatementRef(file, pos, statement.line(), statement.fingerprint(), uncertain);
    }

    private void markUnreadable(ParsedStatement st) {
        List<TableId> touched = new ArrayList<>();
        for (QualifiedName name : st.touchedTables()) {
            ModelTable table = find(name);
            TableId id = table != null ? table.id : wanted(name);
            touched.add(id);
            touchedByUnreadable.add(id);
            if (table != null) {
                table.incomplete = true;
            }
        }
        if (touched.isEmpty()) {
            unreadableWithoutTables = true;
        }
        SourcePosition pos = new SourcePosition(st.line(), st.column());
        events.add(new ReplayEvent.StatementUnreadable(ref(pos), st.problem(), touched));
    }

    private void apply(SchemaChange change) {
        objects.observe(change, this::wanted, name -> {
            ModelTable table = find(name);
            return table == null ? null : table.id;
        });
        // Java 17 has no pattern switch; the order follows SchemaChange's declaration
        if (change instanceof SchemaChange.DoBlock block) {
            BlockRunner.run(block.body(), new Host());
        } else if (change instanceof CreateTable c) {
            createTable(c);
        } else if (change instanceof AlterTable a) {
            alterTable(a);
        } else if (change instanceof SchemaChange.DropTable d) {
            dropTable(d);
        } else if (change instanceof SchemaChange.CreateIndex i) {
            createIndex(i);
        } else if (change instanceof SchemaChange.DropSchema d) {
            dropSchema(d);
        } else if (change instanceof SchemaChange.SetSearchPath s) {
            setSearchPath(s);
        } else if (change instanceof SchemaChange.Truncate t) {
            destructive("TRUNCATE", t.tables(), t.cascade(), t.position());
        } else if (change instanceof SchemaChange.DeleteAll d) {
            destructive("DELETE without WHERE", List.of(d.table()), false, d.position());
        }
        // CREATE SCHEMA is implicit in table ids; triggers and functions matter to a later rule
    }

    // ---------------------------------------------------------------- name resolution

    private static String fold(Identifier identifier) {
        return identifier.folded();
    }

    /** The id a name resolves to for creation, or when nothing of that name exists. */
    private TableId wanted(QualifiedName name) {
        String schema = name.schema() != null ? fold(name.schema()) : searchPath.get(0);
        return new TableId(schema, fold(name.name()));
    }

    /**
     * The table a name refers to now: qualified names directly, unqualified ones through the search
     * path; platform, external and shared tables are materialised on first reference.
     */
    private ModelTable find(QualifiedName name) {
        String table = fold(name.name());
        List<String> schemas = name.schema() != null ? List.of(fold(name.schema())) : searchPath;
        for (String schema : schemas) {
            ModelTable found = tables.get(new TableId(schema, table));
            if (found != null) {
                return found;
            }
        }
        for (String schema : schemas) {
            ModelTable placeholder = preexisting(new TableId(schema, table));
            if (placeholder != null) {
                return placeholder;
            }
        }
        return null;
    }

    private ModelTable preexisting(TableId id) {
        TableOrigin origin;
        if (options.sharedTables().contains(id)) {
            origin = TableOrigin.SHARED;
        } else if (options.externalTables().contains(id)) {
            origin = TableOrigin.EXTERNAL;
        } else if (options.managedSchemas().contains(id.schema()) && PlatformTables.exists(id)) {
            // the platform's schemas it describes completely hold only its tables (auth.user is missing)
            origin = TableOrigin.MANAGED;
        } else {
            return null;
        }
        ModelTable table = new ModelTable(id, origin, null, null, false);
        PlatformTables.Known known = PlatformTables.lookup(id);
        if (known != null) {
            known.columnTypes().forEach((col, type) -> table.columns.put(col, column(col, type, null)));
            table.primaryKey.addAll(known.primaryKey());
            table.primaryKeyName = known.primaryKeyName();
            // a partial unique index (auth.users' email) is no key an FK may reference, so it is not here
            table.uniqueKeys.putAll(known.uniqueKeys());
            table.columnsKnown = true;
        }
        tables.put(id, table);
        return table;
    }

    private ModelTable caseVariant(TableId id) {
        return tables.values().stream()
                .filter(t -> !t.id.equals(id) && t.id.caseKey().equals(id.caseKey()))
                .min(Comparator.comparing(ModelTable::id))
                .orElse(null);
    }

    /** The first statement after the current one that creates {@code id}: in a later file, or further down this one. */
    private Creator laterCreator(TableId id) {
        return creators.getOrDefault(id, List.of()).stream()
                .filter(c -> c.fileIndex() > fileIndex || (c.fileIndex() == fileIndex && c.line() > statement.line()))
                .findFirst()
                .orElse(null);
    }

    private static MigrationFile fileOf(Creator creator) {
        return creator == null ? null : creator.file();
    }

    private static int lineOf(Creator creator) {
        return creator == null ? 0 : creator.line();
    }

    private List<MigrationFile> creatorsOf(TableId id) {
        return creators.getOrDefault(id, List.of()).stream()
                .map(Creator::file)
                .distinct()
                .toList();
    }

    private boolean mayBeUnknown(TableId id) {
        return unreadableWithoutTables || touchedByUnreadable.contains(id);
    }

    /** A first pass: which files create (or rename into existence) which table names. */
    private static Map<TableId, List<Creator>> collectCreators(List<ParsedFile> files) {
        Map<TableId, List<Creator>> result = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            ParsedFile parsed = files.get(i);
            List<String> path = DEFAULT_SEARCH_PATH;
            for (ParsedStatement st : parsed.statements()) {
                for (SchemaChange change : st.changes()) {
                    if (change instanceof SchemaChange.SetSearchPath s
                            && !s.schemas().isEmpty()) {
                        path = s.schemas().stream().map(Identifier::folded).toList();
                    } else if (change instanceof CreateTable c) {
                        add(result, idFor(c.table(), path), i, st.line(), parsed.file());
                    } else if (change instanceof AlterTable a) {
                        TableId old = idFor(a.table(), path);
                        for (AlterAction action : a.actions()) {
                            if (action instanceof RenameTable r) {
                                add(
                                        result,
                                        new TableId(old.schema(), r.newName().folded()),
                                        i,
                                        st.line(),
                                        parsed.file());
                            } else if (action instanceof SetSchema s) {
                                add(result, new TableId(s.schema().folded(), old.name()), i, st.line(), parsed.file());
                            }
                        }
                    }
                }
            }
        }
        return result;
    }

    private static TableId idFor(QualifiedName name, List<String> path) {
        String schema = name.schema() != null ? name.schema().folded() : path.get(0);
        return new TableId(schema, name.name().folded());
    }

    private static void add(Map<TableId, List<Creator>> map, TableId id, int index, int line, MigrationFile file) {
        map.computeIfAbsent(id, k -> new ArrayList<>()).add(new Creator(index, line, file));
    }

    // ---------------------------------------------------------------- CREATE TABLE

    private static ModelColumn column(String name, String writtenType, String defaultExpression) {
        return new ModelColumn(name, writtenType, SqlTypes.normalize(writtenType), defaultExpression);
    }

    private void createTable(CreateTable c) {
        TableId id = wanted(c.table());
        ModelTable existing = tables.get(id);
        if (existing == null) {
            existing = preexisting(id);
        }
        events.add(new ReplayEvent.TableCreated(
                ref(c.position()), c, id, existing, existing == null ? List.of() : existing.columns()));
        if (existing != null) {
            boolean replacePlaceholder =
                    existing.origin.preexisting() && !(c.ifNotExists() && existing.origin == TableOrigin.MANAGED);
            if (!replacePlaceholder) {
                // IF NOT EXISTS: PostgreSQL skips the whole statement, FKs included; plain CREATE fails
                return;
            }
            tables.remove(id);
        }
        TableOrigin origin = file.seed() ? TableOrigin.SEED : TableOrigin.MIGRATION;
        ModelTable table = new ModelTable(id, origin, file, c.position(), c.columnsKnown());
        if (c.likeOrParent() != null) {
            ModelTable parent = find(c.likeOrParent());
            if (parent != null) {
                parent.columns.forEach(table.columns::put);
                table.columnsKnown &= parent.columnsKnown;
            } else {
                table.columnsKnown = false;
            }
        }
        for (ColumnSpec spec : c.columns()) {
            String name = fold(spec.name());
            table.columns.putIfAbsent(name, column(name, spec.type(), spec.defaultExpression()));
        }
        tables.put(id, table);
        for (ColumnSpec spec : c.columns()) {
            String name = fold(spec.name());
            // a reader may give an inline key both as a column flag and as a KeySpec (with its name)
            if (spec.primaryKey() && !declaresKey(c, name, true)) {
                setPrimaryKey(table, null, List.of(name));
            }
            if (spec.unique() && !declaresKey(c, name, false)) {
                addUnique(table, null, List.of(name));
            }
        }
        for (KeySpec key : c.keys()) {
            addKey(table, key);
        }
        for (ForeignKeySpec fk : c.foreignKeys()) {
            declareForeignKey(table, fk);
        }
    }

    private static boolean declaresKey(CreateTable c, String column, boolean primary) {
        return c.keys().stream()
                .anyMatch(k -> k.primary() == primary
                        && k.columns().size() == 1
                        && k.columns().get(0).folded().equals(column));
    }

    private void addKey(ModelTable table, KeySpec key) {
        List<String> cols = key.columns().stream().map(Identifier::folded).toList();
        String name = key.constraintName() == null ? null : key.constraintName().folded();
        if (key.primary()) {
            setPrimaryKey(table, name, cols);
        } else {
            addUnique(table, name, cols);
        }
    }

    private void setPrimaryKey(ModelTable table, String name, List<String> cols) {
        if (!table.primaryKey.isEmpty()) {
            return; // PostgreSQL rejects a second primary key
        }
        table.primaryKey.addAll(cols);
        if (name == null) {
            name = constraintNames.choose(table.id.schema(), table.id.name(), List.of(), "pkey");
        } else {
            constraintNames.use(table.id.schema(), name);
        }
        table.primaryKeyName = name;
    }

    private void addUnique(ModelTable table, String name, List<String> cols) {
        if (name == null) {
            name = constraintNames.choose(table.id.schema(), table.id.name(), cols, "key");
        } else {
            constraintNames.use(table.id.schema(), name);
        }
        table.uniqueKeys.put(name, List.copyOf(cols));
    }

    // ---------------------------------------------------------------- foreign keys

    private List<String> typesOf(ModelTable table, List<String> columns) {
        List<String> types = new ArrayList<>();
        for (String col : columns) {
            ModelColumn column = table == null ? null : table.columns.get(col);
            types.add(column == null ? null : column.type());
        }
        return types;
    }

    private List<MissingColumn> missingColumns(ModelTable table, List<Identifier> written) {
        List<MissingColumn> missing = new ArrayList<>();
        if (table == null || !table.columnsKnown || table.incomplete) {
            return missing;
        }
        for (Identifier id : written) {
            String folded = id.folded();
            if (!table.columns.containsKey(folded)) {
                String variant = table.columns.keySet().stream()
                        .filter(c -> c.equalsIgnoreCase(folded))
                        .findFirst()
                        .orElse(null);
                missing.add(new MissingColumn(table, id, variant));
            }
        }
        return missing;
    }

    private void declareForeignKey(ModelTable source, ForeignKeySpec spec) {
        List<String> sourceColumns =
                spec.columns().stream().map(Identifier::folded).toList();
        ModelTable target = find(spec.target());
        TableId wantedTarget = target != null ? target.id : wanted(spec.target());
        StatementRef at = ref(spec.targetPosition() != null ? spec.targetPosition() : spec.position());
        List<MissingColumn> missing = new ArrayList<>(missingColumns(source, spec.columns()));
        if (target == null) {
            Creator later = laterCreator(wantedTarget);
            events.add(new ReplayEvent.ForeignKeyDeclared(
                    at,
                    source,
                    spec,
                    Resolution.MISSING_TABLE,
                    null,
                    wantedTarget,
                    spec.targetColumns().stream().map(Identifier::folded).toList(),
                    fileOf(later),
                    lineOf(later),
                    creatorsOf(wantedTarget),
                    caseVariant(wantedTarget),
                    missing,
                    typesOf(source, sourceColumns),
                    List.of(),
                    null,
                    null,
                    source.incomplete || mayBeUnknown(wantedTarget)));
            return;
        }
        List<String> targetColumns;
        Boolean unique;
        if (spec.targetColumns().isEmpty()) {
            // REFERENCES t without columns means t's primary key, whatever its name and type
            targetColumns = List.copyOf(target.primaryKey);
            boolean keyKnown = !targetColumns.isEmpty() || (target.columnsKnown && !target.incomplete);
            unique = keyKnown ? !targetColumns.isEmpty() : null;
        } else {
            targetColumns =
                    spec.targetColumns().stream().map(Identifier::folded).toList();
            List<MissingColumn> missingTarget = missingColumns(target, spec.targetColumns());
            missing.addAll(missingTarget);
            // a key over a column that does not exist is a missing column, not a missing key
            boolean keysKnown = target.columnsKnown && !target.incomplete && missingTarget.isEmpty();
            unique = target.isUniqueKey(targetColumns) ? Boolean.TRUE : keysKnown ? Boolean.FALSE : null;
        }
        List<String> sourceTypes = typesOf(source, sourceColumns);
        List<String> targetTypes = typesOf(target, targetColumns);
        boolean incompatible = false;
        for (int i = 0; i < Math.min(sourceTypes.size(), targetTypes.size()); i++) {
            incompatible |= SqlTypes.fit(sourceTypes.get(i), targetTypes.get(i)) == SqlTypes.Fit.INCOMPATIBLE;
        }
        boolean arity = targetColumns.isEmpty() || targetColumns.size() == sourceColumns.size();
        // a name the table already uses makes PostgreSQL reject the ADD (a guarded DO block skips it)
        boolean nameTaken = spec.constraintName() != null
                && hasConstraint(source, spec.constraintName().folded());
        ModelForeignKey added = null;
        if (missing.isEmpty() && !incompatible && !Boolean.FALSE.equals(unique) && arity && !nameTaken) {
            String name = spec.constraintName() != null
                    ? spec.constraintName().folded()
                    : constraintNames.choose(source.id.schema(), source.id.name(), sourceColumns, "fkey");
            if (spec.constraintName() != null) {
                constraintNames.use(source.id.schema(), name);
            }
            added = new ModelForeignKey(
                    name,
                    source,
                    sourceColumns,
                    target,
                    targetColumns,
                    spec,
                    file,
                    statement.fingerprint(),
                    statement.line());
            source.foreignKeys.add(added);
            foreignKeys.add(added);
        }
        events.add(new ReplayEvent.ForeignKeyDeclared(
                at,
                source,
                spec,
                Resolution.RESOLVED,
                target,
                wantedTarget,
                targetColumns,
                null,
                0,
                creatorsOf(wantedTarget),
                null,
                missing,
                sourceTypes,
                targetTypes,
                unique,
                added,
                source.incomplete || target.incomplete));
    }

    private static boolean hasConstraint(ModelTable table, String name) {
        return name.equals(table.primaryKeyName)
                || table.uniqueKeys.containsKey(name)
                || table.foreignKeys.stream().anyMatch(fk -> fk.name.equals(name));
    }

    private void removeForeignKey(ModelForeignKey fk) {
        fk.from.foreignKeys.remove(fk);
        foreignKeys.remove(fk);
        constraintNames.release(fk.from.id.schema(), fk.name);
    }

    private List<ModelForeignKey> inbound(ModelTable table) {
        return foreignKeys.stream()
                .filter(fk -> fk.to == table && fk.from != table)
                .toList();
    }

    // ---------------------------------------------------------------- ALTER TABLE

    private void alterTable(AlterTable a) {
        ModelTable table = find(a.table());
        if (table == null) {
            if (!a.ifExists()) {
                TableId id = wanted(a.table());
                Creator later = laterCreator(id);
                events.add(new ReplayEvent.TableNotFound(
                        ref(a.position()),
                        a.table(),
                        id,
                        fileOf(later),
                        lineOf(later),
                        caseVariant(id),
                        mayBeUnknown(id)));
            }
            return;
        }
        for (AlterAction action : a.actions()) {
            applyAction(table, action);
        }
    }

    private void applyAction(ModelTable table, AlterAction action) {
        if (action instanceof AddColumn add) {
            addColumn(table, add);
        } else if (action instanceof DropColumn drop) {
            dropColumn(table, drop);
        } else if (action instanceof AddForeignKey add) {
            declareForeignKey(table, add.foreignKey());
        } else if (action instanceof AddKey add) {
            addKeyAction(table, add);
        } else if (action instanceof DropConstraint drop) {
            dropConstraint(table, drop.name().folded());
        } else if (action instanceof RenameTable rename) {
            move(table, new TableId(table.id.schema(), rename.newName().folded()));
        } else if (action instanceof SetSchema set) {
            move(table, new TableId(set.schema().folded(), table.id.name()));
        } else if (action instanceof RenameColumn rename) {
            renameColumn(table, rename.from().folded(), rename.to().folded());
        } else if (action instanceof RenameConstraint rename) {
            renameConstraint(table, rename.from().folded(), rename.to().folded());
        } else if (action instanceof AlterColumnType type) {
            alterColumnType(table, type);
        } else if (action instanceof AlterColumnDefault def) {
            String col = def.column().folded();
            ModelColumn column = table.columns.get(col);
            if (column != null) {
                table.columns.put(col, column.withDefault(def.defaultExpression()));
            }
        }
    }

    private void addColumn(ModelTable table, AddColumn add) {
        ColumnSpec spec = add.column();
        String name = spec.name().folded();
        if (table.columns.containsKey(name)) {
            // IF NOT EXISTS skips the column and its constraints; without it PostgreSQL fails
            return;
        }
        table.columns.put(name, column(name, spec.type(), spec.defaultExpression()));
        if (spec.primaryKey()) {
            setPrimaryKey(table, null, List.of(name));
        }
        if (spec.unique()) {
            addUnique(table, null, List.of(name));
        }
        if (add.foreignKey() != null) {
            ForeignKeySpec fk = add.foreignKey();
            if (fk.columns().isEmpty()) {
                fk = new ForeignKeySpec(
                        fk.constraintName(),
                        List.of(spec.name()),
                        fk.target(),
                        fk.targetColumns(),
                        fk.onDelete(),
                        fk.onUpdate(),
                        fk.position(),
                        fk.targetPosition());
            }
            declareForeignKey(table, fk);
        }
    }

    private void dropColumn(ModelTable table, DropColumn drop) {
        String col = drop.column().folded();
        if (!table.columns.containsKey(col)) {
            return;
        }
        List<ModelForeignKey> inboundOnColumn =
                inbound(table).stream().filter(fk -> fk.toColumns.contains(col)).toList();
        if (!inboundOnColumn.isEmpty() && !drop.cascade()) {
            return; // PostgreSQL: other objects depend on it
        }
        inboundOnColumn.forEach(this::removeForeignKey);
        table.foreignKeys.stream()
                .filter(fk -> fk.fromColumns.contains(col))
                .toList()
                .forEach(this::removeForeignKey);
        table.columns.remove(col);
        if (table.primaryKey.contains(col)) {
            table.primaryKey.clear();
        }
        table.uniqueKeys.values().removeIf(k -> k.contains(col));
    }

    private void addKeyAction(ModelTable table, AddKey add) {
        KeySpec key = add.key();
        if (add.usingIndex() != null) {
            IndexInfo index =
                    uniqueIndexes.get(table.id.schema() + "." + add.usingIndex().folded());
            if (index == null) {
                return;
            }
            // PostgreSQL renames the index to the constraint's name
            String name = key.constraintName() == null
                    ? add.usingIndex().folded()
                    : key.constraintName().folded();
            if (key.primary()) {
                setPrimaryKey(table, name, index.columns());
            } else {
                addUnique(table, name, index.columns());
            }
            return;
        }
        addKey(table, key);
    }

    private void dropConstraint(ModelTable table, String name) {
        for (ModelForeignKey fk : List.copyOf(table.foreignKeys)) {
            if (fk.name.equals(name)) {
                removeForeignKey(fk);
                return;
            }
        }
        if (name.equals(table.primaryKeyName)) {
            table.primaryKey.clear();
            table.primaryKeyName = null;
            constraintNames.release(table.id.schema(), name);
            return;
        }
        if (table.uniqueKeys.remove(name) != null) {
            constraintNames.release(table.id.schema(), name);
        }
    }

    private void renameConstraint(ModelTable table, String from, String to) {
        for (ModelForeignKey fk : table.foreignKeys) {
            if (fk.name.equals(from)) {
                constraintNames.release(table.id.schema(), from);
                constraintNames.use(table.id.schema(), to);
                fk.name = to;
                return;
            }
        }
        if (from.equals(table.primaryKeyName)) {
            table.primaryKeyName = to;
        } else if (table.uniqueKeys.containsKey(from)) {
            table.uniqueKeys.put(to, table.uniqueKeys.remove(from));
        }
    }

    /** RENAME TO and SET SCHEMA: FKs point at the table object, so they follow it. */
    private void move(ModelTable table, TableId newId) {
        if (tables.containsKey(newId) && tables.get(newId) != table) {
            return; // PostgreSQL: relation already exists
        }
        tables.remove(table.id);
        table.id = newId;
        tables.put(newId, table);
    }

    private void renameColumn(ModelTable table, String from, String to) {
        if (!table.columns.containsKey(from) || table.columns.containsKey(to)) {
            return;
        }
        Map<String, ModelColumn> renamed = new LinkedHashMap<>();
        table.columns.forEach(
                (name, col) -> renamed.put(name.equals(from) ? to : name, name.equals(from) ? col.withName(to) : col));
        table.columns.clear();
        table.columns.putAll(renamed);
        table.primaryKey.replaceAll(c -> c.equals(from) ? to : c);
        table.uniqueKeys.replaceAll(
                (n, cols) -> cols.stream().map(c -> c.equals(from) ? to : c).toList());
        for (ModelForeignKey fk : foreignKeys) {
            if (fk.from == table) {
                fk.fromColumns.replaceAll(c -> c.equals(from) ? to : c);
            }
            if (fk.to == table) {
                fk.toColumns.replaceAll(c -> c.equals(from) ? to : c);
            }
        }
    }

    private void alterColumnType(ModelTable table, AlterColumnType change) {
        String col = change.column().folded();
        ModelColumn column = table.columns.get(col);
        if (column == null) {
            return;
        }
        table.columns.put(col, column.withType(change.type()));
        // PostgreSQL re-checks the FKs in force on either side; dropped ones are not checked
        List<TypeCheck> checks = new ArrayList<>();
        for (ModelForeignKey fk : foreignKeys) {
            boolean involved = (fk.from == table && fk.fromColumns.contains(col))
                    || (fk.to == table && fk.toColumns.contains(col));
            if (involved) {
                checks.add(new TypeCheck(fk, typesOf(fk.from, fk.fromColumns), typesOf(fk.to, fk.toColumns)));
            }
        }
        if (!checks.isEmpty()) {
            events.add(new ReplayEvent.ColumnTypeChanged(ref(change.position()), table, col, checks));
        }
    }

    // ---------------------------------------------------------------- DROP, indexes, schemas

    private void dropTable(SchemaChange.DropTable drop) {
        List<ModelTable> dropped = new ArrayList<>();
        for (QualifiedName name : drop.tables()) {
            ModelTable table = find(name);
            if (table != null) {
                dropped.add(table);
            }
        }
        List<ModelForeignKey> removed = new ArrayList<>();
        for (ModelTable table : dropped) {
            List<ModelForeignKey> in = inbound(table).stream()
                    .filter(fk -> !dropped.contains(fk.from))
                    .toList();
            if (!in.isEmpty() && !drop.cascade()) {
                events.add(new ReplayEvent.Destructive(ref(drop.position()), "DROP TABLE", dropped, false, List.of()));
                return; // PostgreSQL: other objects depend on it; nothing is dropped
            }
            removed.addAll(in);
        }
        events.add(new ReplayEvent.Destructive(ref(drop.position()), "DROP TABLE", dropped, drop.cascade(), removed));
        removed.forEach(this::removeForeignKey);
        for (ModelTable table : dropped) {
            List.copyOf(table.foreignKeys).forEach(this::removeForeignKey);
            tables.remove(table.id);
            uniqueIndexes.values().removeIf(i -> i.table() == table);
        }
    }

    private void dropSchema(SchemaChange.DropSchema drop) {
        Set<String> names = new HashSet<>();
        drop.schemas().forEach(s -> names.add(s.folded()));
        List<ModelTable> inSchema = tables.values().stream()
                .filter(t -> names.contains(t.id.schema()))
                .sorted(Comparator.comparing(ModelTable::id))
                .toList();
        List<ModelForeignKey> removed = foreignKeys.stream()
                .filter(fk -> inSchema.contains(fk.to) && !inSchema.contains(fk.from))
                .toList();
        events.add(new ReplayEvent.Destructive(ref(drop.position()), "DROP SCHEMA", inSchema, drop.cascade(), removed));
        if (!drop.cascade() && !inSchema.isEmpty()) {
            return;
        }
        removed.forEach(this::removeForeignKey);
        for (ModelTable table : inSchema) {
            List.copyOf(table.foreignKeys).forEach(this::removeForeignKey);
            tables.remove(table.id);
        }
    }

    private void createIndex(SchemaChange.CreateIndex index) {
        if (!index.unique() || index.columns().isEmpty()) {
            return;
        }
        ModelTable table = find(index.table());
        if (table == null) {
            return;
        }
        List<String> cols = index.columns().stream().map(Identifier::folded).toList();
        String name = index.name() != null
                ? index.name().folded()
                : constraintNames.choose(table.id.schema(), table.id.name(), cols, "idx");
        // a unique index makes its columns a valid FK target, like a UNIQUE constraint
        table.uniqueKeys.put(name, cols);
        uniqueIndexes.put(table.id.schema() + "." + name, new IndexInfo(table, cols));
    }

    private void setSearchPath(SchemaChange.SetSearchPath set) {
        List<String> schemas = set.schemas().stream()
                .map(Identifier::folded)
                .filter(s -> !s.equals("$user") && !s.isEmpty())
                .toList();
        // an empty search_path (pg_dump's set_config('search_path', '', false)) means every name is qualified
        searchPath = schemas.isEmpty() ? DEFAULT_SEARCH_PATH : schemas;
    }

    private void destructive(String what, List<QualifiedName> names, boolean cascade, SourcePosition position) {
        List<ModelTable> touched = new ArrayList<>();
        for (QualifiedName name : names) {
            ModelTable table = find(name);
            if (table != null) {
                touched.add(table);
            }
        }
        events.add(new ReplayEvent.Destructive(ref(position), what, touched, cascade, List.of()));
    }

    // ---------------------------------------------------------------- DO blocks

    /** What a DO block's runner does to this replay (docs/replay-guards.md). */
    private final class Host implements BlockHost {
        @Override
        public CatalogView catalog() {
            return new ModelCatalog(
                    tables,
                    uniqueIndexes.keySet(),
                    objects,
                    () -> searchPath,
                    options,
                    () -> !unreadableWithoutTables,
                    touchedByUnreadable);
        }

        @Override
        public Optional<SqlState> run(ParsedStatement inner, boolean underUnknownGuard) {
            ParsedStatement outer = statement;
            boolean wasUncertain = uncertain;
            statement = inner;
            uncertain = wasUncertain || underUnknownGuard;
            int before = events.size();
            try {
                if (inner.outcome() == ParseOutcome.UNREADABLE) {
                    markUnreadable(inner);
                    return Optional.empty();
                }
                for (SchemaChange change : inner.changes()) {
                    apply(change);
                }
                return StatementErrors.of(events.subList(before, events.size()));
            } finally {
                statement = outer;
                uncertain = wasUncertain;
            }
        }

        private record Mark(ReplaySnapshot snapshot) implements Savepoint {}

        @Override
        public Savepoint savepoint() {
            return new Mark(new ReplaySnapshot(
                    tables, foreignKeys, uniqueIndexes, constraintNames, objects, touchedByUnreadable, events.size()));
        }

        @Override
        public void rollbackTo(Savepoint savepoint) {
            ReplaySnapshot snapshot = ((Mark) savepoint).snapshot();
            snapshot.restore(tables, foreignKeys, uniqueIndexes, constraintNames, objects, touchedByUnreadable);
            // what the block did, its error included, never happened: the handler caught it
            events.subList(snapshot.eventCount, events.size()).clear();
        }

        @Override
        public void release(Savepoint savepoint) {
            // nothing to undo: the changes stay
        }

        @Override
        public void dynamicSql(SourcePosition at, boolean mayCreateTables) {
            if (mayCreateTables) {
                // tables the model cannot see may exist from here on: a missing one is at most a warning
                unreadableWithoutTables = true;
            }
        }
    }

    /** The history this replay belongs to. */
    MigrationHistory history() {
        return history;
    }
}
