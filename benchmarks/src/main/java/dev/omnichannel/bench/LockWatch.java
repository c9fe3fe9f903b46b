package dev.omnichannel.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples inventory's sessions during a load run: how many wait for a lock, and how many sit idle
 * inside a transaction (a lock held while the service takes its turn to send the next statement).
 */
final class LockWatch {

    private final PgBench database;
    private final AtomicInteger maxWaiting = new AtomicInteger();
    private final AtomicInteger maxIdleInTransaction = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private LockWatch(PgBench database) {
        this.database = database;
        this.thread = Thread.ofPlatform().daemon().start(this::sample);
    }

    static LockWatch start(PgBench database) {
        return new LockWatch(database);
    }

    int maxWaiting() {
        return maxWaiting.get();
    }

    int maxIdleInTransaction() {
        return maxIdleInTransaction.get();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void sample() {
        while (running) {
            try {
                String[] counts = database.psql("""
                        SELECT count(*) FILTER (WHERE wait_event_type = 'Lock') || ' '
                               || count(*) FILTER (WHERE state = 'idle in transaction')
                        FROM pg_stat_activity WHERE datname = current_database()""").split(" ");
                maxWaiting.accumulateAndGet(Integer.parseInt(counts[0]), Math::max);
                maxIdleInTransaction.accumulateAndGet(Integer.parseInt(counts[1]), Math::max);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a sample lost: the next one counts
            }
        }
    }
}
