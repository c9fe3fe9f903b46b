package dev.omnichannel.inventory.returns;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Return anywhere, with a disposition: resaleable back into the receiving store's stock, damaged to non-sellable. */
@QuarkusTest
class ReturnsTest {

    private static Response returnAt(String storeId, String sku, int quantity, String originalRef, String condition) {
        Map<String, Object> body = new HashMap<>(Map.of("storeId", storeId, "sku", sku, "quantity", quantity));
        if (originalRef != null) {
            body.put("originalRef", originalRef);
        }
        if (condition != null) {
            body.put("condition", condition);
        }
        return asGateway("store", "staff:clerk@" + storeId).body(body).post("/returns");
    }

    @Test
    void a_return_increases_the_available_stock_of_the_store_that_receives_it() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 1);

        returnAt(store, sku, 2, null, null).then().statusCode(201)
                .body("condition", equalTo("resaleable"))
                .body("linkedTo", nullValue())
                .body("level.available", equalTo(3));

        assertEquals(3, Ledger.check(sku, store).available());
        assertTrue(Ledger.check(sku, store).agrees());
    }

    @Test
    void a_damaged_return_goes_to_the_store_non_sellable_stock_and_not_to_its_available_stock() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 1);

        returnAt(store, sku, 1, null, "damaged").then().statusCode(201).body("level.nonSellable", equalTo(1));

        Ledger.Check level = Ledger.check(sku, store);
        assertEquals(1, level.available());
        assertEquals(1, level.onHand());
        assertEquals(1, level.nonSellable());
        assertTrue(level.agrees());
    }

    @Test
    void an_item_reserved_online_and_collected_in_one_store_is_returned_in_another_and_linked_to_its_reservation() {
        String bought = Fixtures.store();
        String returnedTo = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(bought, sku, 3);
        String customer = UUID.randomUUID().toString();
        Response reservation = asGateway("mobile", "customer:" + customer)
                .body(Map.of("customerId", customer, "storeId", bought, "lines", List.of(Map.of("sku", sku, "quantity", 2))))
                .post("/reservations");
        String id = reservation.path("id");
        asGateway().body(Map.of("pickupCode", reservation.path("pickupCode").toString()))
                .post("/reservations/" + id + "/collect").then().statusCode(200);

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            String returnId = returnAt(returnedTo, sku, 1, id, null).then().statusCode(201)
                    .body("linkedTo", equalTo("reservation"))
                    .body("customerId", equalTo(customer))
                    .body("channel", equalTo("store"))
                    .extract().path("id");

            TopicProbe.Received accepted = fulfilment.await(r -> returnId.equals(r.key()));
            assertEquals("return.accepted", accepted.type());
            assertEquals(id, accepted.data().path("originalRef").asText());
            assertEquals(customer, accepted.data().path("customerId").asText());
            assertEquals(returnedTo, accepted.data().path("storeId").asText());
        }
        assertEquals(1, Ledger.check(sku, returnedTo).available(), "back in the receiving store");
        assertEquals(1, Ledger.check(sku, bought).available(), "not in the store it was bought from");

        returnAt(returnedTo, sku, 2, id, null).then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, Ledger.check(sku, returnedTo).available(), "no more comes back than was bought");
    }

    @Test
    void a_reservation_not_collected_cannot_be_returned() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 3);
        String id = asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of(Map.of("sku", sku, "quantity", 1)))).post("/reservations").path("id");

        returnAt(store, sku, 1, id, null).then().statusCode(422);
        assertEquals(2, Ledger.check(sku, store).available());
    }

    @Test
    void a_till_receipt_reference_is_kept_as_given() {
        String store = Fixtures.store();
        String sku = Fixtures.product();

        returnAt(store, sku, 1, "POS-2026-000123", null).then().statusCode(201)
                .body("originalRef", equalTo("POS-2026-000123"))
                .body("linkedTo", nullValue());
        assertEquals(1, Ledger.check(sku, store).available());
    }

    @Test
    void a_store_that_does_not_accept_returns_refuses_with_422() {
        String warehouse = Fixtures.location("warehouse", -45, -150, List.of("ship-from"));
        String sku = Fixtures.product();

        returnAt(warehouse, sku, 1, null, null).then().statusCode(422).contentType("application/problem+json");
        assertEquals(null, Ledger.check(sku, warehouse));
    }
}
