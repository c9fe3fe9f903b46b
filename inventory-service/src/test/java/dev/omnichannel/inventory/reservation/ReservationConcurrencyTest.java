package dev.omnichannel.inventory.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.inventory.support.Api;
import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Never oversold, never deadlocked, never held twice: concurrent reservations through real HTTP
 * calls against the real database (a hot SKU: a launch, a flash sale, the last units).
 */
@QuarkusTest
class ReservationConcurrencyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void two_hundred_concurrent_reservations_for_the_last_ten_units_confirm_ten_and_reject_190() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 10);

        List<Integer> statuses = concurrently(200, 64, () -> reserve(store, List.of(Map.of("sku", sku, "quantity", 1))));

        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of(201, 10L, 409, 190L), byStatus);
        Ledger.Check level = Ledger.check(sku, store);
        assertEquals(10, level.onHand());
        assertEquals(10, level.reserved());
        assertEquals(0, level.available());
        assertTrue(level.agrees(), "on hand, reserved and version agree with the ledger: " + level);
        assertEquals(10, Ledger.count("SELECT count(*) FROM stock_movement WHERE sku = ? AND type = 'reservation'", sku));
    }

    @Test
    void concurrent_orders_with_the_same_sku_on_two_lines_never_oversell() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        String other = Fixtures.product();
        Fixtures.receive(store, sku, 7);
        Fixtures.receive(store, other, 100);

        // each asks 2 units of sku in two lines, and one unit of another SKU: at most 3 can be served
        List<Integer> statuses = concurrently(40, 20, () -> reserve(store, List.of(
                Map.of("sku", sku, "quantity", 1), Map.of("sku", other, "quantity", 1), Map.of("sku", sku, "quantity", 1))));

        assertEquals(3, statuses.stream().filter(s -> s == 201).count());
        assertEquals(37, statuses.stream().filter(s -> s == 409).count());
        Ledger.Check level = Ledger.check(sku, store);
        assertEquals(6, level.reserved());
        assertEquals(1, level.available());
        assertTrue(level.agrees());
        assertEquals(3, Ledger.check(other, store).reserved(), "the other line is held only for confirmed reservations");
        assertTrue(Ledger.check(other, store).agrees());
    }

    @Test
    void a_thousand_concurrent_holds_for_a_hundred_units_confirm_exactly_a_hundred_and_say_why_to_the_rest() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 100);

        List<HttpResponse<String>> answers = concurrentlyAnswered(1000, 64,
                () -> post(store, List.of(Map.of("sku", sku, "quantity", 1)), null));

        assertEquals(100, answers.stream().filter(a -> a.statusCode() == 201).count());
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() != 201).toList();
        assertEquals(900, refused.size());
        for (HttpResponse<String> answer : refused) {
            assertEquals(409, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.body().contains("insufficient-stock") && answer.body().contains("\"available\":0"),
                    answer.body());
        }
        Ledger.Check level = Ledger.check(sku, store);
        assertEquals(100, level.reserved());
        assertEquals(0, level.available());
        assertTrue(level.agrees(), "on hand, reserved and version agree with the ledger: " + level);
        assertEquals(100, Ledger.count("SELECT coalesce(sum(l.quantity), 0) FROM reservation r JOIN reservation_line l "
                + "ON l.reservation_id = r.id WHERE l.sku = ? AND r.status = 'CONFIRMED'", sku),
                "the confirmed reservations hold what the level says is reserved");
    }

    @Test
    void reservations_naming_two_skus_in_opposite_orders_never_deadlock() throws Exception {
        String store = Fixtures.store();
        String first = Fixtures.product();
        String second = Fixtures.product();
        Fixtures.receive(store, first, 1000);
        Fixtures.receive(store, second, 1000);
        List<Map<String, Object>> forward = List.of(Map.of("sku", first, "quantity", 1), Map.of("sku", second, "quantity", 1));
        List<Map<String, Object>> backward = List.of(Map.of("sku", second, "quantity", 1), Map.of("sku", first, "quantity", 1));

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<Map<String, Object>> lines = i % 2 == 0 ? forward : backward;
            calls.add(() -> post(store, lines, null).statusCode());
        }
        List<Integer> statuses = run(calls, 64);

        assertEquals(Map.of(201, 200L), statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())));
        assertEquals(200, Ledger.check(first, store).reserved());
        assertEquals(200, Ledger.check(second, store).reserved());
        assertTrue(Ledger.check(first, store).agrees() && Ledger.check(second, store).agrees());
    }

    @Test
    void retries_of_one_hold_with_its_idempotency_key_hold_once_and_answer_the_same_reservation() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 50);
        String key = UUID.randomUUID().toString();
        String customer = UUID.randomUUID().toString();

        List<HttpResponse<String>> answers = concurrentlyAnswered(20, 20,
                () -> post(store, List.of(Map.of("sku", sku, "quantity", 2)), key, customer));

        assertEquals(20, answers.stream().filter(a -> a.statusCode() == 201).count());
        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            ids.add(JSON.readTree(answer.body()).path("id").asText());
        }
        assertEquals(1, ids.stream().distinct().count(), "every retry answers the first reservation: " + ids);
        assertEquals(2, Ledger.check(sku, store).reserved());
        assertEquals(1, Ledger.count("SELECT count(*) FROM reservation_line WHERE sku = ?", sku));
    }

    private static int reserve(String store, List<Map<String, Object>> lines) throws Exception {
        return post(store, lines, null).statusCode();
    }

    private static HttpResponse<String> post(String store, List<Map<String, Object>> lines, String idempotencyKey)
            throws Exception {
        return post(store, lines, idempotencyKey, UUID.randomUUID().toString());
    }

    private static HttpResponse<String> post(String store, List<Map<String, Object>> lines, String idempotencyKey,
            String customerId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("customerId", customerId, "storeId", store, "lines", lines));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/reservations"))
                .header("Authorization", "Bearer " + Api.token())
                .header("Content-Type", "application/json")
                .header("X-Channel", "web")
                .header("X-Actor", "customer:test")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Integer> concurrently(int calls, int threads, Callable<Integer> call) throws Exception {
        return run(Collections.nCopies(calls, call), threads);
    }

    private static List<HttpResponse<String>> concurrentlyAnswered(int calls, int threads,
            Callable<HttpResponse<String>> call) throws Exception {
        return run(Collections.nCopies(calls, call), threads);
    }

    private static <T> List<T> run(List<Callable<T>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
