package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.ColumnSpec;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ModelColumn;
import dev.refguard.schema.ReplayEvent.TableCreated;
import dev.refguard.schema.SqlTypes;
import dev.refguard.schema.TableOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE TABLE IF NOT EXISTS} over a table someone else owns, a platform table, or one an earlier
 * migration defined differently: where the table exists, the statement silently does nothing. Incident:
 * {@code CREATE TABLE IF NOT EXISTS users} ran on a shared Supabase instance where public.users existed
 * with other columns; the code failed later with {@code column "is_anonymous" does not exist}.
 */
public final class IfNotExistsOverSharedRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "if-not-exists-over-shared",
            Severity.ERROR,
            "CREATE TABLE IF NOT EXISTS names a table that is shared, platform-owned, or already defined differently.",
            "IF NOT EXISTS is right for a table's one and only definition and wrong where the table is defined"
                    + " elsewhere too: there it turns a loud conflict into a silent one, and the columns this"
                    + " statement declares never appear. Reference the existing table, add the columns you need"
                    + " with ALTER TABLE ... ADD COLUMN IF NOT EXISTS, or give your table its own name.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        context.events(TableCreated.class).filter(e -> e.spec().ifNotExists()).forEach(e -> {
            String name = e.id().sql();
            if (e.existing() == null) {
                boolean identity = context.identityTables().contains(e.id());
                if (identity && !context.sharedTables().contains(e.id()) && context.usesManagedSchema()) {
                    String message = "CREATE TABLE IF NOT EXISTS " + name + ": another project on the same"
                            + " database may own " + name + "; where it exists, this statement silently does"
                            + " nothing";
                    String hint = "If another project owns " + name + ", declare it in sharedTables and"
                            + " reference it instead of creating it; if this is its one definition, write"
                            + " CREATE TABLE " + name + " without IF NOT EXISTS so a conflict fails loudly.";
                    sink.report(INFO, Severity.WARNING, e.at(), message, hint, false);
                }
                return;
            }
            TableOrigin origin = e.existing().origin();
            if (origin == TableOrigin.SHARED || origin == TableOrigin.MANAGED) {
                String owner = origin == TableOrigin.SHARED
                        ? "a shared table (sharedTables): another project owns it"
                        : "a table of the managed schema " + e.id().schema() + ": the platform owns it";
                String message = "CREATE TABLE IF NOT EXISTS " + name + " names " + owner
                        + "; where it exists, this statement silently does nothing and its columns ("
                        + columnList(e) + ") never appear";
                String hint = "Do not create " + name + " here: reference it, and add what you need with"
                        + " ALTER TABLE " + name + " ADD COLUMN IF NOT EXISTS ...; or give your table its own"
                        + " name.";
                sink.report(INFO, e.at(), message, hint);
                return;
            }
            if (origin == TableOrigin.EXTERNAL
                    || !e.existing().columnsKnown()
                    || !e.spec().columnsKnown()) {
                return;
            }
            List<String> differences = differences(e);
            if (differences.isEmpty()) {
                return;
            }
            String by = e.existing().createdBy() == null
                    ? "an earlier migration"
                    : Describe.file(e.existing().createdBy());
            String message = "CREATE TABLE IF NOT EXISTS " + name + " is ignored: " + by
                    + " already created it with other columns (" + String.join("; ", differences) + ")";
            String hint = "Change the existing table explicitly, e.g. ALTER TABLE " + name
                    + " ADD COLUMN IF NOT EXISTS ...; and remove this second definition.";
            sink.report(INFO, e.at(), message, hint);
        });
    }

    private static String columnList(TableCreated e) {
        return String.join(
                ", ", e.spec().columns().stream().map(c -> c.name().written()).toList());
    }

    private static List<String> differences(TableCreated e) {
        Map<String, ModelColumn> existing = new LinkedHashMap<>();
        e.existingColumns().forEach(c -> existing.put(c.name(), c));
        Map<String, String> declared = new LinkedHashMap<>();
        for (ColumnSpec spec : e.spec().columns()) {
            declared.put(spec.name().folded(), SqlTypes.normalize(spec.type()));
        }
        List<String> missing = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        declared.forEach((col, type) -> {
            ModelColumn have = existing.get(col);
            if (have == null) {
                missing.add(Identifier.sql(col));
            } else if (type != null && have.type() != null && !type.equals(have.type())) {
                typed.add(Identifier.sql(col) + " is " + have.type() + ", not " + type);
            }
        });
        List<String> extra = existing.keySet().stream()
                .filter(c -> !declared.containsKey(c))
                .map(Identifier::sql)
                .toList();
        List<String> out = new ArrayList<>();
        if (!missing.isEmpty()) {
            out.add("missing there: " + String.join(", ", missing));
        }
        if (!typed.isEmpty()) {
            out.addAll(typed);
        }
        if (!extra.isEmpty()) {
            out.add("only there: " + String.join(", ", extra));
        }
        return out;
    }
}
