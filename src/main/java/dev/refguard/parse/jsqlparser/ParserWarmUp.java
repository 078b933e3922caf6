package dev.refguard.parse.jsqlparser;

import dev.refguard.split.SqlStatement;
import dev.refguard.split.StatementSplitter;
import java.time.Duration;

/**
 * Loads and initialises JSqlParser and the mappers on a background thread while the migration files are still being
 * found, so a fresh JVM (every Maven build) does not pay for it on the critical path: the first statement JSqlParser
 * reads costs about 0.3 s in a fresh JVM, mostly class loading and initialisation, while finding the files keeps
 * only one core busy. The warm-up reads fixed statements of its own; its result is dropped.
 */
public final class ParserWarmUp implements AutoCloseable {
    /** A statement of each kind the parse of a typical history gives JSqlParser first. */
    private static final String STATEMENTS = """
            CREATE TABLE IF NOT EXISTS public.warm_up (
                id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                owner_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
                name text NOT NULL CHECK (char_length(name) > 0),
                created_at timestamptz DEFAULT now(),
                UNIQUE (owner_id, name)
            );
            ALTER TABLE public.warm_up ADD COLUMN note varchar(20) DEFAULT 'x';
            ALTER TABLE public.warm_up ADD CONSTRAINT warm_up_fk FOREIGN KEY (owner_id) REFERENCES public.warm_up (id);
            """;

    private final Thread thread;

    private ParserWarmUp(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts the warm-up on a daemon thread and returns at once; {@link #close()} waits for it to end, which the
     * caller must do before its own end: a thread still loading classes when Maven closes the plugin's class loader
     * fails with {@link NoClassDefFoundError}.
     */
    public static ParserWarmUp start() {
        Thread thread = new Thread(() -> warmUp(), "refguard-parser-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return new ParserWarmUp(thread);
    }

    /** Waits for the warm-up to end (a fraction of a second at most); an interrupt is kept for the caller. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the warm-up is still under way. */
    boolean running() {
        return thread.isAlive();
    }

    /** Reads the warm-up statements; returns how many JSqlParser read (all of them, or the warm-up misses its aim). */
    static int warmUp() {
        int read = 0;
        try (JSqlParserRun run = new JSqlParserRun(Duration.ofSeconds(10))) {
            for (SqlStatement statement : StatementSplitter.split(STATEMENTS).statements()) {
                read += run.read(statement).changes() == null ? 0 : 1;
            }
        }
        return read;
    }
}
