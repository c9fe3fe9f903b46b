package dev.omnichannel.e2e.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for asynchronous outcomes on a loaded two-core machine: generous, polled gently (the
 * gateway's per-user rate limit is 20 requests a second).
 */
public final class Eventually {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Eventually() {
    }

    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500));
    }

    public static ConditionFactory eventually(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500));
    }
}
