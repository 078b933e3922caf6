package dev.refguard.maven;

import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFormat;
import dev.refguard.rules.RuleRegistry;
import dev.refguard.schema.TableId;
import dev.refguard.source.Dialect;
import dev.refguard.source.ToolConfiguration;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code check} goal's raw parameters into a {@link RefguardConfig}, the report formats and the failure
 * threshold, applying the defaults (README, "Configuration"). Knows nothing of Maven, so every mapping is tested without a Maven
 * runtime.
 *
 * <p>Every list parameter accepts a comma-separated value ({@code -Drefguard.sharedTables=public.users,public.orgs}
 * or {@code <sharedTables>public.users, public.orgs</sharedTables>}) as well as one element per entry; entries are
 * trimmed and empty ones dropped.
 */
public final class ConfigurationMapper {
    /** The default of {@code formats} (README, "Configuration"). */
    public static final List<String> DEFAULT_FORMATS = List.of("console", "sarif", "json");

    /** The values {@code failOn} accepts, lowest threshold last. */
    public static final List<String> FAIL_ON_VALUES = List.of("error", "warning", "info", "never");

    /** The default of {@code statementTimeout}, in milliseconds. */
    public static final long DEFAULT_STATEMENT_TIMEOUT_MILLIS = 5000;

    private ConfigurationMapper() {}

    /**
     * Validates and maps {@code parameters}.
     *
     * @param baseDir the project's base directory (the current directory with no pom)
     * @param insideMavenBuild whether a real pom exists: then folders of other modules are not scanned
     * @param environment the process environment; {@code GITHUB_ACTIONS=true} switches the {@code github} format on
     * @throws ConfigurationException naming the first bad parameter, its value and the valid values
     */
    public static CheckSettings map(
            CheckParameters parameters, Path baseDir, boolean insideMavenBuild, Map<String, String> environment)
            throws ConfigurationException {
        List<String> identityTables = list(parameters.identityTables(), RefguardConfig.DEFAULT_IDENTITY_TABLES);
        RefguardConfig config = new RefguardConfig(
                baseDir,
                list(parameters.directories(), List.of()),
                list(parameters.seedPatterns(), RefguardConfig.DEFAULT_SEED_PATTERNS),
                identityTables,
                canonicalIdentityTable(parameters.canonicalIdentityTable(), identityTables),
                list(parameters.sharedTables(), List.of()),
                list(parameters.managedSchemas(), RefguardConfig.DEFAULT_MANAGED_SCHEMAS),
                list(parameters.externalTables(), List.of()),
                severities(parameters.severities()),
                encoding(parameters.encoding()),
                insideMavenBuild,
                statementTimeout(parameters.statementTimeout()),
                blankToNull(parameters.startAfter()),
                blankToNull(parameters.sinceRef()),
                new ToolConfiguration(parameters.flywayPlugin(), parameters.liquibasePlugin()),
                dialect(parameters.dialect()));
        return new CheckSettings(config, formats(parameters.formats(), environment), failOn(parameters.failOn()));
    }

    /**
     * The entries of a list parameter: comma-separated values split, trimmed, empty ones dropped; {@code fallback}
     * when nothing is left. An explicitly empty value therefore means the default, as an unset one does.
     */
    static List<String> list(List<String> raw, List<String> fallback) {
        if (raw == null) {
            return fallback;
        }
        List<String> entries = new ArrayList<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty()) {
                    entries.add(trimmed);
                }
            }
        }
        return entries.isEmpty() ? fallback : List.copyOf(entries);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, Severity> severities(Map<String, String> raw) throws ConfigurationException {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        try {
            return RuleRegistry.parseSeverities(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("severities", e.getMessage());
        }
    }

    /** Unset means the project's own configuration decides (README, "Configuration"). */
    private static Dialect dialect(String raw) throws ConfigurationException {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return Dialect.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("dialect", e.getMessage());
        }
    }

    private static Charset encoding(String raw) throws ConfigurationException {
        String name = blankToNull(raw);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConfigurationException(
                    "encoding", "unsupported charset '" + name + "'; use a Java charset name such as UTF-8");
        }
    }

    /**
     * The parameter is read as text, not as Maven's {@code long}: Maven's conversion error for {@code abc} names
     * neither the parameter's meaning nor a valid value.
     */
    private static Duration statementTimeout(String raw) throws ConfigurationException {
        String value = blankToNull(raw);
        if (value == null) {
            return Duration.ofMillis(DEFAULT_STATEMENT_TIMEOUT_MILLIS);
        }
        long millis;
        try {
            millis = Long.parseLong(value);
        } catch (NumberFormatException e) {
            millis = 0;
        }
        if (millis <= 0) {
            throw new ConfigurationException(
                    "statementTimeout",
                    "must be a positive whole number of milliseconds (e.g. 5000), was '" + value + "'");
        }
        return Duration.ofMillis(millis);
    }

    /**
     * {@code canonicalIdentityTable} must name one of {@code identityTables}: the rule compares FKs between the
     * members, so any other table would silently make every FK to a member wrong, or nothing at all.
     */
    private static String canonicalIdentityTable(String raw, List<String> identityTables)
            throws ConfigurationException {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        TableId canonical;
        List<TableId> members = new ArrayList<>();
        try {
            canonical = TableId.parse(value);
            for (String member : identityTables) {
                members.add(TableId.parse(member));
            }
        } catch (RuntimeException e) {
            throw new ConfigurationException("canonicalIdentityTable", "cannot read the table name '" + value + "'");
        }
        if (!members.contains(canonical)) {
            throw new ConfigurationException(
                    "canonicalIdentityTable",
                    "'" + value + "' is not an identity table; it must be one of identityTables ("
                            + String.join(", ", identityTables) + "), or add it to identityTables");
        }
        return value;
    }

    private static Set<ReportFormat> formats(List<String> raw, Map<String, String> environment)
            throws ConfigurationException {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String id : list(raw, DEFAULT_FORMATS)) {
            try {
                formats.add(ReportFormat.parse(id));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("formats", e.getMessage());
            }
        }
        // README, "Configuration": inside GitHub Actions the workflow annotations come without configuration.
        if ("true".equalsIgnoreCase(environment.getOrDefault("GITHUB_ACTIONS", ""))) {
            formats.add(ReportFormat.GITHUB);
        }
        return formats;
    }

    private static Severity failOn(String raw) throws ConfigurationException {
        String value = raw == null || raw.isBlank() ? "error" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "info" -> Severity.INFO;
            case "never" -> null;
            default ->
                throw new ConfigurationException(
                        "failOn", "unknown value '" + raw.strip() + "'; valid: " + String.join(", ", FAIL_ON_VALUES));
        };
    }
}
