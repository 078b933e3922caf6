package dev.refguard.rules;

import dev.refguard.findings.RuleInfo;
import dev.refguard.findings.Severity;
import java.util.List;

/**
 * The checks of the {@code drift} goal, which compares a live database with the replayed migrations
 * ({@code dev.refguard.drift}). They are not replay rules: no history alone can show them, so {@link RuleRegistry}
 * lists them apart, and their ids are valid in {@code severities} and suppression comments like every other id.
 */
public final class DriftRules {
    private DriftRules() {}

    /** A table of the database that no migration creates. */
    public static final RuleInfo TABLE_NOT_IN_MIGRATIONS = new RuleInfo(
            "drift-table-not-in-migrations",
            Severity.ERROR,
            "The database has a table that no migration creates.",
            "The table was made outside the migrations (a dashboard, a psql session, a migration file that was"
                    + " deleted): a database built from the migrations (a new environment, a branch database, a"
                    + " developer's reset) lacks it, and so does refguard's model. Write a migration that creates it"
                    + " as it is (pg_dump --schema-only -t <table> gives the DDL), or drop it from the database.");

    /** A column of a migration table that no migration adds. */
    public static final RuleInfo COLUMN_NOT_IN_MIGRATIONS = new RuleInfo(
            "drift-column-not-in-migrations",
            Severity.ERROR,
            "The database has a column that no migration adds.",
            "The column was added outside the migrations: a database built from them lacks it, and code that"
                    + " uses it fails there. Write a migration with the ALTER TABLE ... ADD COLUMN, or drop the"
                    + " column from the database.");

    /** A key or foreign key of the database that no migration declares. */
    public static final RuleInfo KEY_NOT_IN_MIGRATIONS = new RuleInfo(
            "drift-key-not-in-migrations",
            Severity.ERROR,
            "The database has a primary key, unique key or foreign key that no migration declares.",
            "The constraint was added outside the migrations: a database built from them does not enforce it."
                    + " Write a migration that declares it, or drop it from the database.");

    /** An object the migrations create that the database lacks. */
    public static final RuleInfo MISSING_IN_DATABASE = new RuleInfo(
            "drift-missing-in-database",
            Severity.ERROR,
            "A table, column, key or foreign key the migrations create is missing from the database.",
            "Either the migration has not run on this database yet (then drift-migration-not-applied names it"
                    + " too), or the object was dropped outside the migrations. Apply the migrations, or write a"
                    + " migration that drops it, so that the files and the database tell the same story.");

    /** A foreign key on the same columns that references another table or other columns. */
    public static final RuleInfo FK_DIFFERS = new RuleInfo(
            "drift-fk-differs",
            Severity.ERROR,
            "A foreign key references another table or other columns in the database than in the migrations.",
            "The constraint was changed outside the migrations, e.g. repointed in a dashboard: the database and"
                    + " a database built from the migrations enforce different references. Write a migration that"
                    + " drops the FK and adds it with the intended target, and apply it.");

    /** A column whose type in the database is not the type the migrations give it. */
    public static final RuleInfo COLUMN_TYPE_DIFFERS = new RuleInfo(
            "drift-column-type-differs",
            Severity.ERROR,
            "A column has another type in the database than in the migrations.",
            "The type was changed outside the migrations (type modifiers such as varchar(255) are not compared)."
                    + " Write a migration with ALTER TABLE ... ALTER COLUMN ... TYPE for the type the database"
                    + " should have, and apply it.");

    /** A migration file the database's migration table has no row for. */
    public static final RuleInfo MIGRATION_NOT_APPLIED = new RuleInfo(
            "drift-migration-not-applied",
            Severity.WARNING,
            "A migration file has no row in supabase_migrations.schema_migrations: it has not run on this database.",
            "Normal for a migration not deployed yet; otherwise run supabase db push (or supabase migration"
                    + " repair --status applied <version> when its changes are already in the database).");

    /** A row of the database's migration table with no migration file. */
    public static final RuleInfo APPLIED_MIGRATION_MISSING = new RuleInfo(
            "drift-applied-migration-missing",
            Severity.ERROR,
            "supabase_migrations.schema_migrations records a migration that has no file in the repository.",
            "A migration ran on this database from a file that is not in the repository (deleted, renamed, or"
                    + " applied from another branch): its changes are in the database but not in the history."
                    + " Restore the file (supabase db pull, or supabase migration fetch), or repair the row with"
                    + " supabase migration repair --status reverted <version>.");

    private static final List<RuleInfo> INFOS = List.of(
            TABLE_NOT_IN_MIGRATIONS,
            COLUMN_NOT_IN_MIGRATIONS,
            KEY_NOT_IN_MIGRATIONS,
            MISSING_IN_DATABASE,
            FK_DIFFERS,
            COLUMN_TYPE_DIFFERS,
            MIGRATION_NOT_APPLIED,
            APPLIED_MIGRATION_MISSING);

    /** Every drift check, in documentation order. */
    public static List<RuleInfo> infos() {
        return INFOS;
    }
}
