package dev.refguard.engine;

import dev.refguard.findings.Severity;
import dev.refguard.source.Dialect;
import dev.refguard.source.ToolConfiguration;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration of one analysis, free of Maven types. The Mojo builds it from its parameters;
 * tests and benchmarks build it directly.
 *
 * @param baseDir the project's base directory (or the current directory with no pom)
 * @param directories configured migration roots relative to {@code baseDir}; empty means auto-discovery
 * @param seedPatterns glob patterns (case-insensitive) of seed/demo files, relative to {@code baseDir}
 * @param identityTables tables that stand for the same user identity, e.g. {@code auth.users}
 * @param canonicalIdentityTable the one identity table every FK must use, or {@code null}
 * @param sharedTables tables owned by someone else
 * @param managedSchemas schemas the platform owns (their tables exist without a migration)
 * @param externalTables other tables that exist without a migration
 * @param severities rule id to severity overrides (ids already validated)
 * @param encoding how migration files are read
 * @param skipModuleDirectories skip folders with their own {@code pom.xml} (inside a Maven build)
 * @param statementTimeout the time bound of one statement's parse
 * @param startAfter report nothing in the migrations up to and including this one (a file name, Prisma folder or
 *     version), or {@code null}
 * @param sinceRef fail only on findings in files changed since the merge base with this git ref, or {@code null}
 * @param tools what the build file configures for the migration tools (Flyway, Liquibase), as plain text
 * @param dialect the database the migrations run on, or {@code null} to take what the project's Flyway, Liquibase or
 *     Spring configuration names (PostgreSQL when it names none)
 */
public record RefguardConfig(
        Path baseDir,
        List<String> directories,
        List<String> seedPatterns,
        List<String> identityTables,
        String canonicalIdentityTable,
        List<String> sharedTables,
        List<String> managedSchemas,
        List<String> externalTables,
        Map<String, Severity> severities,
        Charset encoding,
        boolean skipModuleDirectories,
        Duration statementTimeout,
        String startAfter,
        String sinceRef,
        ToolConfiguration tools,
        Dialect dialect) {

    /**
     * The default of {@code seedPatterns}. Sample data counts as seed data only when it says so
     * ({@code sample_data}, {@code sample-data}): a lab app's {@code create_samples} migration is schema.
     */
    public static final List<String> DEFAULT_SEED_PATTERNS = List.of(
            "**/*seed*/**",
            "**/*seed*.sql",
            "**/*demo*/**",
            "**/*demo*.sql",
            "**/*fixture*/**",
            "**/*fixture*.sql",
            "**/*sample?data*/**",
            "**/*sample?data*.sql",
            "**/testdata/**",
            "**/test-data/**");

    /** The default of {@code identityTables} (README, "Configuration"). */
    public static final List<String> DEFAULT_IDENTITY_TABLES = List.of("auth.users", "public.users");

    /** The default of {@code managedSchemas} (README, "Configuration"). */
    public static final List<String> DEFAULT_MANAGED_SCHEMAS = List.of(
            "auth",
            "storage",
            "realtime",
            "extensions",
            "vault",
            "pgsodium",
            "graphql",
            "graphql_public",
            "supabase_functions",
            "supabase_migrations",
            "cron",
            "net",
            "pg_catalog",
            "information_schema");

    public RefguardConfig {
        directories = List.copyOf(directories);
        seedPatterns = List.copyOf(seedPatterns);
        identityTables = List.copyOf(identityTables);
        sharedTables = List.copyOf(sharedTables);
        managedSchemas = List.copyOf(managedSchemas);
        externalTables = List.copyOf(externalTables);
        severities = Map.copyOf(severities);
        startAfter = startAfter == null || startAfter.isBlank() ? null : startAfter.strip();
        sinceRef = sinceRef == null || sinceRef.isBlank() ? null : sinceRef.strip();
        tools = tools == null ? ToolConfiguration.NONE : tools;
    }

    /** A configuration whose dialect comes from the project's own configuration. */
    public RefguardConfig(
            Path baseDir,
            List<String> directories,
            List<String> seedPatterns,
            List<String> identityTables,
            String canonicalIdentityTable,
            List<String> sharedTables,
            List<String> managedSchemas,
            List<String> externalTables,
            Map<String, Severity> severities,
            Charset encoding,
            boolean skipModuleDirectories,
            Duration statementTimeout,
            String startAfter,
            String sinceRef,
            ToolConfiguration tools) {
        this(
                baseDir,
                directories,
                seedPatterns,
                identityTables,
                canonicalIdentityTable,
                sharedTables,
                managedSchemas,
                externalTables,
                severities,
                encoding,
                skipModuleDirectories,
                statementTimeout,
                startAfter,
                sinceRef,
                tools,
                null);
    }

    /** This configuration with {@code dialect} set (tests, and a project that names its database by hand). */
    public RefguardConfig withDialect(Dialect value) {
        return new RefguardConfig(
                baseDir,
                directories,
                seedPatterns,
                identityTables,
                canonicalIdentityTable,
                sharedTables,
                managedSchemas,
                externalTables,
                severities,
                encoding,
                skipModuleDirectories,
                statementTimeout,
                startAfter,
                sinceRef,
                tools,
                value);
    }

    /** A configuration that reports the whole history, with what the build file configures for the tools. */
    public RefguardConfig(
            Path baseDir,
            List<String> directories,
            List<String> seedPatterns,
            List<String> identityTables,
            String canonicalIdentityTable,
            List<String> sharedTables,
            List<String> managedSchemas,
            List<String> externalTables,
            Map<String, Severity> severities,
            Charset encoding,
            boolean skipModuleDirectories,
            Duration statementTimeout,
            ToolConfiguration tools) {
        this(
                baseDir,
                directories,
                seedPatterns,
                identityTables,
                canonicalIdentityTable,
                sharedTables,
                managedSchemas,
                externalTables,
                severities,
                encoding,
                skipModuleDirectories,
                statementTimeout,
                null,
                null,
                tools);
    }

    /** A configuration with no {@code startAfter} or {@code sinceRef} and no migration tool configured. */
    public RefguardConfig(
            Path baseDir,
            List<String> directories,
            List<String> seedPatterns,
            List<String> identityTables,
            String canonicalIdentityTable,
            List<String> sharedTables,
            List<String> managedSchemas,
            List<String> externalTables,
            Map<String, Severity> severities,
            Charset encoding,
            boolean skipModuleDirectories,
            Duration statementTimeout) {
        this(
                baseDir,
                directories,
                seedPatterns,
                identityTables,
                canonicalIdentityTable,
                sharedTables,
                managedSchemas,
                externalTables,
                severities,
                encoding,
                skipModuleDirectories,
                statementTimeout,
                ToolConfiguration.NONE);
    }

    /** The defaults (README, "Configuration") for {@code baseDir}. */
    public static RefguardConfig defaults(Path baseDir) {
        return new RefguardConfig(
                baseDir,
                List.of(),
                DEFAULT_SEED_PATTERNS,
                DEFAULT_IDENTITY_TABLES,
                null,
                List.of(),
                DEFAULT_MANAGED_SCHEMAS,
                List.of(),
                Map.of(),
                StandardCharsets.UTF_8,
                false,
                Duration.ofSeconds(5));
    }
}
