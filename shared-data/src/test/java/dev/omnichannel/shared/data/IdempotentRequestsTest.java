package dev.omnichannel.shared.data;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.shared.data.idempotency.IdempotencyKeyRetention;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Idempotency-Key handling over the real PostgreSQL. */
@QuarkusTest
class IdempotentRequestsTest {

    @Inject
    Pool database;

    @Inject
    IdempotencyKeyRetention retention;

    private static int increment(String counter, int by, String key) {
        var request = given().contentType(ContentType.JSON).body(Map.of("by", by));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/test/counters/" + counter).then().statusCode(200).extract().path("value");
    }

    private static int value(String counter) {
        return given().get("/test/counters/" + counter).then().statusCode(200).extract().path("value");
    }

    @Test
    void a_retry_with_the_same_key_returns_the_first_result_and_changes_nothing() {
        String counter = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        assertEquals(5, increment(counter, 5, key));
        assertEquals(5, increment(counter, 5, key));
        assertEquals(5, value(counter));
        assertEquals(12, increment(counter, 7, null));
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_changes_nothing() {
        String counter = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        increment(counter, 1, key);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("by", 2))
                .post("/test/counters/" + counter)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));
        assertEquals(1, value(counter));
    }

    @Test
    void concurrent_retries_with_one_key_apply_the_mutation_once() throws Exception {
        String counter = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> increment(counter, 3, key));
            }
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertEquals(3, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, value(counter));
    }

    @Test
    void a_failed_mutation_does_not_burn_its_key() {
        String counter = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("by", -1))
                .post("/test/counters/" + counter)
                .then().statusCode(400);

        assertEquals(0, value(counter));
    }

    @Test
    void keys_older_than_the_retention_are_forgotten_and_recent_ones_kept() {
        String counter = "c-" + UUID.randomUUID();
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        increment(counter, 1, old);
        increment(counter, 10, recent);
        database.preparedQuery("UPDATE idempotency_record SET created_at = now() - interval '8 days' WHERE key = $1")
                .execute(Tuple.of(old)).await().indefinitely();

        retention.forgetExpired().await().indefinitely();

        assertEquals(11, increment(counter, 10, recent), "a recent key still returns its first result");
        assertEquals(12, increment(counter, 1, old), "a forgotten key is a new request");
        assertEquals(12, value(counter));
    }
}
