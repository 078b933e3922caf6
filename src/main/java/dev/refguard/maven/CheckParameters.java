package dev.refguard.maven;

import java.util.List;
import java.util.Map;

/**
 * The raw values of the {@code check} goal's parameters, exactly as Maven injected them: {@code null} where the
 * user set nothing. Kept free of Maven types so that {@link ConfigurationMapper} can be tested without a Maven
 * runtime.
 *
 * @param directories migration roots; each entry may itself be a comma-separated list
 * @param seedPatterns glob patterns of seed/demo files; each entry may be comma-separated
 * @param identityTables tables that stand for the same user identity
 * @param canonicalIdentityTable the identity table every FK must use
 * @param sharedTables tables owned by someone else
 * @param managedSchemas schemas the platform owns
 * @param externalTables other tables that exist without a migration
 * @param severities rule id to severity name
 * @param failOn {@code error}, {@code warning}, {@code info} or {@code never}
 * @param formats report format ids; each entry may be comma-separated
 * @param encoding charset name of the migration files
 * @param startAfter the migration up to which nothing is reported
 * @param sinceRef the git ref whose merge base decides which files are new
 * @param statementTimeout time bound of one statement's parse, in milliseconds, as written (validated when mapped)
 * @param flywayPlugin the {@code <configuration>} of the project's {@code flyway-maven-plugin}, as plain text (see
 *     {@link dev.refguard.source.ToolConfiguration}); {@code null} when it has none
 * @param liquibasePlugin the same of its {@code liquibase-maven-plugin}
 * @param dialect {@code postgresql}, {@code mysql} or {@code mariadb}; unset: what the project's configuration names
 */
public record CheckParameters(
        List<String> directories,
        List<String> seedPatterns,
        List<String> identityTables,
        String canonicalIdentityTable,
        List<String> sharedTables,
        List<String> managedSchemas,
        List<String> externalTables,
        Map<String, String> severities,
        String failOn,
        List<String> formats,
        String encoding,
        String statementTimeout,
        String startAfter,
        String sinceRef,
        Map<String, String> flywayPlugin,
        Map<String, String> liquibasePlugin,
        String dialect) {

    /** Parameters with nothing set: every value takes its default (README, "Configuration"). */
    public static CheckParameters unset() {
        return builder().build();
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets parameters one by one, by name, so that call sites stay readable. */
    public static final class Builder {
        private List<String> directories;
        private List<String> seedPatterns;
        private List<String> identityTables;
        private String canonicalIdentityTable;
        private List<String> sharedTables;
        private List<String> managedSchemas;
        private List<String> externalTables;
        private Map<String, String> severities;
        private String failOn;
        private List<String> formats;
        private String encoding;
        private String statementTimeout;
        private String startAfter;
        private String sinceRef;
        private Map<String, String> flywayPlugin;
        private Map<String, String> liquibasePlugin;
        private String dialect;

        private Builder() {}

        /** Sets the Flyway plugin's configuration. */
        public Builder flywayPlugin(Map<String, String> value) {
            flywayPlugin = value;
            return this;
        }

        /** Sets the Liquibase plugin's configuration. */
        public Builder liquibasePlugin(Map<String, String> value) {
            liquibasePlugin = value;
            return this;
        }

        /** Sets {@code directories}. */
        public Builder directories(List<String> value) {
            directories = value;
            return this;
        }

        /** Sets {@code seedPatterns}. */
        public Builder seedPatterns(List<String> value) {
            seedPatterns = value;
            return this;
        }

        /** Sets {@code identityTables}. */
        public Builder identityTables(List<String> value) {
            identityTables = value;
            return this;
        }

        /** Sets {@code canonicalIdentityTable}. */
        public Builder canonicalIdentityTable(String value) {
            canonicalIdentityTable = value;
            return this;
        }

        /** Sets {@code sharedTables}. */
        public Builder sharedTables(List<String> value) {
            sharedTables = value;
            return this;
        }

        /** Sets {@code managedSchemas}. */
        public Builder managedSchemas(List<String> value) {
            managedSchemas = value;
            return this;
        }

        /** Sets {@code externalTables}. */
        public Builder externalTables(List<String> value) {
            externalTables = value;
            return this;
        }

        /** Sets {@code severities}. */
        public Builder severities(Map<String, String> value) {
            severities = value;
            return this;
        }

        /** Sets {@code failOn}. */
        public Builder failOn(String value) {
            failOn = value;
            return this;
        }

        /** Sets {@code formats}. */
        public Builder formats(List<String> value) {
            formats = value;
            return this;
        }

        /** Sets {@code encoding}. */
        public Builder encoding(String value) {
            encoding = value;
            return this;
        }

        /** Sets {@code statementTimeout}, in milliseconds. */
        public Builder statementTimeoutMillis(Long value) {
            statementTimeout = value == null ? null : value.toString();
            return this;
        }

        /** Sets {@code statementTimeout} as the user wrote it (milliseconds). */
        public Builder statementTimeout(String value) {
            statementTimeout = value;
            return this;
        }

        /** Sets {@code dialect} as the user wrote it. */
        public Builder dialect(String value) {
            dialect = value;
            return this;
        }

        /** Sets {@code startAfter}. */
        public Builder startAfter(String value) {
            startAfter = value;
            return this;
        }

        /** Sets {@code sinceRef}. */
        public Builder sinceRef(String value) {
            sinceRef = value;
            return this;
        }

        /** The parameters set so far. */
        public CheckParameters build() {
            return new CheckParameters(
                    directories,
                    seedPatterns,
                    identityTables,
                    canonicalIdentityTable,
                    sharedTables,
                    managedSchemas,
                    externalTables,
                    severities,
                    failOn,
                    formats,
                    encoding,
                    statementTimeout,
                    startAfter,
                    sinceRef,
                    flywayPlugin,
                    liquibasePlugin,
                    dialect);
        }
    }
}
