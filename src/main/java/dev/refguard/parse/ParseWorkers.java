package dev.refguard.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads files are parsed on: a fixed pool, started on demand (at most {@code min(threads,
 * tasks)}), with large stacks for JSqlParser's recursive descent. Results come back in submission order.
 */
final class ParseWorkers implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    ParseWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        AtomicInteger workerNumber = new AtomicInteger();
        // one core thread per submitted task until `threads` exist, so min(threads, tasks) are started
        this.pool = new ThreadPoolExecutor(
                threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
                    // a large stack: JSqlParser's recursive descent is deep even within the nesting guard
                    Thread thread =
                            new Thread(null, task, "refguard-parse-" + workerNumber.incrementAndGet(), 64L << 20);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs every task on the workers and returns their results in the order of {@code tasks}.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    <T> List<T> runAll(List<Callable<T>> tasks) {
        // the caller waits once for all of them: waiting on each result in turn woke it once a file, and each
        // wake-up took a core from the workers
        CountDownLatch finished = new CountDownLatch(tasks.size());
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            FutureTask<T> future = new FutureTask<>(task) {
                @Override
                protected void done() {
                    finished.countDown();
                }
            };
            pool.execute(future);
            futures.add(future);
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing migrations", e);
        }
        List<T> results = new ArrayList<>(tasks.size());
        for (Future<T> future : futures) {
            results.add(await(future, futures));
        }
        return results;
    }

    /** Stops the threads; tasks under way finish. */
    @Override
    public void close() {
        pool.shutdown();
    }

    private static <T> T await(Future<T> future, List<Future<T>> all) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing migrations", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("parsing failed: " + cause, cause);
        }
    }
}
