package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ADMIN;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.CLERK_BASTILLE;
import static org.hamcrest.Matchers.equalTo;

import dev.omnichannel.e2e.support.Stock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Journey 5: bought online, returned in any store — the stock goes back to that store. */
class ReturnAnywhereIT {

    static final String SKU = "BOTTLE-1L";
    static final String RETURN_STORE = "paris-bastille";

    @Test
    void an_order_delivered_home_and_returned_at_another_store_raises_that_stores_availability() {
        Stock.ensureAtLeast(SKU, "wh-orleans", 5);
        String orderId = ALICE_ON_WEB.api()
                .body(Map.of("lines", List.of(Map.of("sku", SKU, "quantity", 1)), "deliverTo", Map.of("address",
                        Map.of("street", "12 rue de Rivoli", "postalCode", "75004", "city", "Paris", "country", "FR",
                                "lat", 48.8556, "lon", 2.3601))))
                .post("/orders")
                .then().statusCode(201)
                .extract().path("id");
        ADMIN.api().body(Map.of("status", "shipped")).post("/orders/{id}/status", orderId).then().statusCode(200);
        ADMIN.api().body(Map.of("status", "delivered")).post("/orders/{id}/status", orderId).then().statusCode(200);
        ALICE_ON_WEB.api().get("/orders/{id}", orderId).then().statusCode(200).body("status", equalTo("DELIVERED"));

        Stock.setAvailable(SKU, RETURN_STORE, 2);
        Stock.awaitAvailable(ALICE_ON_WEB, SKU, RETURN_STORE, 2);

        CLERK_BASTILLE.api()
                .body(Map.of("storeId", RETURN_STORE, "sku", SKU, "quantity", 1, "originalRef", orderId,
                        "condition", "resaleable"))
                .post("/returns")
                .then().statusCode(201)
                .body("storeId", equalTo(RETURN_STORE));

        Stock.awaitAvailable(ALICE_ON_WEB, SKU, RETURN_STORE, 3);
        Stock.awaitAvailable(ALICE_ON_MOBILE, SKU, RETURN_STORE, 3);
    }
}
