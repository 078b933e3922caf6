package dev.refguard.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.project.MavenProject;

/**
 * Builds a {@link CheckMojo} the way Maven would inject it for a project with a pom in {@code baseDir}, without a
 * Maven runtime: the parameters are set by name on the Mojo's fields, so the test runs the real execute path.
 */
final class CheckMojoRunner {
    private CheckMojoRunner() {}

    /**
     * A Mojo for the project in {@code baseDir} with Maven's defaults ({@code failOn=error}, reports in
     * {@code target/refguard}), then {@code parameters} (field name to value) on top.
     */
    static CheckMojo mojo(Path baseDir, Map<String, Object> parameters) {
        MavenProject project = new MavenProject();
        // the base directory of a MavenProject is the folder of its pom file; the file need not exist
        project.setFile(baseDir.resolve("pom.xml").toFile());
        CheckMojo mojo = new CheckMojo();
        set(mojo, "project", project);
        set(mojo, "failOn", "error");
        set(mojo, "statementTimeout", "5000");
        set(mojo, "outputDirectory", new File(baseDir.toFile(), "target/refguard"));
        parameters.forEach((name, value) -> set(mojo, name, value));
        return mojo;
    }

    private static void set(CheckMojo mojo, String name, Object value) {
        try {
            Field field = field(CheckMojo.class, name);
            field.setAccessible(true);
            field.set(mojo, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("CheckMojo has no parameter field '" + name + "'", e);
        }
    }

    /** The parameter field, declared on the goal's class or on the shared base class. */
    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
