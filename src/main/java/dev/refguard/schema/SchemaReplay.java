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
import dev.refguard.schema.ReplayEvent.DestructiveKind;
import dev.refguard.schema.ReplayEvent.MissingColumn;
import dev.refguard.schema.ReplayEvent.Place;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.ReplayEvent.TypeCheck;
import dev.refguard.schema.block.BlockHost;
import dev.refguard.schema.block.BlockRunner;
import dev.refguard.source.Dialect;
import dev.refguard.source.MigrationFile;
import dev.refguard.source.MigrationHistory;
import dev.refguard.split.Blanks;
import dev.refguard.split.SplitProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays the parsed files of one history, in order, into a model of tables, keys and foreign keys,
 * following PostgreSQL's semantics (docs/replay.md), and records what it saw as {@link ReplayEvent}s.
 *
 * <p>Where PostgreSQL would reject a clause (an FK to a missing table, a duplicate CREATE TABLE), the
 * replay records the event and goes on as if that clause were absent, so one broken statement does not
 * bury the rest of the history under follow-on findings.
 */
public final class SchemaReplay {
    private static final List<String> DEFAULT_SEARCH_PATH = List.of("public");

    private final MigrationHistory history;
    private final ModelOptions options;
    /** MySQL's FOREIGN_KEY_CHECKS of the session. */
    private boolean foreignKeyChecks = true;

    private final List<PendingKey> pendingKeys = new ArrayList<>();
    private final CowCollections.CowMap<TableId, ModelTable> tables = new CowCollections.CowMap<>();
    private final CowCollections.CowList<ModelForeignKey> foreignKeys = new CowCollections.CowList<>();
    private final Indexes indexes = new Indexes();
    private final ConstraintNames constraintNames = new ConstraintNames();
    private final CowCollections.CowSet<String> schemas = new CowCollections.CowSet<>();
    private final SearchPath searchPath = new SearchPath();
    private final TypeCatalog typeCatalog = new TypeCatalog();
    private final ModelSnapshot.Live live;
    private final TransactionBlock transaction;
    private final Statements statements;
    private final Map<TableId, List<Creator>> creators;
    private final List<ReplayEvent> events = new ArrayList<>();
    private final Set<TableId> touchedByUnreadable = new HashSet<>();
    private final TableStories stories = new TableStories();
    private boolean unreadableWithoutTables;
    private final CatalogObjects objects;
    /** Whether the statement being replayed sits under a DO block's guard that could not be evaluated. */
    private boolean uncertain;

    private int fileIndex;
    private MigrationFile file;
    private ParsedStatement statement;

    private record Creator(int fileIndex, int line, MigrationFile file) {}

    private SchemaReplay(MigrationHistory history, List<ParsedFile> files, ModelOptions options) {
        this.history = history;
        this.options = options;
        this.creators = collectCreators(files);
        this.live =
                new ModelSnapshot.Live(tables, foreignKeys, indexes, constraintNames, schemas, searchPath, typeCatalog);
        this.transaction = new TransactionBlock(() -> ModelSnapshot.of(live));
        this.statements = new Statements(events);
        schemas.addAll(Schemas.initial(options));
        this.objects = new CatalogObjects(options.managedSchemas());
    }

    /** Replays {@code files} (the parsed files of {@code history}, in order). */
    public static ReplayResult replay(MigrationHistory history, List<ParsedFile> files, ModelOptions options) {
        SchemaReplay replay = new SchemaReplay(history, files, options);
        for (int i = 0; i < files.size(); i++) {
            replay.replayFile(i, files.get(i));
        }
        List<ModelTable> finalTables = new ArrayList<>(replay.tables.values());
        finalTables.removeIf(t -> t.id.schema().equals(Schemas.TEMP));
        finalTables.sort(Comparator.comparing(ModelTable::id));
        return new ReplayResult(history, files, replay.events, finalTables, replay.foreignKeys, options.dialect());
    }

    // ---------------------------------------------------------------- files and statements

    private void replayFile(int index, ParsedFile parsed) {
        fileIndex = index;
        file = parsed.file();
        // each migration runs in its own session (docs/replay.md, "Sessions"): a SET search_path, an open
        // transaction and temporary tables do not outlive its file
        searchPath.newSession();
        for (SplitProblem problem : parsed.problems()) {
            SourcePosition pos = new SourcePosition(problem.line(), problem.column());
            events.add(new ReplayEvent.FileProblem(new StatementRef(file, pos, problem.line(), ""), problem));
        }
        for (ParsedStatement st : parsed.statements()) {
            statement = st;
            StatementRef abortedBy = transaction.abortedBy();
            if (abortedBy != null && !Statements.endsTransaction(st)) {
                statements.skipped(ref(null), abortedBy, Statements.ABORTED);
                for (SchemaChange change : st.changes()) {
                    if (change instanceof SchemaChange.CreateTable c && find(c.table()) == null) {
                        // never run: later statements naming the table fail because of the block's first error
                        statements.remember(change, abortedBy, this::wanted);
                        stories.rejected(wanted(c.table()), file, st.line());
                    }
                }
                continue;
            }
            if (st.outcome() == ParseOutcome.UNREADABLE) {
                markUnreadable(st);
                continue;
            }
            for (SchemaChange change : st.changes()) {
                if (!applyAtomically(change)) {
                    break; // PostgreSQL stops at the first error of a statement
                }
            }
        }
        endSession();
    }

    /**
     * Applies one change as PostgreSQL runs a statement: all of it, or, when it fails, none of it (the
     * model is restored, and an open transaction block is aborted).
     *
     * @return whether it succeeded
     */
    private boolean applyAtomically(SchemaChange change) {
        if (change instanceof SchemaChange.Transaction t) {
            transactionCommand(t);
            return true;
        }
        ModelSnapshot before = ModelSnapshot.of(live, scopeOf(change));
        statements.start();
        apply(change);
        StatementRef failed = statements.finish();
        if (failed == null) {
            return true;
        }
        before.restore();
        statements.remember(change, failed, this::wanted);
        if (change instanceof SchemaChange.CreateTable c && !c.ifNotExists() && find(c.table()) == null) {
            stories.rejected(wanted(c.table()), failed.file(), failed.statementLine());
        }
        transaction.failed(statements.root());
        return false;
    }

    /** The tables whose fields a change may alter: its table and those with FKs into it. */
    private List<ModelTable> scopeOf(SchemaChange change) {
        if (!(change instanceof AlterTable a)) {
            return List.of();
        }
        ModelTable table = find(a.table());
        if (table == null) {
            return List.of();
        }
        List<ModelTable> scope = new ArrayList<>();
        scope.add(table);
        for (ModelForeignKey fk : foreignKeys) {
            if (fk.to == table && !scope.contains(fk.from)) {
                scope.add(fk.from);
            }
        }
        return scope;
    }

    private void transactionCommand(SchemaChange.Transaction t) {
        String savepoint = t.savepoint() == null ? null : t.savepoint().folded();
        switch (t.command()) {
            case BEGIN -> transaction.begin();
            case COMMIT -> {
                transaction.commit();
                searchPath.endTransaction();
            }
            case ROLLBACK -> {
                transaction.rollback();
                searchPath.endTransaction();
            }
            case SAVEPOINT -> transaction.savepoint(savepoint);
            case RELEASE_SAVEPOINT -> transaction.release(savepoint);
            case ROLLBACK_TO_SAVEPOINT -> transaction.rollbackTo(savepoint);
        }
    }

    /** The end of a file: PostgreSQL rolls back a block left open and drops the session's temporary tables. */
    private void endSession() {
        declarePendingKeys();
        foreignKeyChecks = true;
        transaction.rollback();
        searchPath.endTransaction();
        for (ModelTable temp : List.copyOf(tables.values())) {
            if (temp.id.schema().equals(Schemas.TEMP)) {
                inbound(temp).forEach(this::removeForeignKey);
                List.copyOf(temp.foreignKeys).forEach(this::removeForeignKey);
                tables.remove(temp.id);
                indexes.removeTable(temp);
            }
        }
    }

    /** The schemas unqualified names resolve through now: those of the search path that exist. */
    private List<String> path() {
        return searchPath.effective(schemas::contains);
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
        } else if (change instanceof SchemaChange.DropIndex d) {
            dropIndex(d);
        } else if (change instanceof SchemaChange.CreateSchema c) {
            createSchema(c);
        } else if (change instanceof SchemaChange.DropSchema d) {
            dropSchema(d);
        } else if (change instanceof SchemaChange.ForeignKeyChecks k) {
            foreignKeyChecks = k.enabled();
        } else if (change instanceof SchemaChange.SetSearchPath s) {
            setSearchPath(s);
        } else if (change instanceof SchemaChange.Truncate t) {
            destructive(DestructiveKind.TRUNCATE, t.tables(), t.cascade(), t.position());
        } else if (change instanceof SchemaChange.DeleteAll d) {
            destructive(DestructiveKind.DELETE_ALL, List.of(d.table()), false, d.position());
        } else if (change instanceof SchemaChange.CreateTrigger t) {
            events.add(new ReplayEvent.TriggerCreated(
                    ref(t.position()), tableIdOf(t.table()), wanted(t.function()), t.events()));
        } else if (change instanceof SchemaChange.CreateFunction f) {
            events.add(new ReplayEvent.FunctionCreated(ref(f.position()), wanted(f.name()), f.body()));
        } else if (change instanceof SchemaChange.CreateType t) {
            createType(t);
        } else if (change instanceof SchemaChange.RenameType r) {
            renameType(r);
        } else if (change instanceof SchemaChange.DropType d) {
            d.names().forEach(n -> typeCatalog.drop(typeName(n)));
        }
        // CREATE SCHEMA is implicit in table ids
    }

    // ---------------------------------------------------------------- types (docs/rules.md, "How FK type compatibility
    // is decided")

    private void createType(SchemaChange.CreateType t) {
        TableId name = wanted(t.name());
        if (typeCatalog.exists(name)) {
            reject(t.position(), SqlState.DUPLICATE_OBJECT, "type \"" + name.name() + "\" already exists", false);
            return;
        }
        String base = t.kind() == SchemaChange.TypeKind.DOMAIN ? typeCatalog.resolve(t.baseType(), path()) : null;
        typeCatalog.create(name, t.kind(), base);
    }

    private void renameType(SchemaChange.RenameType r) {
        TableId name = typeName(r.name());
        TableId renamed = new TableId(name.schema(), fold(r.newName()));
        if (typeCatalog.exists(renamed)) {
            reject(r.position(), SqlState.DUPLICATE_OBJECT, "type \"" + renamed.name() + "\" already exists", false);
            return;
        }
        typeCatalog.rename(name, renamed.name());
    }

    /** The type a name refers to now: its schema when qualified, else the first schema of the path that has it. */
    private TableId typeName(QualifiedName name) {
        if (name.schema() == null) {
            for (String schema : path()) {
                TableId id = new TableId(schema, fold(name.name()));
                if (typeCatalog.exists(id)) {
                    return id;
                }
            }
        }
        return wanted(name);
    }

    // ---------------------------------------------------------------- name resolution

    private static String fold(Identifier identifier) {
        return identifier.folded();
    }

    /**
     * The id a name resolves to for creation, or when nothing of that name exists: the first schema of the
     * search path that exists ({@code public} when none does, for messages; {@link #creationTarget} rejects).
     */
    private TableId wanted(QualifiedName name) {
        List<String> path = path();
        String schema = name.schema() != null ? fold(name.schema()) : path.isEmpty() ? "public" : path.get(0);
        return new TableId(schema, fold(name.name()));
    }

    /**
     * Where {@code CREATE} puts a table of that name, or {@code null} after rejecting the statement as
     * PostgreSQL does when the schema does not exist or the search path names none that does.
     */
    private TableId creationTarget(QualifiedName name, boolean temporary, SourcePosition at) {
        String table = fold(name.name());
        if (temporary) {
            return new TableId(Schemas.TEMP, table);
        }
        if (name.schema() != null) {
            String schema = fold(name.schema());
            if (schema.equals(Schemas.TEMP) || schemas.contains(schema) || !schemasKnown()) {
                return new TableId(schema, table);
            }
            reject(at, SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist", false);
            return null;
        }
        List<String> path = path();
        if (path.isEmpty()) {
            reject(at, SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in", !schemasKnown());
            return null;
        }
        return new TableId(path.get(0), table);
    }

    /** Whether the model knows every schema: no unreadable statement, and a layout that does not create schemas itself. */
    private boolean schemasKnown() {
        return !unreadableWithoutTables && touchedByUnreadable.isEmpty() && Schemas.layoutCreatesNone(history);
    }

    /** Records that PostgreSQL rejects the current statement; the replay undoes it. */
    private void reject(SourcePosition at, SqlState state, String message, boolean uncertain) {
        statements.reject(ref(at), state, message, uncertain);
    }

    /**
     * The table a name refers to now: qualified names directly, unqualified ones through the search
     * path; platform, external and shared tables are materialised on first reference.
     */
    private ModelTable find(QualifiedName name) {
        String table = fold(name.name());
        List<String> schemas = name.schema() != null ? List.of(fold(name.schema())) : lookupPath();
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

    /** The path relations are looked up in: {@code pg_temp} first, as PostgreSQL searches it implicitly. */
    private List<String> lookupPath() {
        List<String> path = new ArrayList<>();
        path.add(Schemas.TEMP);
        path.addAll(path());
        return path;
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

    /** The table a trigger names: the existing one's id, else the name it resolves to. */
    private TableId tableIdOf(QualifiedName name) {
        ModelTable table = find(name);
        return table != null ? table.id : wanted(name);
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

    private static Place placeOf(Creator creator) {
        return creator == null ? null : new Place(creator.file(), creator.line());
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
                    if (change instanceof SchemaChange.SetSearchPath s && !s.local()) {
                        // a first approximation: "$user" names no schema a migration creates
                        List<String> named = s.schemas().stream()
                                .map(Identifier::folded)
                                .filter(n -> !n.equals("$user") && !n.isEmpty())
                                .toList();
                        path = s.toDefault() || named.isEmpty() ? DEFAULT_SEARCH_PATH : named;
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

    /** A column as PostgreSQL makes it: its type bound now, through the search path of this moment. */
    private ModelColumn column(String name, String writtenType, String defaultExpression) {
        return new ModelColumn(
                name, writtenType, SqlTypes.normalize(writtenType), defaultExpression, typeKey(writtenType));
    }

    /** The key FK types are compared by: PostgreSQL's type as bound through the path, or InnoDB's. */
    private String typeKey(String writtenType) {
        return options.dialect().mysqlFamily() ? MysqlTypes.key(writtenType) : typeCatalog.resolve(writtenType, path());
    }

    private static ModelTable snap(ModelTable table) {
        return table == null ? null : table.snapshot();
    }

    private void createTable(CreateTable c) {
        SchemaChange.TableForm form = c.form();
        TableId id = creationTarget(c.table(), form.temporary(), c.position());
        if (id == null) {
            return;
        }
        ModelTable existing = tables.get(id);
        if (existing == null) {
            existing = preexisting(id);
        }
        events.add(new ReplayEvent.TableCreated(
                ref(c.position()), c, id, snap(existing), existing == null ? List.of() : existing.columns()));
        if (existing != null) {
            boolean replacePlaceholder =
                    existing.origin.preexisting() && !(c.ifNotExists() && existing.origin == TableOrigin.MANAGED);
            if (!replacePlaceholder) {
                // IF NOT EXISTS: PostgreSQL skips the whole statement, FKs included; plain CREATE fails
                if (!c.ifNotExists()) {
                    statements.fail(ref(c.position()));
                }
                return;
            }
            tables.remove(id);
        }
        TableOrigin origin = file.seed() ? TableOrigin.SEED : TableOrigin.MIGRATION;
        ModelTable table = new ModelTable(id, origin, file, c.position(), c.columnsKnown());
        table.keysKnown = form.keysWithoutColumns();
        table.unlogged = form.unlogged() && !form.temporary();
        table.partitioned = form.partitioned();
        // columns and keys from other tables: docs/replay.md, "Tables from every statement that makes one"
        List<TableForms.Source> sources = new ArrayList<>();
        if (form.partitionOf() != null) {
            sources.add(
                    new TableForms.Source(form.partitionOf(), TableForms.Kind.PARTITION_OF, Set.of(), c.position()));
        }
        form.inherits()
                .forEach(n -> sources.add(new TableForms.Source(n, TableForms.Kind.INHERITS, Set.of(), c.position())));
        form.likes()
                .forEach(l -> sources.add(new TableForms.Source(
                        l.source(),
                        TableForms.Kind.LIKE,
                        l.including(),
                        l.position() == null ? c.position() : l.position())));
        List<TableForms.CopiedKey> copiedKeys = new ArrayList<>();
        for (TableForms.Source source : sources) {
            ModelTable from = find(source.name());
            if (from == null) {
                TableId missing = wanted(source.name());
                statements.missingRelation(
                        ref(source.position()),
                        missing,
                        "relation \"" + missing.name() + "\" does not exist",
                        mayBeUnknown(missing));
                return;
            }
            // a table a migration created is known to be partitioned or not (a platform one is not)
            boolean known = !from.origin.preexisting();
            if (known && source.kind() == TableForms.Kind.PARTITION_OF && !from.partitioned) {
                reject(
                        source.position(),
                        SqlState.INVALID_OBJECT_DEFINITION,
                        "\"" + from.id.name() + "\" is not partitioned",
                        false);
                return;
            }
            if (known && source.kind() == TableForms.Kind.INHERITS && from.partitioned) {
                reject(
                        source.position(),
                        SqlState.WRONG_OBJECT_TYPE,
                        "cannot inherit from partitioned table \"" + from.id.name() + "\"",
                        false);
                return;
            }
            copiedKeys.addAll(TableForms.copyInto(from, table, source));
        }
        for (ColumnSpec spec : c.columns()) {
            String name = fold(spec.name());
            table.columns.putIfAbsent(name, column(name, spec.type(), spec.defaultExpression()));
        }
        tables.put(id, table);
        stories.created(table, file, statement.line());
        statements.created(id);
        for (TableForms.CopiedKey key : copiedKeys) {
            // copied keys get the new table's default names, as PostgreSQL chooses them
            if (key.primary()) {
                setPrimaryKey(table, null, key.columns(), key.deferrable(), c.position());
            } else if (key.constraint()) {
                addUnique(table, null, key.columns(), key.deferrable(), c.position());
            } else {
                registerIndex(table, null, key.columns(), true, false, c.position());
            }
        }
        for (ColumnSpec spec : c.columns()) {
            String name = fold(spec.name());
            // a reader may give an inline key both as a column flag and as a KeySpec (with its name)
            if (spec.primaryKey() && !declaresKey(c, name, true)) {
                setPrimaryKey(table, null, List.of(name), false, spec.position());
            }
            if (spec.unique() && !declaresKey(c, name, false)) {
                addUnique(table, null, List.of(name), false, spec.position());
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
        SourcePosition at = key.position();
        if (table.columnsKnown && !table.incomplete) {
            for (String col : cols) {
                if (!table.columns.containsKey(col)) {
                    statements.missingColumnRejected(
                            ref(at), table.id, col, "column \"" + col + "\" named in key does not exist", false);
                    return;
                }
            }
        }
        if (key.primary()) {
            setPrimaryKey(table, name, cols, key.deferrable(), at);
        } else {
            addUnique(table, name, cols, key.deferrable(), at);
        }
    }

    private void setPrimaryKey(
            ModelTable table, String name, List<String> cols, boolean deferrable, SourcePosition at) {
        if (!table.primaryKey.isEmpty()) {
            reject(
                    at,
                    SqlState.INVALID_TABLE_DEFINITION,
                    "multiple primary keys for table \"" + table.id.name() + "\" are not allowed",
                    false);
            return;
        }
        if (name != null && nameInUse(table, name, at)) {
            return;
        }
        table.primaryKey.addAll(cols);
        if (name == null) {
            name = constraintNames.choose(table.id.schema(), table.id.name(), List.of(), "pkey");
        } else {
            constraintNames.use(table.id.schema(), name);
        }
        table.primaryKeyName = name;
        table.keyOrder.add(name);
        if (deferrable) {
            table.deferrableKeys.add(name);
        }
        indexes.add(new Indexes.Entry(table, name, cols, true, true, true));
    }

    private void addUnique(ModelTable table, String name, List<String> cols, boolean deferrable, SourcePosition at) {
        if (name != null && nameInUse(table, name, at)) {
            return;
        }
        if (name == null) {
            name = constraintNames.choose(table.id.schema(), table.id.name(), cols, "key");
        } else {
            constraintNames.use(table.id.schema(), name);
        }
        table.uniqueKeys.put(name, List.copyOf(cols));
        table.keyOrder.add(name);
        if (deferrable) {
            table.deferrableKeys.add(name);
        }
        indexes.add(new Indexes.Entry(table, name, cols, true, true, true));
    }

    /**
     * Whether a key's name is taken: a key's index is a relation, so its name must be free among the
     * schema's indexes; and no two constraints of one table share a name.
     */
    private boolean nameInUse(ModelTable table, String name, SourcePosition at) {
        if (indexes.find(table.id.schema(), name).isPresent()) {
            reject(at, SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists", false);
            return true;
        }
        if (hasConstraint(table, name)) {
            reject(
                    at,
                    SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + name + "\" for relation \"" + table.id.name() + "\" already exists",
                    false);
            return true;
        }
        return false;
    }

    /**
     * An index {@code CREATE INDEX} makes, or a copied one: a unique one over plain columns is a key FKs may
     * use, but not a constraint.
     */
    private void registerIndex(
            ModelTable table,
            String name,
            List<String> cols,
            boolean unique,
            boolean partialOrExpression,
            SourcePosition at) {
        if (name == null) {
            name = constraintNames.choose(table.id.schema(), table.id.name(), cols, "idx");
        } else {
            constraintNames.use(table.id.schema(), name);
        }
        boolean referencable = unique && !partialOrExpression && !cols.isEmpty();
        indexes.add(new Indexes.Entry(table, name, cols, unique, false, referencable));
        if (referencable) {
            table.uniqueKeys.put(name, List.copyOf(cols));
            table.keyOrder.add(name);
            table.indexOnlyKeys.add(name);
        }
    }

    // ---------------------------------------------------------------- foreign keys

    private List<String> typesOf(ModelTable table, List<String> columns) {
        List<String> types = new ArrayList<>();
        for (String col : columns) {
            ModelColumn column = table == null ? null : table.columns.get(col);
            types.add(column == null ? null : column.typeKey());
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
                missing.add(new MissingColumn(table.snapshot(), id, variant));
            }
        }
        return missing;
    }

    /**
     * PostgreSQL's check of the two tables' persistence (tablecmds.c, ATAddForeignKeyConstraint), or {@code null}
     * when they fit: a permanent table references permanent tables only, an unlogged one permanent or unlogged
     * tables, a temporary one temporary tables only.
     */
    private static String persistenceMismatch(ModelTable source, ModelTable target) {
        boolean sourceTemporary = source.id.schema().equals(Schemas.TEMP);
        boolean targetTemporary = target.id.schema().equals(Schemas.TEMP);
        if (sourceTemporary) {
            return targetTemporary ? null : "constraints on temporary tables may reference only temporary tables";
        }
        if (source.unlogged) {
            return targetTemporary
                    ? "constraints on unlogged tables may reference only permanent or unlogged tables"
                    : null;
        }
        return targetTemporary || target.unlogged
                ? "constraints on permanent tables may reference only permanent tables"
                : null;
    }

    private void declareForeignKey(ModelTable source, ForeignKeySpec spec) {
        if (spec.inline() && options.dialect() == Dialect.MYSQL) {
            // MySQL parses a column's REFERENCES and ignores it: no FK, no check, no error
            events.add(new ReplayEvent.ReferenceIgnored(ref(spec.position()), source.id, spec));
            return;
        }
        List<String> sourceColumns =
                spec.columns().stream().map(Identifier::folded).toList();
        ModelTable target = find(spec.target());
        TableId wantedTarget = target != null ? target.id : wanted(spec.target());
        StatementRef at = ref(spec.targetPosition() != null ? spec.targetPosition() : spec.position());
        List<MissingColumn> missing = new ArrayList<>(missingColumns(source, spec.columns()));
        if (target == null && !foreignKeyChecks && options.dialect().mysqlFamily()) {
            // FOREIGN_KEY_CHECKS=0: InnoDB takes the name now and the table may come later in the session
            pendingKeys.add(new PendingKey(source, spec, statement, uncertain));
            return;
        }
        if (target == null) {
            events.add(new ReplayEvent.ReferenceUnresolved(
                    at,
                    snap(source),
                    source.id,
                    spec,
                    wantedTarget,
                    spec.targetColumns().stream().map(Identifier::folded).toList(),
                    missing,
                    typesOf(source, sourceColumns),
                    placeOf(laterCreator(wantedTarget)),
                    snap(caseVariant(wantedTarget)),
                    stories.fateOf(wantedTarget),
                    source.incomplete || mayBeUnknown(wantedTarget)));
            statements.missingTable(at, wantedTarget);
            return;
        }
        List<String> targetColumns;
        Boolean unique;
        if (spec.targetColumns().isEmpty()) {
            // REFERENCES t without columns means t's primary key, whatever its name and type
            targetColumns = List.copyOf(target.primaryKey);
            boolean keyKnown = !targetColumns.isEmpty() || (target.keysKnown() && !target.incomplete);
            unique = keyKnown ? !targetColumns.isEmpty() : null;
        } else {
            targetColumns =
                    spec.targetColumns().stream().map(Identifier::folded).toList();
            List<MissingColumn> missingTarget = missingColumns(target, spec.targetColumns());
            missing.addAll(missingTarget);
            // a key over a column that does not exist is a missing column, not a missing key
            // a table made from a query has no keys but those added later, whatever its columns are
            boolean keysKnown = target.keysKnown() && !target.incomplete && missingTarget.isEmpty();
            unique = target.isUniqueKey(targetColumns) ? Boolean.TRUE : keysKnown ? Boolean.FALSE : null;
            if (options.dialect() == Dialect.MARIADB
                    && (indexes.hasLeadingColumns(target, targetColumns)
                            || startsWith(target.primaryKey, targetColumns))) {
                // MariaDB's InnoDB takes any index whose leading columns are the referenced ones; MySQL 8.4 wants a
                // whole unique key (restrict_fk_on_non_standard_key, on by default)
                unique = Boolean.TRUE;
            }
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
        // docs/replay.md, "Dependencies": the FK depends on the first non-deferrable key over its columns
        // (REFERENCES t without columns: t's primary key, whatever other key covers the same columns)
        String key = targetColumns.isEmpty()
                ? null
                : spec.targetColumns().isEmpty() && !target.deferrable(target.primaryKeyName)
                        ? target.primaryKeyName
                        : target.referencableKey(targetColumns).orElse(null);
        boolean deferrableOnly = !targetColumns.isEmpty()
                && (spec.targetColumns().isEmpty()
                        ? target.deferrable(target.primaryKeyName)
                        : target.onlyDeferrableKey(targetColumns));
        String persistence = persistenceMismatch(source, target);
        ModelForeignKey added = null;
        boolean accepted = missing.isEmpty() && !incompatible && !Boolean.FALSE.equals(unique) && arity && !nameTaken;
        if (accepted && !deferrableOnly && persistence == null) {
            String name = spec.constraintName() != null
                    ? spec.constraintName().folded()
                    : options.dialect().mysqlFamily()
                            ? innodbName(source)
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
            added.referencedKey = key;
            source.foreignKeys.add(added);
            foreignKeys.add(added);
        }
        events.add(new ReplayEvent.ReferenceResolved(
                at,
                snap(source),
                source.id,
                spec,
                snap(target),
                wantedTarget,
                targetColumns,
                missing,
                sourceTypes,
                targetTypes,
                unique,
                added == null ? null : added.copy(snap(source), snap(target)),
                source.incomplete || target.incomplete));
        if (added != null) {
            return;
        }
        // why PostgreSQL rejects it: the first reason in the order its ATAddForeignKeyConstraint checks
        if (!missing.isEmpty()) {
            MissingColumn first = missing.get(0);
            statements.missingColumn(at, first.table().id, first.written().folded());
        } else if (nameTaken) {
            reject(
                    spec.position(),
                    SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + spec.constraintName().folded() + "\" for relation \"" + source.id.name()
                            + "\" already exists",
                    false);
        } else if (persistence != null) {
            reject(at.position(), SqlState.INVALID_TABLE_DEFINITION, persistence, false);
        } else if (!arity) {
            reject(
                    spec.position(),
                    SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key disagree",
                    false);
        } else if (deferrableOnly && !incompatible) {
            reject(
                    at.position(),
                    SqlState.WRONG_OBJECT_TYPE,
                    (target.deferrable(target.primaryKeyName)
                                            && ModelTable.sameColumns(target.primaryKey, targetColumns)
                                    ? "cannot use a deferrable primary key for referenced table \""
                                    : "cannot use a deferrable unique constraint for referenced table \"")
                            + target.id.name() + "\"",
                    false);
        } else {
            statements.fail(at);
        }
    }

    /** A foreign key declared while {@code FOREIGN_KEY_CHECKS=0}, whose table did not exist yet. */
    private record PendingKey(ModelTable source, ForeignKeySpec spec, ParsedStatement statement, boolean uncertain) {}

    /**
     * At the end of the session, each FK declared with checks off to a table that did not exist is declared again:
     * to the table as it now is (a dump creates tables in name order, not in dependency order), or, with none, as
     * a reference to a missing table.
     */
    private void declarePendingKeys() {
        ParsedStatement current = statement;
        boolean wasUncertain = uncertain;
        List<PendingKey> pending = List.copyOf(pendingKeys);
        pendingKeys.clear();
        foreignKeyChecks = true;
        for (PendingKey key : pending) {
            if (tables.get(key.source().id) != key.source()) {
                continue; // dropped or replaced since: its FKs went with it
            }
            statement = key.statement();
            uncertain = key.uncertain();
            statements.start();
            declareForeignKey(key.source(), key.spec());
            statements.finish();
        }
        statement = current;
        uncertain = wasUncertain;
    }

    private static boolean sameWrittenType(String a, String b) {
        return a != null && b != null && Blanks.remove(a).equalsIgnoreCase(Blanks.remove(b));
    }

    /** InnoDB names an unnamed FK {@code <table>_ibfk_<n>}, one more than the table's highest such number. */
    private static String innodbName(ModelTable source) {
        String prefix = source.id.name() + "_ibfk_";
        int highest = 0;
        for (ModelForeignKey fk : source.foreignKeys) {
            if (fk.name.startsWith(prefix)) {
                try {
                    highest = Math.max(highest, Integer.parseInt(fk.name.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    // a name of the user's that only looks like InnoDB's
                }
            }
        }
        return prefix + (highest + 1);
    }

    private static boolean startsWith(List<String> columns, List<String> leading) {
        return !leading.isEmpty()
                && columns.size() >= leading.size()
                && columns.subList(0, leading.size()).equals(leading);
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
                events.add(new ReplayEvent.TableNotFound(
                        ref(a.position()),
                        a.table(),
                        id,
                        placeOf(laterCreator(id)),
                        snap(caseVariant(id)),
                        stories.fateOf(id),
                        mayBeUnknown(id)));
                statements.missingTable(ref(a.position()), id);
            }
            return;
        }
        for (AlterAction action : a.actions()) {
            applyAction(table, action);
            if (statements.failed()) {
                return; // the whole ALTER TABLE fails; applyAtomically undoes the actions before
            }
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
            dropConstraint(table, drop);
        } else if (action instanceof RenameTable rename) {
            move(table, new TableId(table.id.schema(), rename.newName().folded()), rename.position());
        } else if (action instanceof SchemaChange.SetLogged set) {
            // a temporary table stays temporary (PostgreSQL rejects the change); the checks of the FKs it has or
            // that reference it are not modelled
            if (!table.id.schema().equals(Schemas.TEMP)) {
                table.unlogged = !set.logged();
            }
        } else if (action instanceof SetSchema set) {
            String schema = set.schema().folded();
            if (!schemas.contains(schema) && schemasKnown()) {
                reject(set.position(), SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist", false);
                return;
            }
            move(table, new TableId(schema, table.id.name()), set.position());
        } else if (action instanceof RenameColumn rename) {
            renameColumn(table, rename);
        } else if (action instanceof RenameConstraint rename) {
            renameConstraint(table, rename.from().folded(), rename.to().folded());
        } else if (action instanceof AlterColumnType type) {
            alterColumnType(table, type);
        } else if (action instanceof AlterColumnDefault def) {
            String col = def.column().folded();
            ModelColumn column = table.columns.get(col);
            if (column != null) {
                table.columns.put(col, column.withDefault(def.defaultExpression()));
            } else {
                missingColumn(table, col, def.position());
            }
        }
    }

    /** An action names a column the table does not have: PostgreSQL's words, when the columns are known. */
    private void missingColumn(ModelTable table, String col, SourcePosition at) {
        if (table.columnsKnown && !table.incomplete) {
            statements.missingColumnRejected(
                    ref(at),
                    table.id,
                    col,
                    "column \"" + col + "\" of relation \"" + table.id.name() + "\" does not exist",
                    false);
        }
    }

    private void addColumn(ModelTable table, AddColumn add) {
        ColumnSpec spec = add.column();
        String name = spec.name().folded();
        if (table.columns.containsKey(name)) {
            // IF NOT EXISTS skips the column and its constraints; without it PostgreSQL fails
            if (!add.ifNotExists()) {
                reject(
                        add.position(),
                        SqlState.DUPLICATE_COLUMN,
                        "column \"" + name + "\" of relation \"" + table.id.name() + "\" already exists",
                        false);
            }
            return;
        }
        table.columns.put(name, column(name, spec.type(), spec.defaultExpression()));
        if (spec.primaryKey()) {
            setPrimaryKey(table, null, List.of(name), false, add.position());
        }
        if (spec.unique()) {
            addUnique(table, null, List.of(name), false, add.position());
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
                        fk.targetPosition(),
                        fk.inline());
            }
            declareForeignKey(table, fk);
        }
    }

    private void dropColumn(ModelTable table, DropColumn drop) {
        String col = drop.column().folded();
        if (!table.columns.containsKey(col)) {
            if (!drop.ifExists()) {
                missingColumn(table, col, drop.position());
            }
            return;
        }
        // docs/replay.md, "Dependencies": the column's keys and indexes go with it, its own FKs too; FKs of
        // other tables that use one of those keys need CASCADE
        List<String> keys = KeyDependencies.keysOver(table, col);
        List<ModelForeignKey> dependents = KeyDependencies.dependentsOfColumn(foreignKeys, table, col, keys);
        if (!dependents.isEmpty() && !drop.cascade()) {
            reject(
                    drop.position(),
                    SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                    "cannot drop column " + col + " of table " + table.id.name()
                            + " because other objects depend on it",
                    false);
            return;
        }
        dependents.forEach(this::removeForeignKey);
        table.foreignKeys.stream()
                .filter(fk -> fk.fromColumns.contains(col))
                .toList()
                .forEach(this::removeForeignKey);
        table.columns.remove(col);
        keys.forEach(k -> removeKey(table, k));
        indexes.removeColumn(table, col);
    }

    /** Removes a primary key, unique constraint or unique index from the table and frees its name. */
    private void removeKey(ModelTable table, String name) {
        if (name.equals(table.primaryKeyName)) {
            table.primaryKey.clear();
            table.primaryKeyName = null;
        } else {
            table.uniqueKeys.remove(name);
        }
        table.deferrableKeys.remove(name);
        table.indexOnlyKeys.remove(name);
        table.keyOrder.remove(name);
        indexes.remove(table, name);
        constraintNames.release(table.id.schema(), name);
    }

    private void addKeyAction(ModelTable table, AddKey add) {
        KeySpec key = add.key();
        if (add.usingIndex() != null) {
            String indexName = add.usingIndex().folded();
            Indexes.Entry index = indexes.find(table.id.schema(), indexName).orElse(null);
            if (index == null || index.table() != table) {
                if (!mayBeUnknown(table.id)) {
                    reject(
                            add.position(),
                            SqlState.UNDEFINED_OBJECT,
                            "index \"" + indexName + "\" does not exist",
                            false);
                }
                return;
            }
            // PostgreSQL renames the index to the constraint's name
            String name = key.constraintName() == null
                    ? indexName
                    : key.constraintName().folded();
            removeKey(table, indexName);
            indexes.remove(table, indexName);
            if (key.primary()) {
                setPrimaryKey(table, name, index.columns(), key.deferrable(), add.position());
            } else {
                addUnique(table, name, index.columns(), key.deferrable(), add.position());
            }
            return;
        }
        addKey(table, key);
    }

    private void dropConstraint(ModelTable table, DropConstraint drop) {
        String name = drop.name().folded();
        for (ModelForeignKey fk : List.copyOf(table.foreignKeys)) {
            if (fk.name.equals(name)) {
                removeForeignKey(fk);
                return;
            }
        }
        if (table.hasKeyConstraint(name)) {
            List<ModelForeignKey> dependents = KeyDependencies.dependentsOfKey(foreignKeys, table, name);
            if (!dependents.isEmpty() && !drop.cascade()) {
                reject(
                        drop.position(),
                        SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop constraint " + name + " on table " + table.id.name()
                                + " because other objects depend on it",
                        false);
                return;
            }
            dependents.forEach(this::removeForeignKey);
            removeKey(table, name);
        }
        // a name the model does not know may be a CHECK or NOT NULL constraint, which it does not follow
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
        if (!table.hasKeyConstraint(from)) {
            return;
        }
        // the old name is free again, the new one taken; the key's index is renamed with it
        constraintNames.release(table.id.schema(), from);
        constraintNames.use(table.id.schema(), to);
        indexes.rename(table, from, to);
        if (from.equals(table.primaryKeyName)) {
            table.primaryKeyName = to;
        } else {
            Map<String, List<String>> renamed = new LinkedHashMap<>();
            table.uniqueKeys.forEach((n, cols) -> renamed.put(n.equals(from) ? to : n, cols));
            table.uniqueKeys.clear();
            table.uniqueKeys.putAll(renamed);
        }
        if (table.deferrableKeys.remove(from)) {
            table.deferrableKeys.add(to);
        }
        table.keyOrder.replaceAll(n -> n.equals(from) ? to : n);
        for (ModelForeignKey fk : foreignKeys) {
            if (fk.to == table && from.equals(fk.referencedKey)) {
                fk.referencedKey = to;
            }
        }
    }

    /** RENAME TO and SET SCHEMA: FKs point at the table object, so they follow it. */
    private void move(ModelTable table, TableId newId, SourcePosition at) {
        if (tables.containsKey(newId) && tables.get(newId) != table) {
            reject(at, SqlState.DUPLICATE_TABLE, "relation \"" + newId.name() + "\" already exists", false);
            return;
        }
        tables.remove(table.id);
        stories.moved(table, table.id, newId, file, statement.line());
        table.id = newId;
        tables.put(newId, table);
        statements.created(newId);
    }

    private void renameColumn(ModelTable table, RenameColumn rename) {
        String from = rename.from().folded();
        String to = rename.to().folded();
        if (!table.columns.containsKey(from)) {
            if (table.columnsKnown && !table.incomplete) {
                statements.missingColumnRejected(
                        ref(rename.position()), table.id, from, "column \"" + from + "\" does not exist", false);
            }
            return;
        }
        if (table.columns.containsKey(to)) {
            reject(
                    rename.position(),
                    SqlState.DUPLICATE_COLUMN,
                    "column \"" + to + "\" of relation \"" + table.id.name() + "\" already exists",
                    false);
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
        indexes.renameColumn(table, from, to);
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
            missingColumn(table, col, change.position());
            return;
        }
        if (options.dialect().mysqlFamily()
                && foreignKeyChecks
                && !sameWrittenType(column.writtenType(), change.type())) {
            // InnoDB refuses to change the type of a column an FK in force uses, on either side, even to a wider one
            for (ModelForeignKey fk : foreignKeys) {
                if ((fk.from == table && fk.fromColumns.contains(col))
                        || (fk.to == table && fk.toColumns.contains(col))) {
                    reject(
                            change.position(),
                            SqlState.MYSQL_FK_COLUMN_CHANGE,
                            "Cannot change column '" + col + "': used in a foreign key constraint '" + fk.name + "'",
                            false);
                    return;
                }
            }
        }
        table.columns.put(col, column.withType(change.type(), typeKey(change.type())));
        // PostgreSQL re-checks the FKs in force on either side; dropped ones are not checked
        List<TypeCheck> checks = new ArrayList<>();
        for (ModelForeignKey fk : foreignKeys) {
            boolean involved = (fk.from == table && fk.fromColumns.contains(col))
                    || (fk.to == table && fk.toColumns.contains(col));
            if (involved) {
                checks.add(new TypeCheck(
                        fk.copy(snap(fk.from), snap(fk.to)),
                        fk.from.id,
                        fk.to.id,
                        typesOf(fk.from, fk.fromColumns),
                        typesOf(fk.to, fk.toColumns)));
            }
        }
        if (!checks.isEmpty()) {
            events.add(new ReplayEvent.ColumnTypeChanged(ref(change.position()), snap(table), col, checks));
        }
    }

    // ---------------------------------------------------------------- DROP, indexes, schemas

    private void dropTable(SchemaChange.DropTable drop) {
        List<ModelTable> dropped = new ArrayList<>();
        for (QualifiedName name : drop.tables()) {
            ModelTable table = find(name);
            if (table != null) {
                dropped.add(table);
            } else if (!drop.ifExists()) {
                TableId id = wanted(name);
                statements.missingRelation(
                        ref(drop.position()), id, "table \"" + id.name() + "\" does not exist", mayBeUnknown(id));
                return;
            }
        }
        List<ModelForeignKey> removed = new ArrayList<>();
        for (ModelTable table : dropped) {
            List<ModelForeignKey> in = inbound(table).stream()
                    .filter(fk -> !dropped.contains(fk.from))
                    .toList();
            if (!in.isEmpty() && !drop.cascade()) {
                events.add(new ReplayEvent.Destructive(
                        ref(drop.position()), DestructiveKind.DROP_TABLE, snaps(dropped), false, List.of()));
                reject(
                        drop.position(),
                        SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop table " + table.id.name() + " because other objects depend on it",
                        false);
                return; // PostgreSQL: other objects depend on it; nothing is dropped
            }
            removed.addAll(in);
        }
        events.add(new ReplayEvent.Destructive(
                ref(drop.position()), DestructiveKind.DROP_TABLE, snaps(dropped), drop.cascade(), fkSnaps(removed)));
        removed.forEach(this::removeForeignKey);
        for (ModelTable table : dropped) {
            List.copyOf(table.foreignKeys).forEach(this::removeForeignKey);
            tables.remove(table.id);
            stories.dropped(table, file, statement.line());
            indexes.removeTable(table);
            table.keyConstraintNames().forEach(n -> constraintNames.release(table.id.schema(), n));
        }
    }

    private static List<ModelTable> snaps(List<ModelTable> tables) {
        return tables.stream().map(ModelTable::snapshot).toList();
    }

    private static List<ModelForeignKey> fkSnaps(List<ModelForeignKey> fks) {
        return fks.stream().map(fk -> fk.copy(snap(fk.from), snap(fk.to))).toList();
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
        events.add(new ReplayEvent.Destructive(
                ref(drop.position()), DestructiveKind.DROP_SCHEMA, snaps(inSchema), drop.cascade(), fkSnaps(removed)));
        if (!drop.cascade() && !inSchema.isEmpty()) {
            reject(
                    drop.position(),
                    SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                    "cannot drop schema " + inSchema.get(0).id.schema() + " because other objects depend on it",
                    false);
            return;
        }
        removed.forEach(this::removeForeignKey);
        for (ModelTable table : inSchema) {
            List.copyOf(table.foreignKeys).forEach(this::removeForeignKey);
            tables.remove(table.id);
            stories.dropped(table, file, statement.line());
            indexes.removeTable(table);
        }
        schemas.removeAll(names);
        names.forEach(typeCatalog::dropSchema);
    }

    private void createSchema(SchemaChange.CreateSchema create) {
        String schema = create.schema().folded();
        if (create.ifNotExists() && !create.elements().isEmpty()) {
            // the grammar's own check (gram.y, CreateSchemaStmt)
            reject(
                    create.position(),
                    SqlState.FEATURE_NOT_SUPPORTED,
                    "CREATE SCHEMA IF NOT EXISTS cannot include schema elements",
                    false);
            return;
        }
        if (schemas.contains(schema)) {
            if (!create.ifNotExists()) {
                reject(create.position(), SqlState.DUPLICATE_SCHEMA, "schema \"" + schema + "\" already exists", false);
            }
            return;
        }
        for (SchemaChange element : create.elements()) {
            QualifiedName named = elementRelation(element);
            if (named != null && named.schema() != null && !fold(named.schema()).equals(schema)) {
                reject(
                        element.position(),
                        SqlState.INVALID_SCHEMA_DEFINITION,
                        "CREATE specifies a schema (" + fold(named.schema())
                                + ") different from the one being created (" + schema + ")",
                        false);
                return;
            }
        }
        schemas.add(schema);
        if (create.elements().isEmpty()) {
            return;
        }
        // CREATE SCHEMA s CREATE TABLE ...: the elements run with s first in the search path, in the order the
        // reader gives them (PostgreSQL's: sequences, tables, views, indexes, triggers)
        SearchPath.State saved = searchPath.save();
        List<String> path = new ArrayList<>();
        path.add(schema);
        path.addAll(searchPath.configured());
        searchPath.set(path, false, false);
        try {
            for (SchemaChange element : create.elements()) {
                apply(element);
                if (statements.failed()) {
                    return;
                }
            }
        } finally {
            searchPath.restore(saved);
        }
    }

    /** The relation a schema element names (its table, for an index or trigger), or {@code null}. */
    private static QualifiedName elementRelation(SchemaChange element) {
        if (element instanceof CreateTable t) {
            return t.table();
        }
        if (element instanceof SchemaChange.CreateIndex i) {
            return i.table();
        }
        if (element instanceof SchemaChange.CreateRelation r) {
            return r.name();
        }
        if (element instanceof SchemaChange.CreateTrigger t) {
            return t.table();
        }
        return null;
    }

    private void createIndex(SchemaChange.CreateIndex index) {
        ModelTable table = find(index.table());
        if (table == null) {
            TableId id = wanted(index.table());
            if (objects.views.contains(id.schema() + "." + id.name())) {
                // an index on a materialized view: no FK can use it
                return;
            }
            statements.missingRelation(
                    ref(index.position()), id, "relation \"" + id.name() + "\" does not exist", mayBeUnknown(id));
            return;
        }
        List<String> cols = index.columns().stream().map(Identifier::folded).toList();
        if (index.name() != null
                && indexes.find(table.id.schema(), index.name().folded()).isPresent()) {
            if (!index.ifNotExists()) {
                reject(
                        index.position(),
                        SqlState.DUPLICATE_TABLE,
                        "relation \"" + index.name().folded() + "\" already exists",
                        false);
            }
            return;
        }
        if (table.columnsKnown && !table.incomplete) {
            for (String col : cols) {
                if (!table.columns.containsKey(col)) {
                    statements.missingColumnRejected(
                            ref(index.position()), table.id, col, "column \"" + col + "\" does not exist", false);
                    return;
                }
            }
        }
        registerIndex(
                table,
                index.name() == null ? null : index.name().folded(),
                cols,
                index.unique(),
                index.partial() || index.hasExpressions(),
                index.position());
    }

    private void dropIndex(SchemaChange.DropIndex drop) {
        for (QualifiedName name : drop.indexes()) {
            String indexName = name.name().folded();
            Indexes.Entry index = null;
            List<String> path = name.schema() != null ? List.of(name.schema().folded()) : lookupPath();
            for (String schema : path) {
                index = indexes.find(schema, indexName).orElse(null);
                if (index != null) {
                    break;
                }
            }
            if (index == null) {
                if (!drop.ifExists() && !unreadableWithoutTables && touchedByUnreadable.isEmpty()) {
                    reject(
                            drop.position(),
                            SqlState.UNDEFINED_OBJECT,
                            "index \"" + indexName + "\" does not exist",
                            false);
                    return;
                }
                continue;
            }
            ModelTable table = index.table();
            if (index.constraint()) {
                reject(
                        drop.position(),
                        SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop index " + indexName + " because constraint " + indexName + " on table "
                                + table.id.name() + " requires it",
                        false);
                return;
            }
            List<ModelForeignKey> dependents = KeyDependencies.dependentsOfKey(foreignKeys, table, indexName);
            if (!dependents.isEmpty() && !drop.cascade()) {
                reject(
                        drop.position(),
                        SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "cannot drop index " + indexName + " because other objects depend on it",
                        false);
                return;
            }
            dependents.forEach(this::removeForeignKey);
            removeKey(table, indexName);
        }
    }

    private void setSearchPath(SchemaChange.SetSearchPath set) {
        List<String> named = set.toDefault()
                ? null
                : set.schemas().stream().map(Identifier::folded).toList();
        searchPath.set(named, set.local(), transaction.open());
    }

    private void destructive(
            DestructiveKind what, List<QualifiedName> names, boolean cascade, SourcePosition position) {
        List<ModelTable> touched = new ArrayList<>();
        for (QualifiedName name : names) {
            ModelTable table = find(name);
            if (table != null) {
                touched.add(table);
            }
        }
        events.add(new ReplayEvent.Destructive(ref(position), what, snaps(touched), cascade, List.of()));
    }

    // ---------------------------------------------------------------- DO blocks

    /** What a DO block's runner does to this replay (docs/replay.md, "Control flow"). */
    private final class Host implements BlockHost {
        @Override
        public CatalogView catalog() {
            return new ModelCatalog(
                    tables,
                    indexes.qualifiedNames(),
                    objects,
                    () -> searchPath.effective(schemas::contains),
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

        /** The model, the platform objects, what unreadable statements touched, the statement's state, the events. */
        private record Mark(
                ModelSnapshot model,
                CatalogObjects objects,
                Set<TableId> touched,
                boolean withoutTables,
                Statements.State statement,
                int eventCount)
                implements Savepoint {}

        @Override
        public Savepoint savepoint() {
            return new Mark(
                    ModelSnapshot.of(live),
                    objects.copy(),
                    Set.copyOf(touchedByUnreadable),
                    unreadableWithoutTables,
                    statements.save(),
                    events.size());
        }

        @Override
        public void rollbackTo(Savepoint savepoint) {
            Mark mark = (Mark) savepoint;
            mark.model().restore();
            objects.restore(mark.objects());
            touchedByUnreadable.clear();
            touchedByUnreadable.addAll(mark.touched());
            unreadableWithoutTables = mark.withoutTables();
            statements.restore(mark.statement());
            // what the block did, its error included, never happened: the handler caught it
            events.subList(mark.eventCount(), events.size()).clear();
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
