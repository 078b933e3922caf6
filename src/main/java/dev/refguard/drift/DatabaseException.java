package dev.refguard.drift;

/**
 * The database cannot be read: unreachable, the login refused, the timeout reached, a catalogue query refused. The
 * message is one line that says which and names the URL without its parameters; it never holds the password.
 */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
