package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class PluginConfigurationsTest {
    @Test
    void readsSimpleValuesListsAndMapsAsPlainText() throws Exception {
        var dom = Xpp3DomBuilder.build(new StringReader("""
                <configuration>
                  <url>jdbc:postgresql://localhost/app</url>
                  <locations>
                    <location>filesystem:sql/core</location>
                    <location> classpath:db/extra </location>
                  </locations>
                  <placeholders>
                    <schema>billing</schema>
                    <owner>app_owner</owner>
                  </placeholders>
                  <sqlMigrationPrefix>M</sqlMigrationPrefix>
                  <empty></empty>
                </configuration>
                """));

        assertThat(PluginConfigurations.read(dom))
                .containsEntry("url", "jdbc:postgresql://localhost/app")
                .containsEntry("locations", "filesystem:sql/core,classpath:db/extra")
                .containsEntry("placeholders.schema", "billing")
                .containsEntry("placeholders.owner", "app_owner")
                .containsEntry("sqlMigrationPrefix", "M")
                .doesNotContainKey("empty");
    }

    @Test
    void aPluginConfiguredOnlyInPluginManagementCountsAndABuildPluginWins() throws Exception {
        Model model = new Model();
        Build build = new Build();
        PluginManagement management = new PluginManagement();
        management.addPlugin(plugin("config/liquibase/master.xml"));
        build.setPluginManagement(management);
        model.setBuild(build);
        MavenProject project = new MavenProject(model);

        assertThat(PluginConfigurations.of(project, "org.liquibase", "liquibase-maven-plugin"))
                .containsExactly(java.util.Map.entry("changeLogFile", "config/liquibase/master.xml"));
        assertThat(PluginConfigurations.of(project, "org.flywaydb", "flyway-maven-plugin"))
                .isEmpty();

        build.addPlugin(plugin("db/changelog.yaml"));
        assertThat(PluginConfigurations.of(project, "org.liquibase", "liquibase-maven-plugin"))
                .containsExactly(java.util.Map.entry("changeLogFile", "db/changelog.yaml"));
    }

    private static Plugin plugin(String changeLogFile) throws Exception {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.liquibase");
        plugin.setArtifactId("liquibase-maven-plugin");
        plugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(
                "<configuration><changeLogFile>" + changeLogFile + "</changeLogFile></configuration>")));
        return plugin;
    }
}
