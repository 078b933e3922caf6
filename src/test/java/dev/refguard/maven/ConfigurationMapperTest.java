package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refguard.engine.RefguardConfig;
import dev.refguard.findings.Severity;
import dev.refguard.report.ReportFormat;
import dev.refguard.source.Dialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationMapperTest {
    private static final Path BASE = Path.of("/work/project");
    private static final Map<String, String> NO_ENV = Map.of();

    private static CheckSettings map(CheckParameters parameters) throws ConfigurationException {
        return ConfigurationMapper.map(parameters, BASE, true, NO_ENV);
    }

    @Test
    void unsetParametersTakeTheSpecDefaults() throws Exception {
        CheckSettings settings = map(CheckParameters.unset());

        RefguardConfig expected = RefguardConfig.defaults(BASE);
        RefguardConfig config = settings.config();
        assertThat(config.baseDir()).isEqualTo(BASE);
        assertThat(config.directories()).isEmpty();
        assertThat(config.seedPatterns()).isEqualTo(expected.seedPatterns());
        assertThat(config.identityTables()).containsExactly("auth.users", "public.users");
        assertThat(config.canonicalIdentityTable()).isNull();
        assertThat(config.sharedTables()).isEmpty();
        assertThat(config.managedSchemas()).isEqualTo(expected.managedSchemas());
        assertThat(config.externalTables()).isEmpty();
        assertThat(config.severities()).isEmpty();
        assertThat(config.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(config.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.formats())
                .containsExactlyInAnyOrder(ReportFormat.CONSOLE, ReportFormat.SARIF, ReportFormat.JSON);
        assertThat(settings.failOn()).isEqualTo(Severity.ERROR);
    }

    @Test
    void emptyListsAsMavenInjectsThemForUnsetParametersTakeTheDefaults() throws Exception {
        // Maven injects an empty list, not null, for a List parameter nobody set.
        CheckSettings settings = map(CheckParameters.builder()
                .seedPatterns(List.of())
                .identityTables(List.of())
                .managedSchemas(List.of())
                .formats(List.of())
                .build());

        assertThat(settings.config().seedPatterns()).isEqualTo(RefguardConfig.DEFAULT_SEED_PATTERNS);
        assertThat(settings.config().identityTables()).isEqualTo(RefguardConfig.DEFAULT_IDENTITY_TABLES);
        assertThat(settings.config().managedSchemas()).isEqualTo(RefguardConfig.DEFAULT_MANAGED_SCHEMAS);
        assertThat(settings.formats()).hasSize(3);
    }

    @Test
    void commaSeparatedListsAreSplitAndTrimmed() throws Exception {
        CheckSettings settings = map(CheckParameters.builder()
                .directories(List.of(" db/migrations , db/extra"))
                .sharedTables(List.of("public.users,  public.orgs ,", " ", "legacy.accounts"))
                .externalTables(List.of("legacy.accounts"))
                .identityTables(List.of("public.profiles, auth.users"))
                .formats(List.of(" sarif , JSON"))
                .build());

        RefguardConfig config = settings.config();
        assertThat(config.directories()).containsExactly("db/migrations", "db/extra");
        assertThat(config.sharedTables()).containsExactly("public.users", "public.orgs", "legacy.accounts");
        assertThat(config.externalTables()).containsExactly("legacy.accounts");
        assertThat(config.identityTables()).containsExactly("public.profiles", "auth.users");
        assertThat(settings.formats()).containsExactlyInAnyOrder(ReportFormat.SARIF, ReportFormat.JSON);
    }

    @Test
    void seedPatternsGivenOnePerElementAreKeptInOrder() throws Exception {
        CheckSettings settings = map(CheckParameters.builder()
                .seedPatterns(List.of("**/seeds/**", "supabase/seed.sql"))
                .build());

        assertThat(settings.config().seedPatterns()).containsExactly("**/seeds/**", "supabase/seed.sql");
    }

    @Test
    void scalarParametersAreMapped() throws Exception {
        CheckSettings settings = map(CheckParameters.builder()
                .canonicalIdentityTable(" public.users ")
                .encoding("ISO-8859-1")
                .statementTimeoutMillis(250L)
                .failOn("Warning")
                .build());

        assertThat(settings.config().canonicalIdentityTable()).isEqualTo("public.users");
        assertThat(settings.config().encoding()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(settings.config().statementTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.failOn()).isEqualTo(Severity.WARNING);
    }

    @Test
    void blankEncodingAndCanonicalTableMeanUnset() throws Exception {
        CheckSettings settings = map(CheckParameters.builder()
                .encoding(" ")
                .canonicalIdentityTable("")
                .build());

        assertThat(settings.config().encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(settings.config().canonicalIdentityTable()).isNull();
    }

    @Test
    void moduleDirectoriesAreSkippedOnlyInsideAMavenBuild() throws Exception {
        assertThat(ConfigurationMapper.map(CheckParameters.unset(), BASE, true, NO_ENV)
                        .config()
                        .skipModuleDirectories())
                .isTrue();
        assertThat(ConfigurationMapper.map(CheckParameters.unset(), BASE, false, NO_ENV)
                        .config()
                        .skipModuleDirectories())
                .isFalse();
    }

    @Test
    void failOnNeverMeansNoThreshold() throws Exception {
        CheckSettings settings = map(CheckParameters.builder().failOn("never").build());

        assertThat(settings.failOn()).isNull();
        assertThat(settings.failThreshold()).isEmpty();
    }

    @Test
    void failOnInfoIsTheLowestThreshold() throws Exception {
        assertThat(map(CheckParameters.builder().failOn("info").build()).failOn())
                .isEqualTo(Severity.INFO);
    }

    @Test
    void githubFormatIsAddedInsideGitHubActions() throws Exception {
        CheckSettings settings = ConfigurationMapper.map(
                CheckParameters.builder().formats(List.of("json")).build(),
                BASE,
                true,
                Map.of("GITHUB_ACTIONS", "true"));

        assertThat(settings.formats()).containsExactlyInAnyOrder(ReportFormat.JSON, ReportFormat.GITHUB);
    }

    @Test
    void githubFormatIsNotAddedOutsideGitHubActions() throws Exception {
        CheckSettings settings = ConfigurationMapper.map(
                CheckParameters.unset(), BASE, true, Map.of("GITHUB_ACTIONS", "false", "CI", "true"));

        assertThat(settings.formats()).doesNotContain(ReportFormat.GITHUB);
    }

    @Test
    void unknownFormatNamesTheParameterTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> map(CheckParameters.builder()
                        .formats(List.of("console, pdf"))
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid parameter 'formats': ")
                .hasMessageContaining("'pdf'")
                .hasMessageContaining("console, sarif, json, github, gitlab, checkstyle, junit, markdown, mermaid, dot")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownFailOnNamesTheParameterTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> map(CheckParameters.builder().failOn("fatal").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("invalid parameter 'failOn': unknown value 'fatal'; valid: error, warning, info, never");
    }

    @Test
    void unknownDialectNamesTheParameterTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> map(CheckParameters.builder().dialect("oracle").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("invalid parameter 'dialect': unknown dialect 'oracle'; valid: postgresql, mysql, mariadb");
    }

    @Test
    void dialectIsReadWithoutCaseAndUnsetMeansDetected() throws ConfigurationException {
        assertThat(map(CheckParameters.builder().dialect(" MariaDB ").build())
                        .config()
                        .dialect())
                .isEqualTo(Dialect.MARIADB);
        assertThat(map(CheckParameters.builder().dialect("mysql").build())
                        .config()
                        .dialect())
                .isEqualTo(Dialect.MYSQL);
        assertThat(map(CheckParameters.unset()).config().dialect()).isNull();
        assertThat(map(CheckParameters.builder().dialect("").build()).config().dialect())
                .isNull();
    }

    @Test
    void failOnOffIsNotAThreshold() {
        // "off" is a severity of a rule, not a threshold: "never" says "report only".
        assertThatThrownBy(() -> map(CheckParameters.builder().failOn("off").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'off'")
                .hasMessageContaining("never");
    }

    @Test
    void unsupportedEncodingNamesTheParameterAndTheValue() {
        assertThatThrownBy(() -> map(
                        CheckParameters.builder().encoding("no-such-charset").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid parameter 'encoding': ")
                .hasMessageContaining("'no-such-charset'");
    }

    @Test
    void nonPositiveStatementTimeoutIsRejected() {
        assertThatThrownBy(() ->
                        map(CheckParameters.builder().statementTimeoutMillis(0L).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("invalid parameter 'statementTimeout': must be a positive whole number of milliseconds"
                        + " (e.g. 5000), was '0'");
    }

    @Test
    void statementTimeoutThatIsNotANumberIsOneClearLine() {
        assertThatThrownBy(() ->
                        map(CheckParameters.builder().statementTimeout("abc").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("invalid parameter 'statementTimeout': must be a positive whole number of milliseconds"
                        + " (e.g. 5000), was 'abc'");
    }

    @Test
    void statementTimeoutWrittenAsTextIsRead() throws Exception {
        assertThat(map(CheckParameters.builder().statementTimeout(" 250 ").build())
                        .config()
                        .statementTimeout())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void canonicalIdentityTableThatIsNotAnIdentityTableIsRejected() {
        assertThatThrownBy(() -> map(CheckParameters.builder()
                        .canonicalIdentityTable("public.people")
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("invalid parameter 'canonicalIdentityTable': 'public.people' is not an identity table;"
                        + " it must be one of identityTables (auth.users, public.users), or add it to identityTables");
    }

    @Test
    void canonicalIdentityTableMayNameAMemberUnqualifiedOrAConfiguredOne() throws Exception {
        assertThat(map(CheckParameters.builder().canonicalIdentityTable("users").build())
                        .config()
                        .canonicalIdentityTable())
                .isEqualTo("users");
        assertThat(map(CheckParameters.builder()
                                .identityTables(List.of("auth.users, public.people"))
                                .canonicalIdentityTable("public.people")
                                .build())
                        .config()
                        .canonicalIdentityTable())
                .isEqualTo("public.people");
    }

    // The two tests below go through RuleRegistry, so they need the real registry (not the skeleton's stub).

    @Test
    void unknownRuleIdInSeveritiesNamesTheParameterTheIdAndTheValidIds() {
        assertThatThrownBy(() -> map(CheckParameters.builder()
                        .severities(Map.of("no-such-rule", "error"))
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid parameter 'severities': ")
                .hasMessageContaining("unknown rule id 'no-such-rule'")
                .hasMessageContaining("mixed-user-reference")
                .hasMessageContaining("fk-type-mismatch")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownSeverityInSeveritiesNamesTheParameterTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> map(CheckParameters.builder()
                        .severities(Map.of("fk-type-mismatch", "fatal"))
                        .build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid parameter 'severities': ")
                .hasMessageContaining("'fatal'")
                .hasMessageContaining("valid: off, info, warning, error");
    }

    @Test
    void validSeveritiesAreMapped() throws Exception {
        CheckSettings settings = map(CheckParameters.builder()
                .severities(Map.of("fk-type-mismatch", "warning", "unparsed-statement", "OFF"))
                .build());

        assertThat(settings.config().severities())
                .containsEntry("fk-type-mismatch", Severity.WARNING)
                .containsEntry("unparsed-statement", Severity.OFF);
    }
}
