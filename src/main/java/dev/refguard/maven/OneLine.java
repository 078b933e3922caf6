package dev.refguard.maven;

/** Keeps messages on one line: Maven prints a failure message as it is, and CI logs are read line by line. */
final class OneLine {
    private OneLine() {}

    /** {@code text} with every line break and the spaces around it replaced by one space. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
