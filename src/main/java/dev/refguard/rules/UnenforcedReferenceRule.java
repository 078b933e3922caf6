package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ModelColumn;
import dev.refguard.schema.ModelTable;
import dev.refguard.schema.ReplayEvent.ForeignKeyDeclared;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.ReplayEvent.TableCreated;
import dev.refguard.schema.TableId;
import dev.refguard.schema.TableOrigin;
import dev.refguard.schema.TableStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A column that by name and type plainly refers to a table has no foreign key: {@code user_id uuid} beside an
 * identity table, or {@code <table>_id} with the type of that table's key. Incident: data disappeared from
 * {@code users} while tables holding user ids without an FK kept orphaned rows. Only columns that could carry an FK
 * are reported: a {@code jsonb} column (an {@code account_id} inside a payload) has no key type to reference, so
 * there is nothing an FK could enforce.
 */
public final class UnenforcedReferenceRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "unenforced-reference",
            Severity.INFO,
            "A column that plainly refers to a table (user_id, <table>_id) has no foreign key.",
            "Without a foreign key, deleting the referenced row leaves orphans, and nothing stops a value that"
                    + " matches no row. Add the FK (NOT VALID first if old rows may not match, then VALIDATE"
                    + " CONSTRAINT), or, if the column deliberately outlives its parent, suppress this with"
                    + " -- refguard:ignore unenforced-reference <reason>. Never fails the build by default.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        Map<Long, Set<String>> declared = new HashMap<>();
        // a declared FK, even one PostgreSQL rejects, shows the reference was meant: other rules speak for it
        context.events(ForeignKeyDeclared.class)
                .forEach(e -> declared.computeIfAbsent(e.source().oid(), k -> new HashSet<>())
                        .addAll(e.sourceColumns()));
        Map<TableId, ModelTable> byId = new HashMap<>();
        context.replay().tables().forEach(t -> byId.put(t.id(), t));
        List<ModelTable> identities = identityTargets(context, byId);
        // on a platform with managed schemas the platform's users table is there even before anything references it
        TableId platformUsers = new TableId("auth", "users");
        boolean platformUsersBeside = context.usesManagedSchema()
                && context.identityTables().contains(platformUsers)
                && !byId.containsKey(platformUsers);
        for (ModelTable table : context.replay().tables()) {
            if (table.origin() != TableOrigin.MIGRATION) {
                continue;
            }
            Set<String> covered = declared.getOrDefault(table.oid(), Set.of());
            for (ModelColumn column : table.columns()) {
                if (covered.contains(column.name()) || column.type() == null) {
                    continue;
                }
                Target target = target(table, column, identities, byId);
                if (target == null
                        && platformUsersBeside
                        && column.name().equals("user_id")
                        && "uuid".equals(column.type())) {
                    target = new Target(platformUsers, "id");
                }
                if (target != null) {
                    report(context, table, column, target, sink);
                }
            }
        }
    }

    /**
     * Identity tables a {@code user_id} may mean, canonical first: those in the model, and the platform's
     * {@code auth.users} on a platform with managed schemas even where nothing references it yet.
     */
    private static List<ModelTable> identityTargets(RuleContext context, Map<TableId, ModelTable> byId) {
        List<ModelTable> out = new ArrayList<>();
        TableId canonical = IdentityConvention.of(context).canonical();
        if (canonical != null && byId.containsKey(canonical)) {
            out.add(byId.get(canonical));
        }
        for (TableId id : context.identityTables()) {
            ModelTable t = byId.get(id);
            if (t != null && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The table a column seems to reference, and that table's key column. */
    private record Target(TableId table, String key) {
        static Target of(ModelTable table) {
            return new Target(table.id(), table.primaryKey().get(0));
        }
    }

    private static Target target(
            ModelTable table, ModelColumn column, List<ModelTable> identities, Map<TableId, ModelTable> byId) {
        String name = column.name();
        if (name.equals("user_id")) {
            for (ModelTable identity : identities) {
                if (identity != table && keyTypeMatches(identity, column)) {
                    return Target.of(identity);
                }
            }
        }
        if (!name.endsWith("_id") || name.length() <= 3) {
            return null;
        }
        String stem = name.substring(0, name.length() - 3);
        for (String candidate : plurals(stem)) {
            for (String schema : List.of(table.id().schema(), "public")) {
                ModelTable t = byId.get(new TableId(schema, candidate));
                if (t != null && t != table && keyTypeMatches(t, column)) {
                    return Target.of(t);
                }
            }
        }
        return null;
    }

    /** {@code author} → {@code author}, {@code authors}; {@code category} → {@code categories}; {@code box} → {@code boxes}. */
    private static List<String> plurals(String stem) {
        List<String> out = new ArrayList<>(List.of(stem, stem + "s", stem + "es"));
        if (stem.endsWith("y") && stem.length() > 1) {
            out.add(stem.substring(0, stem.length() - 1) + "ies");
        }
        return out;
    }

    /** A single-column primary key of the same normalised type: the column could reference it as it stands. */
    private static boolean keyTypeMatches(ModelTable target, ModelColumn column) {
        if (target.primaryKey().size() != 1) {
            return false;
        }
        ModelColumn key = target.column(target.primaryKey().get(0)).orElse(null);
        return key != null && column.type().equals(key.type());
    }

    private static void report(
            RuleContext context, ModelTable table, ModelColumn column, Target target, FindingSink sink) {
        StatementRef at = declaration(context, table, column.name());
        if (at == null) {
            return;
        }
        String key = target.key();
        String message = table.displayName() + "." + Identifier.sql(column.name()) + " (" + column.type()
                + ") looks like a reference to " + Describe.target(target.table(), List.of(key))
                + " but has no foreign key: deleting a row there leaves orphans here";
        String constraint = Identifier.sql(table.id().name() + "_" + column.name() + "_fkey");
        String fix = "ALTER TABLE " + table.id().sql() + " ADD CONSTRAINT " + constraint + " FOREIGN KEY ("
                + Identifier.sql(column.name()) + ") REFERENCES "
                + target.table().sql() + "(" + Identifier.sql(key)
                + ") NOT VALID;\n-- after removing orphans: ALTER TABLE "
                + table.id().sql() + " VALIDATE CONSTRAINT "
                + constraint + ";";
        sink.reportWithFix(INFO, at, message, "Enforce it in a new migration:\n" + fix, fix);
    }

    /**
     * Where the column was declared in the table's CREATE TABLE; the CREATE TABLE itself for a column added or
     * renamed later.
     */
    private static StatementRef declaration(RuleContext context, ModelTable table, String column) {
        TableStep created = table.story().stream()
                .filter(s -> s.kind() == TableStep.Kind.CREATED)
                .reduce((a, b) -> b)
                .orElse(null);
        if (created == null) {
            return null;
        }
        TableCreated event = context.events(TableCreated.class)
                .filter(e -> e.at().file().equals(created.file())
                        && e.at().statementLine() == created.line()
                        && e.id().equals(created.name()))
                .findFirst()
                .orElse(null);
        if (event == null) {
            return null;
        }
        for (ColumnSpec spec : event.spec().columns()) {
            if (spec.name().folded().equals(column) && spec.position() != null) {
                StatementRef at = event.at();
                return new StatementRef(at.file(), spec.position(), at.statementLine(), at.fingerprint());
            }
        }
        return event.at();
    }
}
