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
public final class ParserWarmUp {
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

    private ParserWarmUp() {}

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void startInBackground() {
        Thread thread = new Thread(() -> warmUp(), "refguard-parser-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
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
