package dev.omnichannel.inventory.stock;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Receipts, adjustments and transfers: ledger rows, levels kept in step, the actor recorded. */
@QuarkusTest
class StockMovementsTest {

    @Test
    void an_adjustment_is_a_signed_correction_recorded_with_its_reason_and_actor() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 5);

        asGateway("store", "staff:clerk@" + store)
                .body(Map.of("storeId", store, "sku", sku, "quantity", -2, "reason", "inventory count"))
                .post("/stock/adjustments")
                .then().statusCode(201).body("onHand", equalTo(3)).body("available", equalTo(3)).body("version", equalTo(2));
        asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", 4, "reason", "found in the back room"))
                .post("/stock/adjustments").then().statusCode(201).body("onHand", equalTo(7));

        asGateway().queryParam("sku", sku).queryParam("locationId", store).get("/stock/ledger")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[0].type", equalTo("adjustment"))
                .body("items[0].onHandDelta", equalTo(4))
                .body("items[1].onHandDelta", equalTo(-2))
                .body("items[1].reason", equalTo("inventory count"))
                .body("items[1].actor", equalTo("staff:clerk@" + store))
                .body("items[2].type", equalTo("receipt"));
        assertTrue(Ledger.check(sku, store).agrees());
    }

    @Test
    void an_adjustment_below_zero_available_is_refused_with_409_and_changes_nothing() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 3);
        asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of(Map.of("sku", sku, "quantity", 2)))).post("/reservations").then().statusCode(201);

        asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", -2, "reason", "theft"))
                .post("/stock/adjustments")
                .then().statusCode(409).contentType("application/problem+json").body("available", equalTo(1));

        Ledger.Check level = Ledger.check(sku, store);
        assertEquals(3, level.onHand());
        assertEquals(2, level.reserved());
        assertEquals(2, level.movements());
    }

    @Test
    void a_transfer_moves_available_units_between_locations() {
        String from = Fixtures.store();
        String to = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(from, sku, 5);

        asGateway().body(Map.of("fromStoreId", from, "toStoreId", to, "sku", sku, "quantity", 3))
                .post("/stock/transfers")
                .then().statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .body("from.available", equalTo(2))
                .body("to.available", equalTo(3));

        asGateway().body(Map.of("fromStoreId", from, "toStoreId", to, "sku", sku, "quantity", 3))
                .post("/stock/transfers")
                .then().statusCode(409).body("available", equalTo(2));
        assertEquals(2, Ledger.check(sku, from).onHand());
        assertEquals(3, Ledger.check(sku, to).onHand());
        assertTrue(Ledger.check(sku, from).agrees());
        assertTrue(Ledger.check(sku, to).agrees());
    }

    @Test
    void levels_are_listed_per_sku_across_locations() {
        String a = Fixtures.store();
        String b = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(a, sku, 1);
        Fixtures.receive(b, sku, 2);

        asGateway().queryParam("sku", sku).get("/stock/levels")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2))
                .body("items.find { it.locationId == '" + b + "' }.onHand", equalTo(2));
    }

    @Test
    void a_retried_receipt_with_the_same_idempotency_key_is_received_once() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        String key = UUID.randomUUID().toString();
        Map<String, Object> receipt = Map.of("storeId", store, "sku", sku, "quantity", 4);

        asGateway().header("Idempotency-Key", key).body(receipt).post("/stock/receipts")
                .then().statusCode(201).body("onHand", equalTo(4));
        asGateway().header("Idempotency-Key", key).body(receipt).post("/stock/receipts")
                .then().statusCode(201).body("onHand", equalTo(4)).body("version", equalTo(1));

        assertEquals(4, Ledger.check(sku, store).onHand());
        assertEquals(1, Ledger.check(sku, store).movements());
        // the same key for another request is refused
        asGateway().header("Idempotency-Key", key).body(Map.of("storeId", store, "sku", sku, "quantity", 5))
                .post("/stock/receipts").then().statusCode(422);
    }
}
