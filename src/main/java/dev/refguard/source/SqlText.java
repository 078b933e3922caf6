package dev.refguard.source;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How the SQL that refguard reads is made from a migration file. Whatever the way, line {@code n} of the SQL stands
 * for line {@code n} of the file, so every finding points at the line a user sees in the file.
 */
public sealed interface SqlText {
    /** The file's text as written. */
    SqlText AS_WRITTEN = new AsWritten();

    /** The file's text as written (the default). */
    record AsWritten() implements SqlText {}

    /**
     * The file's text rewritten line for line: parts the tool does not run blanked out (a dbmate or goose
     * {@code down} section), placeholders replaced (Flyway). The rewrite keeps every line break.
     *
     * @param description what the rewrite does, completely (two rewrites with one description are equal)
     * @param rewrite the rewrite of the whole decoded text
     */
    record Rewritten(String description, UnaryOperator<String> rewrite) implements SqlText {
        public Rewritten {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(rewrite, "rewrite");
        }

        /** Two rewrites are the same when they say they do the same: the description names all they do. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Rewritten r && r.description.equals(description);
        }

        @Override
        public int hashCode() {
            return description.hashCode();
        }

        @Override
        public String toString() {
            return "Rewritten[" + description + "]";
        }
    }

    /**
     * SQL a tool generates from the file (Liquibase changesets rendered offline), laid out so that each statement
     * starts on the line of the change that produced it.
     *
     * @param text the SQL
     * @param problems what the tool could not read or render, each at its line of the file
     */
    record Generated(String text, java.util.List<Problem> problems) implements SqlText {
        public Generated {
            Objects.requireNonNull(text, "text");
            problems = java.util.List.copyOf(problems);
        }

        /** Generated SQL without problems. */
        public Generated(String text) {
            this(text, java.util.List.of());
        }
    }

    /**
     * Something a tool could not read or render.
     *
     * @param message what and why
     * @param line the line of the file it concerns
     */
    record Problem(String message, int line) {}
}
