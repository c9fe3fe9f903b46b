package dev.omnichannel.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.InventoryDatabase;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.e2e.support.Stock;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the broker in the middle of 10 000 stock changes (staff adjustments at their
 * stores, customers' reservations and cancellations), restarted 5 s later. Then: every acknowledged
 * change is in inventory's ledger once, and every read model — the gateway's availability, each
 * customer's view, messaging's notifications — converges to the databases' truth, none doubled.
 */
class BrokerKilledChaos {

    static final int CHANGES = Integer.getInteger("chaos.changes", 10_000);
    static final List<String> SKUS = List.of("SOCKS-HIKE-3P", "BOTTLE-1L", "CAP-SUN");
    static final Map<Caller, String> STAFF = Map.of(Caller.CLERK_LOUVRE, "paris-louvre", Caller.CLERK_BASTILLE, "paris-bastille",
            Caller.CLERK_LYON, "lyon-part-dieu", Caller.ADMIN, "paris-louvre");
    static final List<String> STORES = List.of("paris-louvre", "paris-bastille", "lyon-part-dieu");
    static final Duration ANSWER_LIMIT = Duration.ofSeconds(120);

    final String run = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger acknowledged = new AtomicInteger();
    final ConcurrentLinkedQueue<String> adjustments = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> reservations = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> refusedHolds = new ConcurrentLinkedQueue<>();

    @Test
    void every_acknowledged_change_survives_the_broker_killed_and_every_read_model_converges() throws Exception {
        Chaos.timeouts();
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            usernames.add(run + "-c" + i);
        }
        KeycloakUsers.ensureCustomers(usernames);
        List<Caller> customers = usernames.stream().map(name -> Caller.user("mobile-app", name)).toList();
        List<String> customerIds = customers.stream().map(Caller::customerId).toList();
        SKUS.forEach(sku -> STORES.forEach(store -> Stock.ensureAtLeast(sku, store, 500)));

        CountDownLatch killAt = new CountDownLatch(CHANGES * 3 / 10);
        Instant[] restartedAt = new Instant[1];
        Thread broker = Thread.ofVirtual().start(() -> {
            try {
                killAt.await();
                Stack.kill("kafka");
                System.out.println("chaos | kafka killed after " + acknowledged.get() + " acknowledged changes");
                Thread.sleep(5_000);
                Stack.start("kafka");
                restartedAt[0] = Instant.now();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Instant started = Instant.now();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            STAFF.forEach((clerk, store) -> clients.submit(() -> adjust(clerk, store, killAt)));
            customers.forEach(customer -> clients.submit(() -> holdAndCancel(customer, killAt)));
        }
        broker.join();
        Duration loadTime = Duration.between(started, Instant.now());

        long ledgerRows = Databases.number("inventory", "SELECT count(*) FROM stock_movement WHERE reason LIKE ?", run + "-%");
        long distinctReasons = Databases.number("inventory",
                "SELECT count(DISTINCT reason) FROM stock_movement WHERE reason LIKE ?", run + "-%");
        long heldAndReleased = Databases.number("inventory",
                "SELECT count(*) FROM reservation WHERE id::text = ANY (?) AND status = 'CANCELLED'", List.copyOf(reservations));
        int acknowledgedChanges = adjustments.size() + 2 * reservations.size();
        boolean nothingLost = ChaosResults.record("broker killed: acknowledged stock changes in inventory's ledger, once",
                acknowledgedChanges + " acknowledged in " + loadTime.toSeconds() + " s; ledger: " + ledgerRows + " adjustments ("
                        + distinctReasons + " distinct) of " + adjustments.size() + ", " + heldAndReleased + " holds released of "
                        + reservations.size() + " (" + refusedHolds.size() + " holds refused, not counted)",
                "0 lost, 0 doubled", ledgerRows == adjustments.size() && distinctReasons == ledgerRows
                        && heldAndReleased == reservations.size());

        Instant convergeFrom = Instant.now();
        Duration converged = Chaos.timeToConverge(Duration.ofSeconds(180), () -> levelsMatch()
                && viewsHoldNoReservation(customers) && notificationsOnceEach(customerIds));
        boolean readModels = ChaosResults.record("broker killed: read models equal the databases after the restart",
                converged == null ? "not in 180 s" : converged.toMillis() + " ms after the load (restart "
                        + Duration.between(restartedAt[0], convergeFrom).toSeconds() + " s before it ended)",
                "availability, alerts' levels, views, notifications", converged != null);
        long doubled = Databases.number("messaging", """
                SELECT count(*) FROM (SELECT trigger_id FROM notification WHERE customer_id = ANY (?)
                GROUP BY trigger_id, template_key HAVING count(*) > 1) doubled""", customerIds);
        boolean once = ChaosResults.record("broker killed: notifications sent twice", doubled + " of "
                + Databases.number("messaging", "SELECT count(*) FROM notification WHERE customer_id = ANY (?)", customerIds),
                "0", doubled == 0);
        assertTrue(nothingLost && readModels && once, "see the chaos lines above");
    }

    private void adjust(Caller clerk, String store, CountDownLatch killAt) {
        for (int n = 0; acknowledged.get() < CHANGES; n++) {
            int i = n;
            String sku = SKUS.get(i % SKUS.size());
            String reason = run + "-" + clerk + "-" + i;
            Response answer = Retried.untilAnswered(() -> clerk.api().header("Idempotency-Key", reason)
                    .body(Map.of("storeId", store, "sku", sku, "quantity", i % 2 == 0 ? 1 : -1, "reason", reason))
                    .post("/stock/adjustments"), ANSWER_LIMIT);
            answer.then().statusCode(201);
            adjustments.add(reason);
            acknowledged.incrementAndGet();
            killAt.countDown();
        }
    }

    private void holdAndCancel(Caller customer, CountDownLatch killAt) {
        for (int n = 0; acknowledged.get() < CHANGES; n++) {
            int i = n;
            String key = run + "-" + customer + "-" + i;
            String store = STORES.get(i % STORES.size());
            Response hold = Retried.untilAnswered(() -> customer.api().header("Idempotency-Key", key)
                    .body(Map.of("storeId", store, "lines", List.of(Map.of("sku", SKUS.get(i % SKUS.size()), "quantity", 1))))
                    .post("/reservations"), ANSWER_LIMIT);
            if (hold.statusCode() != 201) {
                refusedHolds.add(hold.statusCode() + " " + hold.asString());
                continue;
            }
            String id = hold.path("id");
            Retried.untilAnswered(() -> customer.api().header("Idempotency-Key", key + "-cancel")
                    .delete("/reservations/{id}", id), ANSWER_LIMIT).then().statusCode(200);
            reservations.add(id);
            acknowledged.addAndGet(2);
            killAt.countDown();
            killAt.countDown();
        }
    }

    /** The gateway's availability and messaging's copy of the levels (what back-in-stock alerts read) equal inventory's. */
    private static boolean levelsMatch() {
        for (String sku : SKUS) {
            for (String store : STORES) {
                int truth = InventoryDatabase.level(sku, store).available();
                if (truth != Stock.available(Caller.ADMIN, sku, store) || truth != Databases.number("messaging",
                        "SELECT available FROM stock_level WHERE sku = ? AND location_id = ?", sku, store)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean viewsHoldNoReservation(List<Caller> customers) {
        return customers.stream().allMatch(customer -> customer.api().get("/me/view").then().statusCode(200).extract()
                .jsonPath().getList("reservations.findAll { it.status == 'CONFIRMED' }").isEmpty());
    }

    private boolean notificationsOnceEach(List<String> customerIds) {
        return Databases.number("messaging", """
                SELECT count(DISTINCT trigger_id) FROM notification WHERE customer_id = ANY (?)
                AND template_key = 'reservation.confirmed'""", customerIds) == reservations.size();
    }
}
