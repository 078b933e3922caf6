package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refguard.drift.DatabaseTarget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code drift} goal's parameters: where the URL, the login and the timeout come from, and what is refused. */
class DriftParametersTest {
    private static final String URL = "jdbc:postgresql://localhost:54322/postgres";
    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    @Test
    void theServerOfSettingsGivesTheLogin() throws Exception {
        DatabaseTarget target = DriftParameters.target(
                URL,
                "refguard",
                new DriftParameters.Server("refguard", "reader", "from-settings"),
                Map.of("REFGUARD_DB_USER", "env-user", "REFGUARD_DB_PASSWORD", "from-env"),
                null);

        assertThat(target.user()).isEqualTo("reader");
        assertThat(target.password()).isEqualTo("from-settings");
        assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void withoutAServerTheEnvironmentGivesTheLogin() throws Exception {
        DatabaseTarget target = DriftParameters.target(
                URL,
                "refguard",
                null,
                Map.of("REFGUARD_DB_USER", "env-user", "REFGUARD_DB_PASSWORD", "from-env"),
                "3s");

        assertThat(target.user()).isEqualTo("env-user");
        assertThat(target.password()).isEqualTo("from-env");
        assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theTargetNeverShowsThePassword() throws Exception {
        DatabaseTarget target = DriftParameters.target(
                URL + "?sslmode=require",
                "refguard",
                new DriftParameters.Server("refguard", "reader", "s3cret-pw"),
                NO_ENVIRONMENT,
                "10");

        assertThat(target.toString()).doesNotContain("s3cret-pw").contains("reader");
        assertThat(new DriftParameters.Server("refguard", "reader", "s3cret-pw").toString())
                .doesNotContain("s3cret-pw");
    }

    @Test
    void noLoginAnywhereIsOneLineThatSaysWhereToPutIt() {
        assertThatThrownBy(() -> DriftParameters.target(URL, "prod-db", null, NO_ENVIRONMENT, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<server> with the id prod-db")
                .hasMessageContaining("REFGUARD_DB_USER")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aServerWithoutUsernameIsAnError() {
        assertThatThrownBy(() -> DriftParameters.target(
                        URL, "refguard", new DriftParameters.Server("refguard", null, "pw"), NO_ENVIRONMENT, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("has no <username>")
                .hasMessageNotContaining("pw");
    }

    @Test
    void aMissingUrlSaysHowToGiveIt() {
        assertThatThrownBy(() -> DriftParameters.target(null, "refguard", null, NO_ENVIRONMENT, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("invalid parameter 'url': ")
                .hasMessageContaining("-Drefguard.url=jdbc:postgresql://");
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefused() {
        assertThatThrownBy(() -> DriftParameters.target("jdbc:mysql://db/x", "refguard", null, NO_ENVIRONMENT, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> DriftParameters.target(
                        URL + "?user=u&Password=hunter2", "refguard", null, Map.of("REFGUARD_DB_USER", "u"), null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the URL holds a password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aTimeoutThatIsNoNumberOfSecondsIsAnError() {
        for (String bad : new String[] {"ten", "0", "-5", "1.5", "99999"}) {
            assertThatThrownBy(
                            () -> DriftParameters.target(URL, "refguard", null, Map.of("REFGUARD_DB_USER", "u"), bad))
                    .as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("invalid parameter 'driftTimeout': ");
        }
    }
}
