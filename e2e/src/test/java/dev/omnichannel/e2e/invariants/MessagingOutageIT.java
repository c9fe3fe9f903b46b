package dev.omnichannel.e2e.invariants;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.BOB_ON_MOBILE;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Customers;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.e2e.support.Views;
import dev.omnichannel.testing.ProviderInbox;
import dev.omnichannel.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service down changes nothing to the view (it is read from the gateway's model of the events);
 * what the service missed meanwhile is done when it is back, once: the notification of a
 * reservation made while messaging-service was down is sent once.
 */
class MessagingOutageIT {

    static final String SKU = "CAP-SUN";
    static final String STORE = "lyon-part-dieu";

    @Test
    void without_messaging_the_view_is_whole_and_the_reservation_made_meanwhile_is_notified_once_after() {
        Stock.ensureAtLeast(SKU, STORE, 2);
        String reservationId;
        String pickupCode;
        String confirmedEvent;
        try (TopicProbe fulfilment = TopicProbe.open("inventory.fulfilment");
                TopicProbe messaging = TopicProbe.open("messaging.events")) {
            Stack.stop("messaging-service");
            try {
                JsonPath view = ALICE_ON_WEB.api().get("/me/view").then().statusCode(200).extract().jsonPath();
                assertFalse(view.getBoolean("partial"), "whole: " + view.getList("missing"));
                assertTrue(view.get("conversation") != null && view.getString("customer.id") != null
                        && view.get("cart") != null, "the conversation and the rest of the view are there");
                Map<String, Object> reservation = BOB_ON_MOBILE.api()
                        .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1))))
                        .post("/reservations")
                        .then().statusCode(201)
                        .extract().jsonPath().getMap("");
                reservationId = (String) reservation.get("id");
                pickupCode = (String) reservation.get("pickupCode");
                confirmedEvent = fulfilment.await(e -> e.type().equals("reservation.confirmed")
                        && reservationId.equals(e.data().path("reservationId").asText()), Duration.ofSeconds(60))
                        .event().path("id").asText();
            } finally {
                Stack.start("messaging-service");
            }

            ProviderInbox.await("sms", d -> d.text().contains(pickupCode), Customers.MAIL_WAIT);
            eventually(Duration.ofSeconds(30)).during(Duration.ofSeconds(15)).alias("sent once").untilAsserted(() -> {
                assertEquals(1, ProviderInbox.received("sms").stream().filter(d -> d.text().contains(pickupCode)).count(),
                        "one SMS");
                assertEquals(1, messaging.all(e -> e.type().equals("message.sent")
                        && confirmedEvent.equals(e.data().path("trigger").asText()), Duration.ofMillis(200)).size(),
                        "one message.sent for the reservation");
            });
        }
        Views.complete(ALICE_ON_WEB);
        BOB_ON_MOBILE.api().delete("/reservations/{id}", reservationId).then().statusCode(200);
    }
}
