package dev.omnichannel.inventory.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.inventory.support.Api;
import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Under overload a hold is answered at once: with the queue of holds made tiny here (2 at a time,
 * 2 waiting), a burst gets its refusals as 503 problem+json with Retry-After, never a timeout, and
 * what was confirmed is exactly what is held.
 */
@QuarkusTest
@TestProfile(HoldsOverloadTest.TinyQueue.class)
class HoldsOverloadTest {

    public static class TinyQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dev.omnichannel.inventory.reservation.service.ReservationService/create/Bulkhead/value", "2",
                    "dev.omnichannel.inventory.reservation.service.ReservationService/create/Bulkhead/waitingTaskQueue", "2");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_full_queue_of_holds_refuses_at_once_with_503_and_retry_after() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 1000);

        List<HttpResponse<String>> answers = burst(200, 64, store, sku);

        long confirmed = answers.stream().filter(a -> a.statusCode() == 201).count();
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() != 201).toList();
        assertTrue(confirmed > 0, "some holds get through");
        assertTrue(!refused.isEmpty(), "a burst of 200 at 64 at once cannot all fit in 4 places");
        for (HttpResponse<String> answer : refused) {
            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            assertTrue(answer.body().contains("overloaded"), answer.body());
        }
        assertEquals(confirmed, Ledger.check(sku, store).reserved(), "what was confirmed is what is held");
        assertTrue(Ledger.check(sku, store).agrees());
    }

    private static List<HttpResponse<String>> burst(int calls, int threads, String store, String sku) throws Exception {
        String body = JSON.writeValueAsString(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of(Map.of("sku", sku, "quantity", 1))));
        Callable<HttpResponse<String>> call = () -> HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + RestAssured.port + "/reservations"))
                .header("Authorization", "Bearer " + Api.token()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(Collections.nCopies(calls, call))) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
