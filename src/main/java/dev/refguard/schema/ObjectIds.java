package dev.refguard.schema;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Identities for model objects, like PostgreSQL's OIDs: unique within the process, copied into snapshots,
 * never shown to users (reports name objects, so the numbers do not make output depend on run order).
 */
final class ObjectIds {
    private static final AtomicLong NEXT = new AtomicLong();

    private ObjectIds() {}

    static long next() {
        return NEXT.incrementAndGet();
    }
}
