package dev.refguard.maven;

import dev.refguard.source.ToolConfiguration;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/** The migration-tool configuration of a project's {@code pom.xml}, read as the Mojo reads it (no interpolation). */
public final class PomTools {
    private PomTools() {}

    /** The Flyway and Liquibase plugin configuration of {@code dir/pom.xml}; none when there is no pom. */
    public static ToolConfiguration toolConfiguration(Path dir) throws IOException {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            return ToolConfiguration.NONE;
        }
        Model model;
        try (Reader reader = Files.newBufferedReader(pom)) {
            model = new MavenXpp3Reader().read(reader);
        } catch (XmlPullParserException e) {
            throw new IOException(pom + ": " + e.getMessage(), e);
        }
        MavenProject project = new MavenProject(model);
        return new ToolConfiguration(
                PluginConfigurations.of(project, "org.flywaydb", "flyway-maven-plugin"),
                PluginConfigurations.of(project, "org.liquibase", "liquibase-maven-plugin"));
    }
}
