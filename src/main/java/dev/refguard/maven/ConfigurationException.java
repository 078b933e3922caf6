package dev.refguard.maven;

/**
 * A parameter of the {@code check} goal has a value refguard cannot use. The message is one line that names the
 * parameter and the bad value, and lists the valid values where there is a fixed set.
 */
public final class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A configuration error about {@code parameter}; {@code detail} says what is wrong with its value. */
    public ConfigurationException(String parameter, String detail) {
        super("invalid parameter '" + parameter + "': " + OneLine.of(detail));
    }
}
