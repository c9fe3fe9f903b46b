package dev.omnichannel.inventory.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.testing.Api;
import dev.omnichannel.inventory.testing.Fixtures;
import dev.omnichannel.inventory.testing.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Never oversold: concurrent reservations through real HTTP calls against the real database. */
@QuarkusTest
class ReservationConcurrencyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

    private static int reserve(String store, List<Map<String, Object>> lines) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                "customerId", UUID.randomUUID().toString(), "storeId", store, "lines", lines));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/reservations"))
                .header("Authorization", "Bearer " + Api.token())
                .header("Content-Type", "application/json")
                .header("X-Channel", "web")
                .header("X-Actor", "customer:test")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static List<Integer> concurrently(int calls, int threads, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> all = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                all.add(call);
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(all)) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
