package dev.refguard.drift;

import java.time.Duration;
import java.util.Objects;

/**
 * The database to compare with and how to log in. The password is never shown: {@link #toString()} and
 * {@link #shownUrl()} leave it (and the URL's parameters, which may hold one) out.
 *
 * @param url a {@code jdbc:postgresql:} URL
 * @param user the role to log in as
 * @param password its password, or {@code null} when the server asks for none
 * @param timeout the bound of the connection (connect and log in) and of each catalogue query
 */
public record DatabaseTarget(String url, String user, String password, Duration timeout) {
    /** The prefix every URL the {@code drift} goal accepts starts with. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    public DatabaseTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        url = url.strip();
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException(
                    "not a PostgreSQL JDBC URL (it must start with " + URL_PREFIX + "): " + shown(url));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
    }

    /** The URL without its parameters ({@code ?user=...&password=...}): what messages may show. */
    public String shownUrl() {
        return shown(url);
    }

    private static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    @Override
    public String toString() {
        return shownUrl() + " as " + user + (password == null ? "" : " (password set)") + ", timeout "
                + timeout.toSeconds() + " s";
    }
}
