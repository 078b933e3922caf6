package dev.refguard.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * A problem the user fixes in the configuration or on disk (a bad parameter value, an unreadable migration
 * directory, a report directory that cannot be written). It carries no stack trace: the place in the Mojo that
 * threw it tells the user nothing, and the README ("When the environment is wrong") promises one clear line, also under {@code mvn -e}.
 */
final class UserErrorException extends MojoExecutionException {
    private static final long serialVersionUID = 1L;

    UserErrorException(String message) {
        super(OneLine.of(message));
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
