package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.BOB_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.CLERK_LOUVRE;
import static dev.omnichannel.e2e.support.Caller.KIOSK_LOUVRE;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.Customers;
import dev.omnichannel.e2e.support.Mails;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.Mailbox;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Journey 2: the website shows the stock of the customer's store; she reserves online and collects
 * in store. The stock is right on every channel the moment it changes.
 */
class ClickAndCollectIT {

    static final String SKU = "SHOE-RUN-42";
    static final String STORE = "paris-louvre";

    @Test
    void a_reservation_on_the_web_lowers_the_stock_everywhere_is_mailed_and_collected_in_store() {
        Customers.expectMailFor(ALICE_ON_WEB);
        Stock.setAvailable(SKU, STORE, 5);
        Stock.awaitAvailable(ALICE_ON_WEB, SKU, STORE, 5);

        JsonPath reservation = ALICE_ON_WEB.api()
                .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 2))))
                .post("/reservations")
                .then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("storeId", equalTo(STORE))
                .body("pickupCode", notNullValue())
                .body("expiresAt", notNullValue())
                .body("pickupWindow", notNullValue())
                .extract().jsonPath();
        String id = reservation.getString("id");
        String pickupCode = reservation.getString("pickupCode");

        for (Caller channel : List.of(KIOSK_LOUVRE, BOB_ON_MOBILE, ALICE_ON_WEB)) {
            Stock.awaitAvailable(channel, SKU, STORE, 3);
        }

        Mailbox.Mail mail = Mailbox.await("alice@example.com", m -> m.subject().contains(pickupCode), Customers.MAIL_WAIT);
        String content = Mails.decoded(mail);
        assertTrue(content.contains("Paris Louvre") && !content.contains(STORE), "the mail names the store by its name: " + content);
        assertFalse(Mails.trackedTokens(mail).isEmpty(), "the mail's links are tracked through the gateway");
        assertTrue(Mails.leadsTo(mail, "/storefront/?tab=reservations&reservation=" + id),
                "a link of the mail leads to the reservation among the customer's pickups");

        String found = CLERK_LOUVRE.api().queryParam("storeId", STORE).queryParam("pickupCode", pickupCode)
                .get("/reservations")
                .then().statusCode(200)
                .extract().path("items[0].id");
        assertEquals(id, found, "staff find the reservation by its pickup code");
        CLERK_LOUVRE.api().body(Map.of("pickupCode", pickupCode))
                .post("/reservations/{id}/collect", id)
                .then().statusCode(200)
                .body("status", equalTo("COLLECTED"));

        ALICE_ON_WEB.api().get("/reservations/{id}", id).then().statusCode(200).body("status", equalTo("COLLECTED"));
        Stock.awaitAvailable(KIOSK_LOUVRE, SKU, STORE, 3);
    }
}
