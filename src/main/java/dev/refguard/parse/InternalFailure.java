package dev.refguard.parse;

/**
 * The text of a bug in refguard's own reading code, for the statement or file it happened on.
 *
 * <p>Nothing in SQL may end the run, so an unexpected exception in a reader is caught at the reader's
 * boundary; but it is not a statement refguard "cannot read": it is refguard's own error, and the finding
 * that carries it says so, with the place in refguard's code, so that it is reported rather than taken
 * for a syntax problem.
 */
public final class InternalFailure {
    /** How every internal-error text starts; tests look for it. */
    public static final String PREFIX = "internal error in refguard";

    private InternalFailure() {}

    /**
     * The one-line text of {@code failure} in {@code where}, e.g. {@code internal error in refguard's token
     * reader: NullPointerException at FallbackTableReader.java:123; please report it}.
     *
     * @param where the part of refguard that failed ("token reader"), or null for refguard as a whole
     */
    public static String describe(String where, Throwable failure) {
        StringBuilder text = new StringBuilder(PREFIX);
        if (where != null) {
            text.append("'s ").append(where);
        }
        text.append(": ").append(failure.getClass().getSimpleName());
        StackTraceElement frame = ownFrame(failure.getStackTrace());
        if (frame != null && frame.getFileName() != null) {
            text.append(" at ").append(frame.getFileName());
            if (frame.getLineNumber() > 0) {
                text.append(':').append(frame.getLineNumber());
            }
        }
        return text.append("; please report it").toString();
    }

    /** Whether {@code problem} is the text of an internal error rather than of the statement. */
    public static boolean isInternal(String problem) {
        return problem != null && problem.startsWith(PREFIX);
    }

    /** The innermost frame of refguard's code (a JDK method that threw was called from there), else the first. */
    private static StackTraceElement ownFrame(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("dev.refguard.")) {
                return frame;
            }
        }
        return frames.length > 0 ? frames[0] : null;
    }
}
