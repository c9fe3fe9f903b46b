package dev.omnichannel.inventory;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets an application/problem+json 4xx naming what is wrong, and changes nothing. */
@QuarkusTest
class BadInputTest {

    private String store;
    private String sku;

    @BeforeEach
    void stock() {
        store = Fixtures.store();
        sku = Fixtures.product();
        Fixtures.receive(store, sku, 5);
    }

    /** Everything a mutation could have changed. */
    private static String state() {
        return Ledger.text("""
                SELECT (SELECT count(*) FROM stock_movement) || '/' || (SELECT count(*) FROM reservation) || '/'
                    || (SELECT count(*) FROM fulfilment_order) || '/' || (SELECT count(*) FROM stock_return) || '/'
                    || (SELECT count(*) FROM transfer) || '/' || (SELECT count(*) FROM idempotency_record) || '/'
                    || (SELECT COALESCE(sum(on_hand), 0) || ':' || COALESCE(sum(reserved), 0) || ':'
                        || COALESCE(sum(non_sellable), 0) FROM stock_level)
                """);
    }

    private void refused(int status, Supplier<Response> call, String field) {
        String before = state();
        Response response = call.get();
        response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (field != null) {
            response.then().body("errors.field", hasItem(field));
        }
        assertEquals(before, state(), "a refused request changed something");
    }

    private Map<String, Object> reservation(Object storeId, Object skuValue, Object quantity) {
        Map<String, Object> line = new HashMap<>();
        line.put("sku", skuValue);
        line.put("quantity", quantity);
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", UUID.randomUUID().toString());
        body.put("storeId", storeId);
        body.put("lines", List.of(line));
        return body;
    }

    @Test
    void a_reservation_with_bad_input_is_refused() {
        refused(400, () -> asGateway().body(reservation(store, sku, -1)).post("/reservations"), "lines[0].quantity");
        refused(400, () -> asGateway().body(reservation(store, sku, 0)).post("/reservations"), "lines[0].quantity");
        refused(400, () -> asGateway().body(reservation(store, sku, null)).post("/reservations"), "lines[0].quantity");
        refused(400, () -> asGateway().body(reservation(null, sku, 1)).post("/reservations"), "storeId");
        refused(400, () -> asGateway().body(reservation(store, " ", 1)).post("/reservations"), "lines[0].sku");
        refused(404, () -> asGateway().body(reservation(store, "NO-SUCH-SKU", 1)).post("/reservations"), null);
        refused(404, () -> asGateway().body(reservation("no-such-store", sku, 1)).post("/reservations"), null);
        refused(400, () -> asGateway().body(Map.of("storeId", store, "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/reservations"), "customerId");
        refused(400, () -> asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of())).post("/reservations"), "lines");
        refused(400, () -> asGateway().body(Map.of("customerId", "not-a-uuid", "storeId", store,
                "lines", List.of(Map.of("sku", sku, "quantity", 1)))).post("/reservations"), "customerId");
        Map<String, Object> badHold = reservation(store, sku, 1);
        badHold.put("holdType", "forever");
        refused(400, () -> asGateway().body(badHold).post("/reservations"), "holdType");
        refused(400, () -> asGateway().body("{\"storeId\": ").post("/reservations"), null);
        refused(400, () -> asGateway().post("/reservations"), null);
        refused(400, () -> asGateway("fax", "customer:x").body(reservation(store, sku, 1)).post("/reservations"), "X-Channel");
    }

    @Test
    void reservation_steps_with_bad_input_are_refused() {
        String id = asGateway().body(reservation(store, sku, 1)).post("/reservations").then().statusCode(201)
                .extract().path("id");

        refused(400, () -> asGateway().body(Map.of("minutes", -5)).post("/reservations/" + id + "/extend"), "minutes");
        refused(400, () -> asGateway().body(Map.of()).post("/reservations/" + id + "/collect"), "pickupCode");
        refused(404, () -> asGateway().body(Map.of("minutes", 5)).post("/reservations/" + UUID.randomUUID() + "/extend"), null);
        refused(404, () -> asGateway().delete("/reservations/" + UUID.randomUUID()), null);
        refused(404, () -> asGateway().get("/reservations/not-a-uuid"), null);
    }

    @Test
    void an_order_with_bad_input_is_refused() {
        Map<String, Object> toStore = Map.of("storeId", store);
        refused(400, () -> asGateway().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", -2)), "deliverTo", toStore))
                .post("/orders"), "lines[0].quantity");
        refused(400, () -> asGateway().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)))).post("/orders"),
                "deliverTo");
        refused(400, () -> asGateway().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)),
                "deliverTo", Map.of("storeId", store, "address", Map.of("street", "1 rue A", "postalCode", "75001",
                        "city", "Paris", "country", "FR")))).post("/orders"), "deliverTo.oneDestination");
        refused(400, () -> asGateway().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)),
                "deliverTo", Map.of("address", Map.of("street", "1 rue A")))).post("/orders"), "deliverTo.address.city");
        refused(404, () -> asGateway().body(Map.of("lines", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1)),
                "deliverTo", toStore)).post("/orders"), null);
        refused(404, () -> asGateway().body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)),
                "deliverTo", Map.of("storeId", "no-such-store"))).post("/orders"), null);
        refused(400, () -> asGateway().body(Map.of("status", "TELEPORTED")).post("/orders/" + UUID.randomUUID() + "/status"),
                "status");
        refused(404, () -> asGateway().body(Map.of("status", "SHIPPED")).post("/orders/" + UUID.randomUUID() + "/status"), null);
    }

    @Test
    void a_return_with_bad_input_is_refused() {
        refused(400, () -> asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", -1)).post("/returns"), "quantity");
        refused(400, () -> asGateway().body(Map.of("storeId", store, "sku", sku)).post("/returns"), "quantity");
        refused(400, () -> asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", 1, "condition", "stolen"))
                .post("/returns"), "condition");
        refused(404, () -> asGateway().body(Map.of("storeId", store, "sku", "NO-SUCH-SKU", "quantity", 1)).post("/returns"), null);
        refused(404, () -> asGateway().body(Map.of("storeId", "no-such-store", "sku", sku, "quantity", 1)).post("/returns"), null);
    }

    @Test
    void stock_movements_with_bad_input_are_refused() {
        refused(400, () -> asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", -3)).post("/stock/receipts"),
                "quantity");
        refused(404, () -> asGateway().body(Map.of("storeId", store, "sku", "NO-SUCH-SKU", "quantity", 3))
                .post("/stock/receipts"), null);
        refused(404, () -> asGateway().body(Map.of("storeId", "no-such-store", "sku", sku, "quantity", 3))
                .post("/stock/receipts"), null);
        refused(400, () -> asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", 0, "reason", "count"))
                .post("/stock/adjustments"), "quantityNonZero");
        refused(400, () -> asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", 2)).post("/stock/adjustments"),
                "reason");
        refused(400, () -> asGateway().body(Map.of("fromStoreId", store, "toStoreId", store, "sku", sku, "quantity", 1))
                .post("/stock/transfers"), "toAnotherStore");
        refused(404, () -> asGateway().body(Map.of("fromStoreId", store, "toStoreId", "no-such-store", "sku", sku, "quantity", 1))
                .post("/stock/transfers"), null);
    }
}
