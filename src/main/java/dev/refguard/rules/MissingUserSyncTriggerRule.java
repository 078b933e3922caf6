package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import dev.refguard.parse.Identifier;
import dev.refguard.schema.ModelColumn;
import dev.refguard.schema.ModelForeignKey;
import dev.refguard.schema.ModelTable;
import dev.refguard.schema.ReplayEvent.FunctionCreated;
import dev.refguard.schema.ReplayEvent.StatementRef;
import dev.refguard.schema.ReplayEvent.TriggerCreated;
import dev.refguard.schema.TableId;
import dev.refguard.schema.TableOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Application FKs target an extension table of the platform's users ({@code public.users}, {@code public.profiles},
 * ... — its primary key is an FK to {@code auth.users}), and no trigger on {@code auth.users} runs a function that
 * inserts into it. Incident: FKs to {@code public.users} were filled from {@code auth.uid()}, and nothing copied new
 * users from {@code auth.users}: every insert for a new user failed until someone copied the row by hand.
 */
public final class MissingUserSyncTriggerRule implements Rule {
    static final RuleInfo INFO = new RuleInfo(
            "missing-user-sync-trigger",
            Severity.WARNING,
            "Foreign keys reference a table that extends the platform's users, and nothing fills it when a user"
                    + " signs up.",
            "A table whose primary key references auth.users (public.users, public.profiles, ...) has a row per"
                    + " user only if something inserts it. Rows that reference a new user fail with an FK violation"
                    + " until then, most visibly when the value comes from auth.uid(). Add the trigger Supabase"
                    + " documents: a security definer function that inserts the row, run AFTER INSERT ON auth.users.");

    /** {@code auth.uid()} written in a default or an assignment, with optional schema quoting and spaces. */
    private static final Pattern AUTH_UID = Pattern.compile("\"?auth\"?\\s*\\.\\s*\"?uid\"?\\s*\\(\\s*\\)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context, FindingSink sink) {
        Map<TableId, FunctionCreated> functions = new HashMap<>();
        context.events(FunctionCreated.class).forEach(f -> functions.put(f.function(), f));
        List<TriggerCreated> triggers = context.events(TriggerCreated.class).toList();
        for (ModelForeignKey extension : context.foreignKeys()) {
            ModelTable table = extension.from();
            ModelTable users = extension.to();
            boolean extendsPlatformUsers = users.origin() == TableOrigin.MANAGED
                    && context.identityTables().contains(users.id())
                    && table != users
                    && IdentityConvention.isExtension(table, extension.fromColumns());
            if (!extendsPlatformUsers) {
                continue;
            }
            List<ModelForeignKey> referencing = context.foreignKeys().stream()
                    .filter(fk -> fk.to() == table && fk.from() != table)
                    .toList();
            if (referencing.isEmpty() || synced(table, users, triggers, functions)) {
                continue;
            }
            report(context, extension, referencing, functions, sink);
        }
    }

    /**
     * Whether a trigger on INSERT into {@code users} runs a function that inserts into {@code table}; a function
     * refguard cannot see (defined outside the migrations, or with an unread body) is given the benefit of the doubt.
     */
    private static boolean synced(
            ModelTable table,
            ModelTable users,
            List<TriggerCreated> triggers,
            Map<TableId, FunctionCreated> functions) {
        Pattern insert = insertInto(table.id());
        for (TriggerCreated trigger : triggers) {
            if (!trigger.table().equals(users.id()) || !trigger.events().contains("INSERT")) {
                continue;
            }
            FunctionCreated function = functions.get(trigger.function());
            if (function == null || function.body().isBlank()) {
                return true;
            }
            if (insert.matcher(function.body()).find()) {
                return true;
            }
        }
        return false;
    }

    /** {@code INSERT INTO [schema.]table}, quoted or not; an unqualified name counts for tables in public. */
    private static Pattern insertInto(TableId id) {
        String name = "(?:\"" + Pattern.quote(id.name()) + "\"|" + Pattern.quote(id.name()) + "\\b)";
        String schema = "(?:\"" + Pattern.quote(id.schema()) + "\"|" + Pattern.quote(id.schema()) + ")\\s*\\.\\s*";
        String qualifier = id.schema().equals("public") ? "(?:" + schema + ")?" : schema;
        return Pattern.compile("(?i)\\binsert\\s+into\\s+" + qualifier + name);
    }

    private static void report(
            RuleContext context,
            ModelForeignKey extension,
            List<ModelForeignKey> referencing,
            Map<TableId, FunctionCreated> functions,
            FindingSink sink) {
        ModelTable table = extension.from();
        TableId users = extension.to().id();
        Set<String> sources = new LinkedHashSet<>();
        referencing.forEach(fk -> sources.add(fk.describeSource()));
        List<String> fromAuthUid = new ArrayList<>();
        for (ModelForeignKey fk : referencing) {
            for (String column : fk.fromColumns()) {
                if (filledFromAuthUid(fk.from(), column, functions)) {
                    fromAuthUid.add(fk.from().displayName() + "." + Identifier.sql(column));
                }
            }
        }
        String name = table.displayName();
        String message = name + " extends " + users.sql() + " (its primary key references " + extension.describeTarget()
                + "), and "
                + referencing.size() + (referencing.size() == 1 ? " FK references it (" : " FKs reference it (")
                + String.join(", ", sources) + "), but no trigger on " + users.sql() + " inserts into " + name
                + ": rows that reference a new user fail until someone copies the user";
        if (!fromAuthUid.isEmpty()) {
            message += "; " + String.join(", ", fromAuthUid) + (fromAuthUid.size() == 1 ? " is" : " are")
                    + " filled from auth.uid(), so inserts fail for every new user";
        }
        String fix = triggerSql(table, extension);
        sink.reportWithFix(
                INFO,
                new StatementRef(
                        extension.file(), extension.position(), extension.statementLine(), extension.fingerprint()),
                message,
                "Copy each new user in a trigger, as Supabase documents:\n" + fix,
                fix);
    }

    /** Whether {@code column} defaults to {@code auth.uid()}, or a function assigns it from {@code auth.uid()}. */
    private static boolean filledFromAuthUid(ModelTable table, String column, Map<TableId, FunctionCreated> functions) {
        ModelColumn col = table.column(column).orElse(null);
        if (col != null
                && col.defaultExpression() != null
                && AUTH_UID.matcher(col.defaultExpression().toLowerCase(Locale.ROOT))
                        .find()) {
            return true;
        }
        Pattern assignment = Pattern.compile(
                "(?i)\\bnew\\s*\\.\\s*\"?" + Pattern.quote(column) + "\"?\\s*:?=\\s*" + AUTH_UID.pattern());
        return functions.values().stream()
                .anyMatch(f -> assignment.matcher(f.body()).find());
    }

    private static final String EMAIL = "email";

    /**
     * The trigger and function that copy each new user into the extension table: its key, and its {@code email}
     * column when it has one.
     */
    private static String triggerSql(ModelTable table, ModelForeignKey extension) {
        String key = extension.fromColumns().get(0);
        String users = extension.to().id().sql();
        String usersKey =
                extension.toColumns().isEmpty() ? "id" : extension.toColumns().get(0);
        String function = Identifier.sql(table.id().schema()) + "."
                + Identifier.sql("handle_new_user_" + table.id().name());
        String columns = Identifier.sql(key);
        String values = "new." + Identifier.sql(usersKey);
        // a profile table's email mirrors auth.users.email and is often NOT NULL: copy it too
        if (!key.equals(EMAIL) && table.column(EMAIL).isPresent()) {
            columns += ", " + Identifier.sql(EMAIL);
            values += ", new." + EMAIL;
        }
        return "create function " + function + "() returns trigger language plpgsql security definer"
                + " set search_path = '' as $$\nbegin\n  -- fill here any other column that is NOT NULL without a default\n"
                + "  insert into " + table.id().sql() + " (" + columns + ") values (" + values
                + ");\n  return new;\nend;\n$$;\n"
                + "create trigger "
                + Identifier.sql("on_auth_user_created_" + table.id().name())
                + " after insert on " + users + " for each row execute function " + function + "();";
    }
}
