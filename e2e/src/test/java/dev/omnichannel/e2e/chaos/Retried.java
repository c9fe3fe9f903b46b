package dev.omnichannel.e2e.chaos;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A write sent as a client that must not lose it would send it: the same request (same
 * Idempotency-Key) again after a 429 or 5xx (waiting its {@code Retry-After}) or a broken
 * connection, until it is answered — so what was acknowledged can be counted afterwards.
 */
final class Retried {

    private Retried() {
    }

    static Response untilAnswered(Supplier<Response> request, Duration limit) {
        Instant giveUp = Instant.now().plus(limit);
        RuntimeException lastFailure = null;
        while (Instant.now().isBefore(giveUp)) {
            try {
                Response answer = request.get();
                if (answer.statusCode() != 429 && answer.statusCode() < 500) {
                    return answer;
                }
                pause(answer.header("Retry-After"));
            } catch (RuntimeException e) {
                lastFailure = e; // connection refused or reset while the component is down
                pause(null);
            }
        }
        throw new IllegalStateException("no answer in " + limit, lastFailure);
    }

    private static void pause(String retryAfter) {
        long millis = retryAfter == null ? 200 : Math.min(5_000, Long.parseLong(retryAfter.strip()) * 1_000);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
