package dev.omnichannel.e2e.chaos;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.InventoryDatabase;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.e2e.support.Stock;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of each service in the middle of writes it owns, sent through the gateway by
 * customers who retry with the same Idempotency-Key until answered, then started again: no
 * acknowledged write is lost or doubled, its events reach the consumers once, and a retry of an
 * acknowledged write answers its first outcome.
 */
class ServiceKilledChaos {

    static final int WRITES = Integer.getInteger("chaos.service-writes", 240);
    static final int WRITERS = 4;
    static final List<String> SKUS = List.of("SOCKS-HIKE-3P", "BOTTLE-1L", "CAP-SUN");
    static final String STORE = "paris-bastille";

    /** What one write needs: who sends it, its number, its Idempotency-Key. */
    interface Write {
        Response send(Caller customer, int number, String key);
    }

    record Acknowledged(Caller customer, int number, String key, Response answer) {
    }

    static String run;
    static List<Caller> customers;
    static List<String> customerIds;

    @BeforeAll
    static void customers() {
        Chaos.timeouts();
        run = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            usernames.add(run + "-w" + i);
        }
        KeycloakUsers.ensureCustomers(usernames);
        customers = usernames.stream().map(name -> Caller.user("storefront", name)).toList();
        customerIds = customers.stream().map(Caller::customerId).toList();
    }

    @Test
    void inventory_killed_while_customers_reserve() {
        SKUS.forEach(sku -> Stock.ensureAtLeast(sku, STORE, WRITES));
        Write hold = (customer, i, key) -> customer.api().header("Idempotency-Key", key)
                .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKUS.get(i % SKUS.size()), "quantity", 1))))
                .post("/reservations");
        List<Acknowledged> holds = killedDuring("inventory-service", hold);
        List<String> ids = holds.stream().map(acknowledged -> acknowledged.answer().<String>path("id")).toList();
        long stored = Databases.number("inventory", "SELECT count(*) FROM reservation WHERE customer_id::text = ANY (?)",
                customerIds);
        long confirmed = Databases.number("inventory",
                "SELECT count(*) FROM reservation WHERE id::text = ANY (?) AND status = 'CONFIRMED'", ids);
        boolean kept = ChaosResults.record("inventory-service killed: acknowledged reservations stored once",
                confirmed + " of " + holds.size() + " acknowledged; " + stored + " rows for these customers", "0 lost, 0 doubled",
                confirmed == holds.size() && stored == holds.size());
        Duration downstream = Chaos.timeToConverge(Duration.ofSeconds(120), () -> Databases.number("messaging", """
                SELECT count(DISTINCT trigger_id) FROM notification WHERE customer_id = ANY (?)
                AND template_key = 'reservation.confirmed'""", customerIds) == holds.size()
                && SKUS.stream().allMatch(sku -> InventoryDatabase.level(sku, STORE).available()
                        == Stock.available(Caller.ADMIN, sku, STORE)));
        long doubled = Databases.number("messaging", """
                SELECT count(*) FROM (SELECT trigger_id FROM notification WHERE customer_id = ANY (?)
                GROUP BY trigger_id HAVING count(*) > 1) doubled""", customerIds);
        boolean once = ChaosResults.record("inventory-service killed: its events reach messaging and the gateway once",
                downstream == null ? "not in 120 s" : "in " + downstream.toMillis() + " ms; " + doubled + " notifications doubled",
                "one notification per reservation, availability = levels", downstream != null && doubled == 0);
        assertTrue(kept & once & replaysAnswerTheFirstOutcome("inventory-service", holds, hold, "id"), "see the chaos lines above");
    }

    @Test
    void customer_service_killed_while_customers_fill_their_carts() {
        Write setQuantity = (customer, i, key) -> customer.api().header("Idempotency-Key", key)
                .body(Map.of("quantity", 1 + i % 9)).put("/me/cart/items/{sku}", SKUS.get(i % SKUS.size()));
        List<Acknowledged> writes = killedDuring("customer-service", setQuantity);
        Map<String, Integer> lastQuantities = new ConcurrentHashMap<>();
        for (Acknowledged write : writes) {
            lastQuantities.merge(write.customer() + "|" + SKUS.get(write.number() % SKUS.size()), write.number(), Math::max);
        }
        Duration consistent = Chaos.timeToConverge(Duration.ofSeconds(60), () -> lastQuantities.entrySet().stream()
                .allMatch(last -> {
                    Caller customer = customers.stream().filter(c -> last.getKey().startsWith(c + "|")).findFirst().orElseThrow();
                    String sku = last.getKey().substring(last.getKey().indexOf('|') + 1);
                    int expected = 1 + last.getValue() % 9;
                    String line = "items.find { it.sku == '" + sku + "' }.quantity";
                    return Objects.equals(expected, customer.api().get("/me/cart").then().extract().path(line))
                            && Objects.equals(expected, customer.api().get("/me/view").then().extract().path("cart." + line));
                }));
        boolean kept = ChaosResults.record("customer-service killed: each cart holds its last acknowledged quantity, in the view too",
                consistent == null ? "not in 60 s" : writes.size() + " acknowledged; carts and views agree in "
                        + consistent.toMillis() + " ms", "0 lost", consistent != null);
        assertTrue(kept & replaysAnswerTheFirstOutcome("customer-service", writes, setQuantity, "version"), "see the chaos lines above");
    }

    @Test
    void messaging_killed_while_customers_write_to_the_store() {
        Map<Caller, String> conversations = new ConcurrentHashMap<>();
        customers.forEach(customer -> conversations.put(customer, customer.api()
                .body(Map.of("subject", "order", "text", run + " opening")).post("/me/conversations")
                .then().statusCode(201).extract().path("id")));
        Write message = (customer, i, key) -> customer.api().header("Idempotency-Key", key).body(Map.of("text", key))
                .post("/me/conversations/{id}/messages", conversations.get(customer));
        List<Acknowledged> messages = killedDuring("messaging-service", message);
        List<String> texts = messages.stream().map(Acknowledged::key).toList();
        long stored = Databases.number("messaging", "SELECT count(*) FROM conversation_message WHERE text = ANY (?)", texts);
        long distinct = Databases.number("messaging", "SELECT count(DISTINCT text) FROM conversation_message WHERE text = ANY (?)",
                texts);
        long unacknowledged = Databases.number("messaging", """
                SELECT count(*) FROM conversation_message WHERE text LIKE ? AND NOT (text = ANY (?))""", run + "-%", texts);
        boolean kept = ChaosResults.record("messaging-service killed: acknowledged messages stored once",
                distinct + " of " + messages.size() + " acknowledged; " + stored + " rows; " + unacknowledged
                        + " stored but never acknowledged", "0 lost, 0 doubled",
                distinct == messages.size() && stored == messages.size());
        assertTrue(kept & replaysAnswerTheFirstOutcome("messaging-service", messages, message, "id"), "see the chaos lines above");
    }

    /** {@link #WRITES} writes from every customer at once; the service killed after a third, started again 2 s later. */
    private static List<Acknowledged> killedDuring(String service, Write write) {
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch killAt = new CountDownLatch(WRITES / 3);
        AtomicInteger next = new AtomicInteger();
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                killAt.await();
                Stack.kill(service);
                System.out.println("chaos | " + service + " killed after " + acknowledged.size() + " acknowledged writes");
                Thread.sleep(2_000);
                Stack.start(service);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Caller customer : customers) {
                clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < WRITES; i = next.getAndIncrement()) {
                        int number = i;
                        String key = run + "-" + service + "-" + number;
                        Response answer = Retried.untilAnswered(() -> write.send(customer, number, key), Duration.ofSeconds(180));
                        answer.then().statusCode(anyOf(is(200), is(201)));
                        acknowledged.add(new Acknowledged(customer, number, key, answer));
                        killAt.countDown();
                    }
                });
            }
        }
        try {
            killer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return acknowledged;
    }

    /** Twenty acknowledged writes sent again with their keys: each answers what it answered first. */
    private static boolean replaysAnswerTheFirstOutcome(String service, List<Acknowledged> writes, Write write, String field) {
        List<String> differing = new ArrayList<>();
        List<Acknowledged> sample = writes.subList(0, Math.min(20, writes.size()));
        for (Acknowledged first : sample) {
            Response replay = Retried.untilAnswered(() -> write.send(first.customer(), first.number(), first.key()),
                    Duration.ofSeconds(60));
            Object was = first.answer().path(field);
            Object is = replay.path(field);
            if (replay.statusCode() != first.answer().statusCode() || !Objects.equals(String.valueOf(was), String.valueOf(is))) {
                differing.add(first.key() + ": " + first.answer().statusCode() + " " + was + " then " + replay.statusCode() + " " + is);
            }
        }
        return ChaosResults.record(service + " killed: a retry with the same Idempotency-Key answers the first outcome",
                (sample.size() - differing.size()) + " of " + sample.size() + " replays" + (differing.isEmpty() ? "" : ": " + differing),
                "all", differing.isEmpty());
    }

}
