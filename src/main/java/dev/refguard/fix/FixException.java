package dev.refguard.fix;

/** The fix cannot be written: the message is one line that says why (a file in the way, a history it cannot extend). */
public final class FixException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal with its one-line reason. */
    public FixException(String message) {
        super(message);
    }

    /** A refusal caused by a failed write. */
    public FixException(String message, Throwable cause) {
        super(message, cause);
    }
}
