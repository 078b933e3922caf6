package dev.refguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
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
}
