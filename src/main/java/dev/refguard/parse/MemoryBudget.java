package dev.refguard.parse;

/**
 * Bounds the bytes of the files being read at once. Reading a file holds its text about twice at its
 * peak (three to five times its size), so worker threads reading large files side by side could
 * exhaust a heap that holds each of them alone: a file that does not fit the budget beside the others
 * waits until they are done, and one larger than the whole budget is read alone.
 */
final class MemoryBudget {
    private final long limit;
    private long inFlight;

    MemoryBudget(long limit) {
        this.limit = Math.max(limit, 1L << 20);
    }

    synchronized void acquire(long bytes) throws InterruptedException {
        while (inFlight > 0 && inFlight + bytes > limit) {
            wait();
        }
        inFlight += bytes;
    }

    synchronized void release(long bytes) {
        inFlight -= bytes;
        notifyAll();
    }
}
