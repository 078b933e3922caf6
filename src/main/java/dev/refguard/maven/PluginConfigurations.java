package dev.refguard.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads the {@code <configuration>} of a migration tool's Maven plugin (Flyway's, Liquibase's) from the project model
 * as plain text, so the engine never sees a Maven type: a simple parameter as its value, a list
 * ({@code <locations><location>a</location>...}) as its values joined by commas, a map ({@code <placeholders>}) as one
 * {@code placeholders.<name>} entry per key. The plugin's own configuration comes first; an execution's adds what it
 * does not set. A plugin configured only in {@code <pluginManagement>} counts too: that is the configuration Maven
 * applies when the tool's goal is run by hand.
 */
final class PluginConfigurations {
    /** The parameters that Flyway and Liquibase take as maps rather than lists. */
    private static final List<String> MAPS =
            List.of("placeholders", "parameters", "changelogParameters", "systemProperties");

    private PluginConfigurations() {}

    /** The configuration of {@code groupId:artifactId} among the project's build plugins; empty when absent. */
    static Map<String, String> of(MavenProject project, String groupId, String artifactId) {
        Map<String, String> values = new LinkedHashMap<>();
        if (project == null || project.getBuildPlugins() == null) {
            return values;
        }
        List<Plugin> plugins = new ArrayList<>(project.getBuildPlugins());
        if (plugins.stream().noneMatch(p -> groupId.equals(p.getGroupId()) && artifactId.equals(p.getArtifactId()))
                && project.getPluginManagement() != null) {
            // configured only in <pluginManagement>: the configuration `mvn liquibase:update` would run with
            plugins.addAll(project.getPluginManagement().getPlugins());
        }
        for (Plugin plugin : plugins) {
            if (!groupId.equals(plugin.getGroupId()) || !artifactId.equals(plugin.getArtifactId())) {
                continue;
            }
            List<Object> configurations = new ArrayList<>();
            configurations.add(plugin.getConfiguration());
            for (PluginExecution execution : plugin.getExecutions()) {
                configurations.add(execution.getConfiguration());
            }
            for (Object configuration : configurations) {
                if (configuration instanceof Xpp3Dom dom) {
                    read(dom).forEach(values::putIfAbsent);
                }
            }
        }
        return values;
    }

    /** The parameters of one {@code <configuration>} element. */
    static Map<String, String> read(Xpp3Dom configuration) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Xpp3Dom parameter : configuration.getChildren()) {
            String name = parameter.getName();
            Xpp3Dom[] children = parameter.getChildren();
            if (children.length == 0) {
                String value = parameter.getValue();
                if (value != null && !value.isBlank()) {
                    values.put(name, value.strip());
                }
            } else if (MAPS.contains(name)) {
                for (Xpp3Dom entry : children) {
                    values.put(
                            name + "." + entry.getName(),
                            entry.getValue() == null ? "" : entry.getValue().strip());
                }
            } else {
                List<String> items = new ArrayList<>();
                for (Xpp3Dom item : children) {
                    if (item.getValue() != null && !item.getValue().isBlank()) {
                        items.add(item.getValue().strip());
                    }
                }
                values.put(name, String.join(",", items));
            }
        }
        return values;
    }
}
