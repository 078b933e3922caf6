package dev.refguard.maven;

import dev.refguard.drift.DatabaseTarget;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the {@code drift} goal's raw parameters into the database to connect to, without Maven types: the URL from
 * {@code refguard.url}, the login from a {@code settings.xml} {@code <server>} or else from the environment
 * ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}), never from a property a command line (and so a CI log)
 * would show.
 */
final class DriftParameters {
    /** The environment variable holding the role to log in as, when no {@code <server>} gives one. */
    static final String USER_VARIABLE = "REFGUARD_DB_USER";

    /** The environment variable holding its password. */
    static final String PASSWORD_VARIABLE = "REFGUARD_DB_PASSWORD";

    /** The default of {@code timeout}, in seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private DriftParameters() {}

    /**
     * The login a {@code settings.xml} {@code <server>} gives, its password already decrypted.
     *
     * @param id the server's id
     * @param username its {@code <username>}, or {@code null}
     * @param password its {@code <password>}, or {@code null}
     */
    record Server(String id, String username, String password) {
        @Override
        public String toString() {
            return "server " + id + " (username " + username + (password == null ? "" : ", password set") + ")";
        }
    }

    /**
     * The database to compare with.
     *
     * @param url {@code refguard.url}
     * @param serverId {@code refguard.serverId}, for the messages
     * @param server the {@code <server>} of that id in {@code settings.xml}, or {@code null} when there is none
     * @param environment the process environment
     * @param timeout {@code driftTimeout} ({@code refguard.drift.timeout}): seconds, optionally followed by {@code s}
     * @throws ConfigurationException naming the parameter and what is wrong, one line, never holding a password
     */
    static DatabaseTarget target(
            String url, String serverId, Server server, Map<String, String> environment, String timeout)
            throws ConfigurationException {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException(
                    "url",
                    "drift needs the database's JDBC URL, e.g. -Drefguard.url=jdbc:postgresql://localhost:54322/postgres");
        }
        String trimmed = url.strip();
        if (!trimmed.startsWith(DatabaseTarget.URL_PREFIX)) {
            throw new ConfigurationException(
                    "url", "not a PostgreSQL JDBC URL (it must start with " + DatabaseTarget.URL_PREFIX + ")");
        }
        int query = trimmed.indexOf('?');
        if (query >= 0 && trimmed.substring(query).toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            // a URL is typed on a command line or in a pom: the password would end up in a shell history or a log
            throw new ConfigurationException(
                    "url",
                    "the URL holds a password; put it in settings.xml (<server> " + serverId + ") or in "
                            + PASSWORD_VARIABLE + " instead");
        }
        String user;
        String password;
        if (server != null) {
            if (server.username() == null || server.username().isBlank()) {
                throw new ConfigurationException(
                        "serverId", "the <server> " + server.id() + " of settings.xml has no <username>");
            }
            user = server.username();
            password = server.password();
        } else {
            user = environment.get(USER_VARIABLE);
            password = environment.get(PASSWORD_VARIABLE);
            if (user == null || user.isBlank()) {
                throw new ConfigurationException(
                        "serverId",
                        "no login for the database: settings.xml has no <server> with the id " + serverId
                                + " (its <username> and <password>), and " + USER_VARIABLE + " is not set");
            }
        }
        return new DatabaseTarget(trimmed, user.strip(), password, timeout(timeout));
    }

    private static Duration timeout(String raw) throws ConfigurationException {
        if (raw == null || raw.isBlank() || raw.contains("${")) {
            return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        try {
            int seconds = Integer.parseInt(v);
            if (seconds >= 1 && seconds <= 3600) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // the message below says what is valid
        }
        throw new ConfigurationException(
                "driftTimeout", "'" + raw.strip() + "' is not a number of seconds from 1 to 3600, e.g. 10 or 10s");
    }
}
