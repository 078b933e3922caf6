package dev.refguard.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of refguard itself, read from {@code refguard-version.properties}, which the build fills in
 * from the pom. SARIF names the tool's version so code scanning can tell results of different releases
 * apart; a constant from a resource keeps the report byte-identical for one release.
 */
public final class RefguardVersion {
    /** The version reported when the resource is missing or was not filtered (a build from an IDE). */
    static final String UNKNOWN = "0.0.0";

    private static final String VERSION = load();

    private RefguardVersion() {}

    /** The plugin's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code 0.0.0} when the build did not record it. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = RefguardVersion.class.getResourceAsStream("/refguard-version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // an unfiltered copy still holds the Maven expression
            return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read refguard-version.properties", e);
        }
    }
}
