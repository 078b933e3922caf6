package dev.refguard.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for one test run: {@code initdb} into a fresh directory, {@code pg_ctl start} on a
 * free TCP port of 127.0.0.1 only, and {@code pg_ctl stop} plus deletion of the directory on {@link #close()}.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests run as root the server binaries run as the operating
 * system user {@code postgres} (created by the Debian package) through {@code runuser}, and the directories are
 * handed to that user.
 */
public final class PostgresServer implements AutoCloseable {
    /** System property that skips the tests needing a server; the only way to skip them. */
    public static final String SKIP_PROPERTY = "refguard.skipPostgres";

    /** System property naming the directory of {@code initdb}, {@code pg_ctl} and {@code postgres}. */
    public static final String BIN_DIR_PROPERTY = "refguard.postgresBinDir";

    /** The superuser the cluster is made with; the tests log in as it (trust authentication). */
    public static final String SUPERUSER = "postgres";

    private static final String INSTALL_HINT =
            "install PostgreSQL 15: apt-get install -y postgresql, " + "or run with -D" + SKIP_PROPERTY + "=true";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> BINARIES = List.of("initdb", "pg_ctl", "postgres");

    private final Path binDir;
    private final Path workDir;
    private final Path socketDir;
    private final List<String> runAs;
    private final int port;
    private final String version;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresServer(Path binDir, Path workDir, Path socketDir, List<String> runAs, int port, String version) {
        this.binDir = binDir;
        this.workDir = workDir;
        this.socketDir = socketDir;
        this.runAs = runAs;
        this.port = port;
        this.version = version;
        // a JVM that dies before close() (a killed fork) must not leave a postmaster behind
        this.shutdownHook = new Thread(this::stopQuietly, "refguard-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates and starts a cluster below {@code parentDir} (usually {@code target/}).
     *
     * @throws IllegalStateException when no PostgreSQL server binaries are installed (the message says how to
     *     install them or skip), or when the server does not start (the message holds its log)
     */
    public static PostgresServer start(Path parentDir) {
        Path binDir = findBinDir()
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl, postgres)"
                        + " found via -D" + BIN_DIR_PROPERTY + ", pg_config --bindir, /usr/lib/postgresql/*/bin or"
                        + " PATH: " + INSTALL_HINT));
        List<String> runAs = runAsPrefix();
        try {
            Files.createDirectories(parentDir);
            Path workDir = Files.createTempDirectory(parentDir.toAbsolutePath(), "postgres-");
            // Unix socket paths are limited to about 100 bytes, so the socket lives in a short temp directory.
            Path socketDir = Files.createTempDirectory("refguard-pg-");
            if (!runAs.isEmpty()) {
                handToPostgresUser(workDir);
                handToPostgresUser(socketDir);
                if (!run(runAs, List.of("test", "-w", workDir.toString()), socketDir, false)
                        .succeeded()) {
                    // a parent directory the postgres user cannot enter (e.g. below /root): use the system temp dir
                    deleteRecursively(workDir);
                    workDir = Files.createTempDirectory("refguard-postgres-");
                    handToPostgresUser(workDir);
                }
            }
            String version = run(
                            List.of(), List.of(binDir.resolve("postgres").toString(), "--version"), socketDir, true)
                    .output()
                    .trim();
            Path dataDir = workDir.resolve("data");
            run(
                    runAs,
                    List.of(
                            binDir.resolve("initdb").toString(),
                            "-D",
                            dataDir.toString(),
                            "-U",
                            SUPERUSER,
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--locale=C",
                            "--no-sync"),
                    socketDir,
                    true);
            return startOnFreePort(binDir, workDir, socketDir, runAs, version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PostgreSQL cluster below " + parentDir, e);
        }
    }

    private static PostgresServer startOnFreePort(
            Path binDir, Path workDir, Path socketDir, List<String> runAs, String version) throws IOException {
        Path log = workDir.resolve("postgres.log");
        String lastLog = "";
        // the port is free when picked but may be taken before the server binds it: retry with another
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            CommandResult result = run(
                    runAs,
                    List.of(
                            binDir.resolve("pg_ctl").toString(),
                            "-D",
                            workDir.resolve("data").toString(),
                            "-l",
                            log.toString(),
                            "-w",
                            "-t",
                            "60",
                            "-o",
                            String.join(
                                    " ",
                                    "-p " + port,
                                    "-c listen_addresses=127.0.0.1",
                                    "-c unix_socket_directories='" + socketDir + "'",
                                    "-c fsync=off",
                                    "-c synchronous_commit=off",
                                    "-c full_page_writes=off",
                                    "-c max_connections=20"),
                            "start"),
                    socketDir,
                    false);
            if (result.succeeded()) {
                return new PostgresServer(binDir, workDir, socketDir, runAs, port, version);
            }
            lastLog = result.output() + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
            if (!lastLog.contains("could not bind") && !lastLog.contains("already in use")) {
                break;
            }
        }
        throw new IllegalStateException("PostgreSQL did not start (" + version + "):\n" + lastLog);
    }

    /** The server's version line, e.g. {@code postgres (PostgreSQL) 15.18}. */
    public String version() {
        return version;
    }

    /**
     * A client program installed beside the server binaries, e.g. {@code psql}: the one of the same version as
     * the server.
     */
    public Path clientBinary(String name) {
        return binDir.resolve(name);
    }

    /** The TCP port the server listens on (127.0.0.1 only). */
    public int port() {
        return port;
    }

    /**
     * Opens a connection to {@code database} as the superuser. Queries use the simple protocol, so a string holding
     * many statements goes to the server as one message and the server, not the driver, reads it.
     */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("preferQueryMode", "simple");
        props.setProperty("ApplicationName", "refguard-tests");
        props.setProperty("connectTimeout", "30");
        // bounds any single migration file, so a pathological fixture cannot hang the build
        props.setProperty("socketTimeout", "300");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    /** Creates an empty database with a fresh name starting with {@code prefix} and returns the name. */
    public String createDatabase(String prefix) throws SQLException {
        String safe = prefix.replaceAll("[^a-z0-9_]", "_");
        // stays below the 63-byte identifier limit, so the name PostgreSQL keeps is the name returned
        String name = safe.substring(0, Math.min(safe.length(), 50)) + "_" + databaseCounter.incrementAndGet();
        try (Connection c = connect(SUPERUSER);
                Statement s = c.createStatement()) {
            s.execute("create database " + name + " template template0 encoding 'UTF8' locale 'C'");
        }
        return name;
    }

    /** Drops a database made by {@link #createDatabase}, closing what still uses it. */
    public void dropDatabase(String name) throws SQLException {
        try (Connection c = connect(SUPERUSER);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** Stops the server and deletes its directories. */
    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already in the hook's own shutdown: nothing to remove
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(
                    runAs,
                    List.of(
                            binDir.resolve("pg_ctl").toString(),
                            "-D",
                            workDir.resolve("data").toString(),
                            "-m",
                            "fast",
                            "-w",
                            "stop"),
                    socketDir,
                    false);
            deleteRecursively(workDir);
            deleteRecursively(socketDir);
        } catch (IOException | RuntimeException e) {
            System.err.println("refguard tests: could not stop PostgreSQL in " + workDir + ": " + e);
        }
    }

    /** The first directory holding initdb, pg_ctl and postgres, in the order the brief of the test promises. */
    static Optional<Path> findBinDir() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(BIN_DIR_PROPERTY, "");
        if (!configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        pgConfigBinDir().ifPresent(candidates::add);
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing(PostgresServer::majorVersion)
                                .reversed())
                        .map(v -> v.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                // unreadable: fall through to PATH
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path initdb = Path.of(entry).resolve("initdb");
                if (Files.isExecutable(initdb)) {
                    // a symlink in /usr/local/bin: the server binaries sit beside its target
                    try {
                        candidates.add(initdb.toRealPath().getParent());
                    } catch (IOException e) {
                        candidates.add(Path.of(entry));
                    }
                }
            }
        }
        return candidates.stream()
                .filter(dir -> BINARIES.stream().allMatch(b -> Files.isExecutable(dir.resolve(b))))
                .findFirst();
    }

    private static Optional<Path> pgConfigBinDir() {
        try {
            CommandResult result = run(List.of(), List.of("pg_config", "--bindir"), null, false);
            return result.succeeded() ? Optional.of(Path.of(result.output().trim())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Empty when the server may run as the current user; the {@code runuser} prefix when the tests run as root. */
    private static List<String> runAsPrefix() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
            return List.of("runuser", "-u", SUPERUSER, "--");
        }
        // su takes one shell command line: the arguments are quoted for /bin/sh by run()
        return List.of("su", SUPERUSER, "-s", "/bin/sh", "-c");
    }

    private static void handToPostgresUser(Path dir) throws IOException {
        UserPrincipal postgres;
        try {
            postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the tests run as root, and PostgreSQL refuses to run as root, but there is no operating system"
                            + " user 'postgres' to run it as: " + INSTALL_HINT,
                    e);
        }
        Files.setOwner(dir, postgres);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private record CommandResult(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static CommandResult run(List<String> runAs, List<String> command, Path workingDir, boolean mustSucceed)
            throws IOException {
        List<String> full = new ArrayList<>(runAs);
        if (!runAs.isEmpty() && "su".equals(runAs.get(0))) {
            full.add(command.stream()
                    .map(PostgresServer::shellQuote)
                    .reduce((a, b) -> a + " " + b)
                    .orElse(""));
        } else {
            full.addAll(command);
        }
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        if (workingDir != null) {
            // initdb and postgres complain when they cannot enter the working directory (/root when run as root)
            builder.directory(workingDir.toFile());
        }
        builder.environment().put("LC_ALL", "C");
        // output goes to a file, not a pipe: a postmaster that kept a pipe of ours open would block a reader forever
        Path output = Files.createTempFile("refguard-pg-command-", ".log");
        builder.redirectOutput(output.toFile());
        CommandResult result;
        try {
            Process process = builder.start();
            try {
                if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", full));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
            }
            result = new CommandResult(
                    process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
        if (mustSucceed && !result.succeeded()) {
            throw new IllegalStateException("command failed (exit " + result.exitCode() + "): " + String.join(" ", full)
                    + "\n" + result.output());
        }
        return result;
    }

    private static String shellQuote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String toString() {
        return version + " on 127.0.0.1:" + port;
    }
}
