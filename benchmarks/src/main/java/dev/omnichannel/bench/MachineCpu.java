package dev.omnichannel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time the whole machine spent (every process: the suite, PostgreSQL, Kafka, and the load
 * generator itself), from /proc/stat. Divided by the requests of a run, it says what one request
 * costs — which, once the cores are saturated, is what latency at a fixed concurrency follows.
 */
final class MachineCpu {

    /** Linux reports /proc/stat in USER_HZ ticks, 100 per second on every mainstream kernel. */
    static final double MILLIS_PER_TICK = 10;

    private MachineCpu() {
    }

    /**
     * Waits (at most two minutes) until the machine is at rest: under a third of its cores busy
     * over two seconds, what the suite does after a load run (notifications, read models) done.
     */
    static void awaitQuiet() throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        for (int round = 0; round < 60; round++) {
            double before = busyMillis();
            Thread.sleep(2000);
            if (Double.isNaN(before) || (busyMillis() - before) / 2000 < cores / 3.0) {
                return;
            }
        }
    }

    /** Busy CPU milliseconds since boot: user, nice, system, irq, softirq, steal (not idle, not iowait). */
    static double busyMillis() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] ticks = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
            long busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + (ticks.length > 7 ? ticks[7] : 0);
            return busy * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN; // not Linux: the figure is left out
        }
    }
}
