package dev.omnichannel.e2e.chaos;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** What every scenario shares: calls that cannot hang, and the time a system takes to agree with its truth. */
final class Chaos {

    private Chaos() {
    }

    /** Every call of the scenario gives up after 10 s (3 s to connect): a hang is a figure, not a stuck run. */
    static void timeouts() {
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 3_000)
                .setParam("http.socket.timeout", 10_000));
    }

    /** How long until {@code converged} holds (checked every 250 ms; a check that throws counts as not yet); null past {@code limit}. */
    static Duration timeToConverge(Duration limit, BooleanSupplier converged) {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
            try {
                if (converged.getAsBoolean()) {
                    return Duration.between(start, Instant.now());
                }
            } catch (RuntimeException | AssertionError notYet) {
                // a component still starting answers 503 or refuses the connection
            }
            sleep(Duration.ofMillis(250));
        }
        return null;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
