package dev.refguard.source;

/** A migration source cannot be used: a configured directory is missing or unreadable. The message names the path. */
public class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
