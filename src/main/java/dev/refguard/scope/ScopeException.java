package dev.refguard.scope;

/**
 * What to report cannot be decided: {@code sinceRef} names a ref git does not have, the clone is too shallow to find
 * the merge base, or {@code startAfter} names no migration. The message is one line that says what to do.
 */
public final class ScopeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScopeException(String message) {
        super(message);
    }

    public ScopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
