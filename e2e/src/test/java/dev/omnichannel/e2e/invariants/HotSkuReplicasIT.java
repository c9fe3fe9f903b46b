package dev.omnichannel.e2e.invariants;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.InventoryDatabase;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.ServiceReplica;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The hold path is decided by the database, whatever the number of inventory-service replicas:
 * 1 000 holds of the last 100 units, sent at once half to the stack's inventory-service and half
 * to a second replica of it, confirm exactly 100; the others are told the stock ran out.
 */
class HotSkuReplicasIT {

    static final String SKU = "CAP-SUN";
    static final String PICKUP_STORE = "lyon-part-dieu";

    @Test
    void a_thousand_holds_through_two_replicas_for_a_hundred_units_confirm_exactly_a_hundred() throws Exception {
        Stock.setAvailable(SKU, PICKUP_STORE, 100);
        InventoryDatabase.Level before = InventoryDatabase.level(SKU, PICKUP_STORE);
        String token = KeycloakTokens.gateway();
        List<Integer> statuses;
        try (ServiceReplica second = ServiceReplica.start(new File(System.getProperty("omni.root", "..")),
                "inventory-service", 8092, Map.of("OMNI_DEMO_DATA", "false"), new File("target/inventory-replica.log"))) {
            String[] replicas = { "http://localhost:8082", second.url() };
            List<Callable<Integer>> holds = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String replica = replicas[i % 2];
                holds.add(() -> hold(replica, token));
            }
            statuses = concurrently(holds, 64);
        }

        assertEquals(100, statuses.stream().filter(status -> status == 201).count(), "exactly the units there were");
        assertEquals(900, statuses.stream().filter(status -> status == 409).count(), "the others told the stock ran out");
        InventoryDatabase.Level after = InventoryDatabase.level(SKU, PICKUP_STORE);
        assertEquals(0, after.available());
        assertEquals(before.reserved() + 100, after.reserved());
        InventoryDatabase.Level ledger = InventoryDatabase.ledgerSums(SKU, PICKUP_STORE);
        assertEquals(after.onHand(), ledger.onHand(), "the level is the sum of its ledger");
        assertEquals(after.reserved(), ledger.reserved(), "the level is the sum of its ledger");
        assertTrue(after.onHand() >= after.reserved(), "never oversold");
        Stock.setAvailable(SKU, PICKUP_STORE, 10);
    }

    private static int hold(String replica, String token) {
        Response answer = given().baseUri(replica).auth().oauth2(token).contentType(ContentType.JSON)
                .header("X-Channel", "web").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", PICKUP_STORE,
                        "lines", List.of(Map.of("sku", SKU, "quantity", 1))))
                .post("/reservations");
        return answer.statusCode();
    }

    private static List<Integer> concurrently(List<Callable<Integer>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
