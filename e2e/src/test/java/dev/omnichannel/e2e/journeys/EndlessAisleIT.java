package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.CLERK_LOUVRE;
import static dev.omnichannel.e2e.support.Caller.KIOSK_LOUVRE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Customers;
import dev.omnichannel.e2e.support.Mails;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Journey 4: in store the item is out of stock; the kiosk orders it from another location for
 * delivery to the store, staff receive it, and the customer is told on her preferred channel.
 */
class EndlessAisleIT {

    static final String SKU = "TENT-2P";
    static final String STORE = "paris-louvre";
    static final Set<String> DELIVERED_SUBJECTS = Set.of("Votre commande est arrivée", "Your order has arrived");

    @Test
    void the_kiosk_orders_what_the_store_lacks_from_another_location_and_the_customer_is_told_when_it_arrives() {
        Customers.expectMailFor(ALICE_ON_WEB);
        Stock.setAvailable(SKU, STORE, 0);
        Stock.ensureAtLeast(SKU, "paris-bastille", 1);
        Stock.awaitAvailable(KIOSK_LOUVRE, SKU, STORE, 0);

        String alice = KIOSK_LOUVRE.api().queryParam("identity", "email:alice@example.com")
                .get("/customers")
                .then().statusCode(200)
                .extract().path("items[0].id");

        Map<String, Object> order = KIOSK_LOUVRE.api()
                .body(Map.of("customerId", alice, "lines", List.of(Map.of("sku", SKU, "quantity", 1)),
                        "deliverTo", Map.of("storeId", STORE)))
                .post("/orders")
                .then().statusCode(201)
                .body("deliverTo.storeId", equalTo(STORE))
                .extract().jsonPath().getMap("");
        String orderId = (String) order.get("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) order.get("allocations");
        assertEquals(1, allocations.stream().mapToInt(a -> ((Number) a.get("quantity")).intValue()).sum());
        assertTrue(allocations.stream().noneMatch(a -> STORE.equals(a.get("storeId"))),
                "sourced from another location: " + allocations);

        int mailsBefore = Mailbox.of("alice@example.com").size();
        try (TopicProbe fulfilment = TopicProbe.open("inventory.fulfilment");
                TopicProbe messaging = TopicProbe.open("messaging.events")) {
            CLERK_LOUVRE.api().body(Map.of("status", "shipped")).post("/orders/{id}/status", orderId)
                    .then().statusCode(200).body("status", equalTo("SHIPPED"));
            CLERK_LOUVRE.api().body(Map.of("status", "delivered")).post("/orders/{id}/status", orderId)
                    .then().statusCode(200).body("status", equalTo("DELIVERED"));

            String delivered = fulfilment.await(e -> e.type().equals("order.delivered")
                    && orderId.equals(e.data().path("orderId").asText()), Duration.ofSeconds(60)).event().path("id").asText();
            TopicProbe.Received sent = messaging.await(e -> e.type().equals("message.sent")
                    && delivered.equals(e.data().path("trigger").asText()), Customers.MAIL_WAIT);
            assertEquals("email", sent.data().path("channel").asText(), "told on her preferred channel");
            assertEquals("order.delivered", sent.data().path("templateKey").asText());
        }

        List<Mailbox.Mail> arrived = Mails.since("alice@example.com", mailsBefore, m -> DELIVERED_SUBJECTS.contains(m.subject()));
        Mailbox.Mail mail = arrived.stream().filter(m -> Mails.leadsTo(m, "&order=" + orderId)).findFirst()
                .orElseThrow(() -> new AssertionError("no 'order delivered' mail links to order " + orderId));
        String content = Mails.decoded(mail);
        assertTrue(content.contains("Paris Louvre") && !content.contains(STORE), "the mail names the store it waits at: " + content);

        ALICE_ON_WEB.api().get("/orders/{id}", orderId).then().statusCode(200).body("status", equalTo("DELIVERED"));
        CLERK_LOUVRE.api().body(Map.of("status", "collected")).post("/orders/{id}/status", orderId)
                .then().statusCode(200).body("status", equalTo("COLLECTED"));
    }
}
