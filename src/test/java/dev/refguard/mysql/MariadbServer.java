package dev.refguard.mysql;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway MariaDB server for one test run: {@code mariadb-install-db} into a fresh directory, {@code mariadbd} on
 * a Unix socket and a free TCP port of 127.0.0.1 only, as the current user ({@code --user=root} when that is root,
 * as in CI), and shutdown plus deletion of the directory on {@link #close()}. Statements go through the
 * {@code mariadb} command-line client, so the server's own client reads the scripts (its {@code DELIMITER} and
 * {@code #} comments included) and no JDBC driver is needed.
 */
public final class MariadbServer implements AutoCloseable {
    /** System property that skips the tests needing a server; the only way to skip them. */
    public static final String SKIP_PROPERTY = "refguard.skipMariadb";

    private static final String INSTALL_HINT =
            "install MariaDB: apt-get install -y mariadb-server, or run with -D" + SKIP_PROPERTY + "=true";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path server;
    private final Path client;
    private final Path workDir;
    private final Path socket;
    private final int port;
    private final Process process;
    private final String version;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final Thread shutdownHook;
    private boolean stopped;

    private MariadbServer(
            Path server, Path client, Path workDir, Path socket, int port, Process process, String version) {
        this.server = server;
        this.client = client;
        this.workDir = workDir;
        this.socket = socket;
        this.port = port;
        this.process = process;
        this.version = version;
        this.shutdownHook = new Thread(this::stopQuietly, "refguard-mariadb-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates and starts a server below the system temp directory (Unix socket paths are short).
     *
     * @throws IllegalStateException when MariaDB is not installed (the message says how to install it or skip), or
     *     when the server does not start (the message holds its log)
     */
    public static MariadbServer start() {
        Path server = find("mariadbd", "/usr/sbin/mariadbd")
                .orElseThrow(() -> new IllegalStateException("No MariaDB server (mariadbd) found: " + INSTALL_HINT));
        Path install = find("mariadb-install-db", "/usr/bin/mariadb-install-db")
                .orElseThrow(() -> new IllegalStateException("No mariadb-install-db found: " + INSTALL_HINT));
        Path client = find("mariadb", "/usr/bin/mariadb")
                .orElseThrow(() -> new IllegalStateException("No mariadb client found: " + INSTALL_HINT));
        try {
            Path workDir = Files.createTempDirectory("refguard-mariadb-");
            Path dataDir = workDir.resolve("data");
            Path socket = workDir.resolve("sock");
            String version = run(List.of(server.toString(), "--version"), true).trim();
            List<String> installCommand = new ArrayList<>(List.of(
                    install.toString(),
                    "--no-defaults",
                    "--datadir=" + dataDir,
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db"));
            installCommand.addAll(userOption());
            run(installCommand, true);
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                List<String> command = new ArrayList<>(List.of(
                        server.toString(),
                        "--no-defaults",
                        "--datadir=" + dataDir,
                        "--socket=" + socket,
                        "--port=" + port,
                        "--bind-address=127.0.0.1",
                        "--pid-file=" + workDir.resolve("mariadbd.pid"),
                        "--log-error=" + workDir.resolve("error.log"),
                        "--innodb-flush-log-at-trx-commit=0",
                        "--innodb-buffer-pool-size=32M",
                        // Debian's packaged configuration, which --no-defaults leaves out
                        "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_general_ci",
                        "--skip-log-bin"));
                command.addAll(userOption());
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve("stdout.log").toFile())
                        .start();
                MariadbServer started = new MariadbServer(server, client, workDir, socket, port, process, version);
                if (started.awaitReady()) {
                    return started;
                }
                String log = readIfExists(workDir.resolve("error.log"));
                started.close();
                if (!log.contains("Address already in use") || attempt == 2) {
                    deleteRecursively(workDir);
                    throw new IllegalStateException("MariaDB did not start (" + version + "):\n" + log);
                }
            }
            throw new IllegalStateException("MariaDB did not start");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the MariaDB server", e);
        }
    }

    /** The server runs as the current user; root must say so, as CI runs as root. */
    private static List<String> userOption() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    private boolean awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                Result ping = client(null, List.of("-e", "select 1"), null);
                if (ping.exitCode() == 0) {
                    return true;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** The server's version line. */
    public String version() {
        return version;
    }

    /** Creates an empty database with a fresh name starting with {@code prefix} and returns the name. */
    public String createDatabase(String prefix) throws IOException {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + databaseCounter.incrementAndGet();
        name = name.substring(Math.max(0, name.length() - 60));
        Result result = client(null, List.of("-e", "create database `" + name + "`"), null);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("cannot create database " + name + ": " + result.output());
        }
        return name;
    }

    /**
     * Runs a script file in {@code database} as the {@code mysql} client runs it, going on after errors ({@code -f}).
     *
     * @return the client's error lines ({@code ERROR 1005 (HY000) at line 2: ...})
     */
    public List<String> runScript(String database, Path script) throws IOException {
        Result result = client(database, List.of("-f"), script);
        return result.output().lines().filter(l -> l.startsWith("ERROR ")).toList();
    }

    /** The rows of a query, each as its tab-separated fields. */
    public List<List<String>> query(String database, String sql) throws IOException {
        Result result = client(database, List.of("-N", "-B", "-e", sql), null);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("query failed: " + sql + ": " + result.output());
        }
        return result.output()
                .lines()
                .filter(l -> !l.isEmpty())
                .map(l -> List.of(l.split("\t", -1)))
                .toList();
    }

    private record Result(int exitCode, String output) {}

    private Result client(String database, List<String> arguments, Path input) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                client.toString(),
                "--no-defaults",
                "--socket=" + socket,
                "--user=root",
                "--default-character-set=utf8mb4"));
        command.addAll(arguments);
        if (database != null) {
            command.add(database);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("mariadb client timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Stops the server and deletes its directory. */
    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already in the hook's own shutdown
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            // SIGTERM is mariadbd's normal shutdown
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            deleteRecursively(workDir);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop MariaDB in " + workDir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return version + " on " + socket + " and 127.0.0.1:" + port + " (" + server + ")";
    }

    private static Optional<Path> find(String name, String usual) {
        Path fixed = Path.of(usual);
        if (Files.isExecutable(fixed)) {
            return Optional.of(fixed);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static String run(List<String> command, boolean mustSucceed) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
        String output = new String(out, StandardCharsets.UTF_8);
        if (mustSucceed && p.exitValue() != 0) {
            throw new IllegalStateException("failed (" + p.exitValue() + "): " + command + "\n" + output);
        }
        return output;
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
