package dev.omnichannel.e2e.invariants;

import static dev.omnichannel.e2e.support.Caller.ADMIN;
import static dev.omnichannel.e2e.support.Caller.BOB_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.CLERK_LYON;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.e2e.support.Customers;
import dev.omnichannel.e2e.support.InventoryDatabase;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.ProviderInbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No lost or doubled events: the broker dies while stock changes flow and comes back; every change
 * then reaches every consumer — the gateway's availability, the customer's timeline, the
 * notification — once, and every read model ends equal to inventory's levels.
 */
class KafkaOutageIT {

    static final List<String> SKUS = List.of("HEADLAMP-300", "SOCKS-HIKE-3P", "GLOVES-WINTER-L");
    static final List<String> STORES = List.of("paris-louvre", "paris-bastille", "lyon-part-dieu");
    static final String RESERVED_SKU = "CAP-SUN";
    static final String BOBS_STORE = "lyon-part-dieu";

    @Test
    void stock_changes_made_while_the_broker_is_down_reach_every_consumer_once_it_is_back() {
        Stock.ensureAtLeast(RESERVED_SKU, BOBS_STORE, 2);
        adjustEverything(+3, "e2e: before the outage");

        String reservationId;
        String pickupCode;
        Stack.stop("kafka");
        try {
            adjustEverything(-1, "e2e: during the outage");
            adjustEverything(+2, "e2e: during the outage");
            Map<String, Object> reservation = BOB_ON_MOBILE.api()
                    .body(Map.of("storeId", BOBS_STORE, "lines", List.of(Map.of("sku", RESERVED_SKU, "quantity", 1))))
                    .post("/reservations")
                    .then().statusCode(201)
                    .extract().jsonPath().getMap("");
            reservationId = (String) reservation.get("id");
            pickupCode = (String) reservation.get("pickupCode");
        } finally {
            Stack.start("kafka");
        }
        adjustEverything(-2, "e2e: after the outage");

        List<String[]> changed = new ArrayList<>();
        SKUS.forEach(sku -> STORES.forEach(store -> changed.add(new String[] { sku, store })));
        changed.add(new String[] { RESERVED_SKU, BOBS_STORE });
        eventually(Duration.ofSeconds(180)).alias("the gateway's availability equals inventory's levels").untilAsserted(() -> {
            for (String[] key : changed) {
                assertEquals(InventoryDatabase.level(key[0], key[1]).available(), Stock.available(ADMIN, key[0], key[1]),
                        key[0] + " at " + key[1]);
            }
        });

        ProviderInbox.await("sms", d -> d.text().contains(pickupCode), Customers.MAIL_WAIT.plusSeconds(60));
        String bob = BOB_ON_MOBILE.customerId();
        eventually().alias("bob's timeline has the reservation").until(() -> timelineEntries(bob, reservationId) > 0);
        eventually(Duration.ofSeconds(30)).during(Duration.ofSeconds(15)).alias("nothing doubled")
                .untilAsserted(() -> {
                    assertEquals(1, ProviderInbox.received("sms").stream().filter(d -> d.text().contains(pickupCode)).count(),
                            "one SMS for the reservation");
                    assertEquals(1, timelineEntries(bob, reservationId), "one timeline entry for the reservation");
                });
        BOB_ON_MOBILE.api().delete("/reservations/{id}", reservationId).then().statusCode(200);
    }

    private static void adjustEverything(int delta, String reason) {
        for (String sku : SKUS) {
            for (String store : STORES) {
                Stock.adjust(sku, store, delta, reason);
            }
        }
    }

    /** Entries of {@code reservation.confirmed} for this reservation in the customer's timeline, as staff see it. */
    private static long timelineEntries(String customerId, String reservationId) {
        List<Map<String, Object>> items = CLERK_LYON.api().queryParam("size", 100)
                .get("/customers/{id}/timeline", customerId)
                .then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(item -> "reservation.confirmed".equals(item.get("kind"))
                && reservationId.equals(item.get("ref"))).count();
    }
}
