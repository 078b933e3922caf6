// A throwaway PostgreSQL server for the drift ITs (drift-clean, drift-each-kind), evaluated by their setup.groovy and
// verify.groovy. Like src/test/java/dev/refguard/postgres/PostgresServer.java: initdb into the project's target
// folder, trust authentication, 127.0.0.1 only, the socket in a short temp directory, and the server binaries run
// as the OS user postgres when the build runs as root (PostgreSQL refuses to run as root). Each IT has a fixed port
// of its own. start() stops the server again when anything after initdb fails; stop() is what verify.groovy
// calls first, before it asserts anything.
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

class DriftPostgres {
    static final String SUPERUSER = 'postgres'
    static final String INSTALL_HINT = 'the drift ITs need PostgreSQL server binaries (initdb, pg_ctl, postgres, psql):' +
            ' apt-get install -y postgresql, or name their directory with the environment variable REFGUARD_POSTGRES_BIN_DIR'

    final File basedir
    final int port
    final File workDir
    final File dataDir
    final File logFile
    final File socketRecord

    DriftPostgres(File basedir, int port) {
        this.basedir = basedir
        this.port = port
        this.workDir = new File(basedir, 'target/postgres')
        this.dataDir = new File(workDir, 'data')
        this.logFile = new File(workDir, 'postgres.log')
        this.socketRecord = new File(basedir, 'target/postgres-socket-dir.txt')
    }

    /** The first directory holding initdb, pg_ctl, postgres and psql; fails with a message that says what to install. */
    static File binDir() {
        def candidates = []
        def configured = System.getenv('REFGUARD_POSTGRES_BIN_DIR')
        if (configured) {
            candidates << new File(configured)
        }
        def debian = new File('/usr/lib/postgresql')
        if (debian.isDirectory()) {
            debian.listFiles().findAll { it.name ==~ /\d+/ }.sort { -(it.name as int) }.each { candidates << new File(it, 'bin') }
        }
        System.getenv('PATH')?.split(File.pathSeparator)?.each { if (it) candidates << new File(it) }
        def found = candidates.find { dir -> ['initdb', 'pg_ctl', 'postgres', 'psql'].every { new File(dir, it).canExecute() } }
        if (found == null) {
            throw new IllegalStateException('No PostgreSQL server binaries found in ' + candidates + ': ' + INSTALL_HINT)
        }
        return found
    }

    static List<String> runAs() {
        if (System.getProperty('user.name') != 'root') {
            return []
        }
        try {
            new File('/').toPath().fileSystem.userPrincipalLookupService.lookupPrincipalByName(SUPERUSER)
        } catch (IOException e) {
            throw new IllegalStateException('the build runs as root, PostgreSQL refuses to run as root, and there is no' +
                    ' OS user postgres to run it as: ' + INSTALL_HINT)
        }
        return ['runuser', '-u', SUPERUSER, '--']
    }

    /** Runs a command with its output in a file (a postmaster keeping a pipe of ours open would block a reader). */
    static Map run(List<String> command, File dir, boolean mustSucceed) {
        def output = File.createTempFile('refguard-it-pg-', '.log')
        try {
            def builder = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(true).redirectOutput(output)
            builder.directory(dir)
            builder.environment().put('LC_ALL', 'C')
            builder.environment().remove('PGPASSWORD')
            def process = builder.start()
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly()
                throw new IllegalStateException('timed out: ' + command.join(' '))
            }
            def result = [exit: process.exitValue(), output: output.getText('UTF-8')]
            if (mustSucceed && result.exit != 0) {
                throw new IllegalStateException("command failed (exit ${result.exit}): ${command.join(' ')}\n${result.output}")
            }
            return result
        } finally {
            output.delete()
        }
    }

    static void handToPostgres(File dir) {
        def postgres = dir.toPath().fileSystem.userPrincipalLookupService.lookupPrincipalByName(SUPERUSER)
        Files.setOwner(dir.toPath(), postgres)
    }

    /** initdb, start, create the database, run each script (files or SQL text) with psql; stops the server on failure. */
    void start(String database, List scripts) {
        def bin = binDir()
        def prefix = runAs()
        // a server a killed earlier run left in this project's target folder is stopped before its files go
        stop()
        workDir.deleteDir()
        workDir.mkdirs()
        def socketDir = Files.createTempDirectory('refguard-it-pg-').toFile()
        socketRecord.text = socketDir.path
        def cwd = socketDir
        if (prefix) {
            handToPostgres(workDir)
            handToPostgres(socketDir)
        }
        run(prefix + [new File(bin, 'initdb').path, '-D', dataDir.path, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8',
                '--locale=C', '--no-sync'], cwd, true)
        try {
            def started = run(prefix + [new File(bin, 'pg_ctl').path, '-D', dataDir.path, '-l', logFile.path, '-w', '-t', '60',
                    '-o', "-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='${socketDir}' -c fsync=off" +
                            ' -c synchronous_commit=off -c full_page_writes=off -c max_connections=20',
                    'start'], cwd, false)
            if (started.exit != 0) {
                throw new IllegalStateException("PostgreSQL did not start on 127.0.0.1:${port}:\n${started.output}" +
                        (logFile.exists() ? logFile.getText('UTF-8') : ''))
            }
            psql(bin, 'postgres', "create database ${database} template template0 encoding 'UTF8' locale 'C'")
            scripts.each { psql(bin, database, it) }
            // a build that never reaches verify.groovy (a timeout, Ctrl-C of the outer Maven) leaves no server either
            Runtime.runtime.addShutdownHook(new Thread({ stop() } as Runnable, "refguard-it-postgres-${port}"))
        } catch (Throwable e) {
            stop()
            throw e
        }
    }

    private void psql(File bin, String database, Object script) {
        def command = [new File(bin, 'psql').path, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', "${port}".toString(),
                '-U', SUPERUSER, '-d', database]
        command += script instanceof File ? ['-f', script.path] : ['-c', script.toString()]
        run(command, basedir, true)
    }

    /** Stops the server of this project's target folder, if one runs (immediate: nothing in it is worth keeping). */
    void stop() {
        if (new File(dataDir, 'postmaster.pid').exists()) {
            run(runAs() + [new File(binDir(), 'pg_ctl').path, '-D', dataDir.path, '-m', 'immediate', '-w', 'stop'], basedir, false)
        }
        if (socketRecord.exists()) {
            new File(socketRecord.text.trim()).deleteDir()
            socketRecord.delete()
        }
    }
}

return DriftPostgres
