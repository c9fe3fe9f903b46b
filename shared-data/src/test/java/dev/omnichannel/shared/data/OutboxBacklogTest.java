package dev.omnichannel.shared.data;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.testing.PrometheusScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox's backlog at /q/metrics: rows waiting and the age of the oldest, measured apart from the relay. */
@QuarkusTest
class OutboxBacklogTest {

    /** OutboxRelay's advisory lock: held here, no replica relays. */
    private static final long RELAY_LOCK = 0x6f75_7462_6f78L;
    private static final Duration AT_MOST = Duration.ofSeconds(15);

    @Inject
    Pool pool;

    @Test
    void the_gauges_show_the_rows_waiting_and_the_age_of_the_oldest_until_they_are_relayed() {
        String key = "backlog-" + UUID.randomUUID();
        SqlConnection relayStopped = pool.getConnection().await().atMost(AT_MOST);
        try {
            relayStopped.preparedQuery("SELECT pg_advisory_lock($1)").execute(Tuple.of(RELAY_LOCK)).await().atMost(AT_MOST);
            long before = count(relayStopped, "SELECT count(*) FROM outbox_event");
            for (int i = 0; i < 3; i++) {
                given().contentType(ContentType.JSON).body(Map.of("key", key, "message", "waits " + i))
                        .post("/test/events").then().statusCode(200);
            }
            // written a minute ago, as if the relay had been stuck since
            relayStopped.preparedQuery("UPDATE outbox_event SET created_at = now() - interval '60 seconds' WHERE message_key = $1")
                    .execute(Tuple.of(key)).await().atMost(AT_MOST);

            await().atMost(AT_MOST).untilAsserted(() -> {
                PrometheusScrape metrics = scrape();
                assertEquals(before + 3, metrics.sum("omni_outbox_pending_rows"));
                double oldest = metrics.sum("omni_outbox_oldest_age_seconds");
                assertTrue(oldest >= 60 && oldest < 90, "oldest row's age " + oldest);
            });
        } finally {
            relayStopped.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(RELAY_LOCK)).await().atMost(AT_MOST);
            relayStopped.closeAndAwait();
        }

        await().atMost(AT_MOST).untilAsserted(() -> {
            PrometheusScrape metrics = scrape();
            assertEquals(0, metrics.sum("omni_outbox_pending_rows"));
            assertEquals(0, metrics.sum("omni_outbox_oldest_age_seconds"));
        });
    }

    @Test
    void the_gauges_say_what_they_measure() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(text.contains("# HELP omni_outbox_pending_rows Outbox rows committed and not yet relayed to Kafka"), text);
        assertTrue(text.contains("# HELP omni_outbox_oldest_age_seconds Age of the oldest outbox row"), text);
    }

    private static long count(SqlConnection connection, String sql) {
        return connection.query(sql).execute().await().atMost(AT_MOST).iterator().next().getLong(0);
    }

    private static PrometheusScrape scrape() {
        return PrometheusScrape.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
