package dev.omnichannel.inventory.fulfilment;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endless aisle over the real database: a store out of stock orders from the nearest locations
 * that ship, and the stock follows the order to the store or the home.
 */
@QuarkusTest
class FulfilmentOrdersTest {

    private static final List<String> SHIPPING_STORE = List.of("sells", "pickup", "ship-from", "returns");

    /** A region of its own for each test: the destination store and locations at known distances from it. */
    private double lat;
    private double lon;
    private String destination;
    private String sku;

    @BeforeEach
    void region() {
        lat = -20 - Math.random() * 20;
        lon = 60 + Math.random() * 20;
        destination = Fixtures.location("store", lat, lon, SHIPPING_STORE);
        sku = Fixtures.product("50.00");
    }

    /** A location about {@code km} kilometres north of the destination. */
    private String locationAt(double km, String type, List<String> capabilities) {
        return Fixtures.location(type, lat + km / 111.2, lon, capabilities);
    }

    private Response order(Map<String, Object> deliverTo, List<Map<String, Object>> lines) {
        return asGateway("kiosk", "kiosk:" + destination)
                .body(Map.of("customerId", UUID.randomUUID().toString(), "lines", lines, "deliverTo", deliverTo))
                .post("/orders");
    }

    private Response orderToStore(int quantity) {
        return order(Map.of("storeId", destination), List.of(Map.of("sku", sku, "quantity", quantity)));
    }

    private static void advance(String orderId, String status) {
        asGateway().body(Map.of("status", status)).post("/orders/" + orderId + "/status")
                .then().statusCode(200).body("status", equalTo(status));
    }

    @Test
    void an_order_is_sourced_from_the_nearest_location_with_stock() {
        String nearEmpty = locationAt(1, "store", SHIPPING_STORE);
        String near = locationAt(5, "store", SHIPPING_STORE);
        String warehouse = locationAt(100, "warehouse", List.of("ship-from"));
        String nearButCannotShip = locationAt(2, "store", List.of("sells", "pickup"));
        Fixtures.receive(near, sku, 2);
        Fixtures.receive(warehouse, sku, 10);
        Fixtures.receive(nearButCannotShip, sku, 10);

        orderToStore(1).then().statusCode(201)
                .body("status", equalTo("CREATED"))
                .body("allocations", hasSize(1))
                .body("allocations[0].storeId", equalTo(near))
                .body("allocations[0].quantity", equalTo(1))
                .body("allocations[0].method", equalTo("transfer"))
                .body("deliverTo.storeId", equalTo(destination));

        assertEquals(1, Ledger.check(sku, near).reserved(), "held at the source until fulfilment");
        assertEquals(0, Ledger.check(sku, nearButCannotShip).reserved(), "a store that does not ship is not touched");
        assertTrue(Ledger.check(sku, nearEmpty) == null);
    }

    @Test
    void one_location_with_every_unit_is_preferred_to_a_split() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        String warehouse = locationAt(100, "warehouse", List.of("ship-from"));
        Fixtures.receive(near, sku, 2);
        Fixtures.receive(warehouse, sku, 10);

        orderToStore(3).then().statusCode(201)
                .body("allocations", hasSize(1))
                .body("allocations[0].storeId", equalTo(warehouse))
                .body("allocations[0].quantity", equalTo(3));
    }

    @Test
    void without_one_location_for_everything_the_lines_are_split_nearest_first() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        String middle = locationAt(50, "store", SHIPPING_STORE);
        String far = locationAt(300, "warehouse", List.of("ship-from"));
        String other = Fixtures.product("10.00");
        Fixtures.receive(near, sku, 2);
        Fixtures.receive(middle, sku, 5);
        Fixtures.receive(far, other, 5);

        Response created = order(Map.of("storeId", destination),
                List.of(Map.of("sku", sku, "quantity", 3), Map.of("sku", other, "quantity", 1)));

        created.then().statusCode(201).body("allocations", hasSize(3)).body("total", equalTo(160.00f));
        List<Map<String, Object>> allocations = created.path("allocations");
        assertTrue(allocations.contains(Map.of("storeId", near, "sku", sku, "quantity", 2, "method", "transfer")));
        assertTrue(allocations.contains(Map.of("storeId", middle, "sku", sku, "quantity", 1, "method", "transfer")));
        assertTrue(allocations.contains(Map.of("storeId", far, "sku", other, "quantity", 1, "method", "transfer")));
    }

    @Test
    void when_no_location_has_everything_the_delivery_store_serves_what_it_has_and_the_rest_is_transferred() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        Fixtures.receive(destination, sku, 1);
        Fixtures.receive(near, sku, 2);

        Response created = orderToStore(3);

        created.then().statusCode(201).body("allocations", hasSize(2));
        List<Map<String, Object>> allocations = created.path("allocations");
        assertTrue(allocations.contains(Map.of("storeId", destination, "sku", sku, "quantity", 1, "method", "in-store")));
        assertTrue(allocations.contains(Map.of("storeId", near, "sku", sku, "quantity", 2, "method", "transfer")));
    }

    @Test
    void a_store_delivery_moves_the_stock_to_the_store_where_the_customer_collects_it() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        Fixtures.receive(near, sku, 4);
        String id = orderToStore(2).then().statusCode(201).extract().path("id");

        advance(id, "SHIPPED");
        Ledger.Check source = Ledger.check(sku, near);
        assertEquals(2, source.onHand(), "transfer-out at the source on shipping");
        assertEquals(0, source.reserved());
        assertEquals(1, Ledger.movements(id, "transfer-out"));

        advance(id, "DELIVERED");
        Ledger.Check store = Ledger.check(sku, destination);
        assertEquals(2, store.onHand(), "transfer-in at the store on delivery");
        assertEquals(2, store.reserved(), "then held there for the customer");
        assertEquals(0, store.available());

        advance(id, "COLLECTED");
        store = Ledger.check(sku, destination);
        assertEquals(0, store.onHand());
        assertEquals(0, store.reserved());
        assertTrue(store.agrees());
        assertTrue(Ledger.check(sku, near).agrees());
        assertEquals(1, Ledger.count("SELECT count(*) FROM transfer WHERE order_id = ? AND status = 'RECEIVED'", UUID.fromString(id)));
    }

    @Test
    void a_home_delivery_ships_from_the_nearest_location_and_is_a_sale_there() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        String far = locationAt(200, "warehouse", List.of("ship-from"));
        Fixtures.receive(near, sku, 3);
        Fixtures.receive(far, sku, 3);
        Map<String, Object> home = Map.of("address", Map.of("street", "3 rue des Lilas", "postalCode", "75020",
                "city", "Paris", "country", "FR", "lat", lat + 4 / 111.2, "lon", lon));

        Response created = order(home, List.of(Map.of("sku", sku, "quantity", 2)));
        created.then().statusCode(201)
                .body("allocations[0].storeId", equalTo(near))
                .body("allocations[0].method", equalTo("shipment"))
                .body("deliverTo.address.city", equalTo("Paris"));
        String id = created.path("id");

        advance(id, "SHIPPED");
        assertEquals(1, Ledger.check(sku, near).onHand());
        assertEquals(0, Ledger.check(sku, near).reserved());
        assertEquals(1, Ledger.movements(id, "sale"));
        advance(id, "DELIVERED");
        asGateway().body(Map.of("status", "COLLECTED")).post("/orders/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void an_order_no_set_of_locations_can_supply_is_refused_and_reserves_nothing() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        Fixtures.receive(near, sku, 2);

        orderToStore(5).then().statusCode(409)
                .contentType("application/problem+json")
                .body("lines[0].sku", equalTo(sku))
                .body("lines[0].requested", equalTo(5))
                .body("lines[0].available", equalTo(2));
        assertEquals(0, Ledger.check(sku, near).reserved());
    }

    @Test
    void cancelling_before_shipping_releases_the_held_stock_and_a_shipped_order_cannot_be_cancelled() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        Fixtures.receive(near, sku, 4);
        String cancelled = orderToStore(2).then().statusCode(201).extract().path("id");
        String shipped = orderToStore(1).then().statusCode(201).extract().path("id");

        advance(cancelled, "CANCELLED");
        advance(shipped, "SHIPPED");

        assertEquals(3, Ledger.check(sku, near).onHand());
        assertEquals(3, Ledger.check(sku, near).available());
        asGateway().body(Map.of("status", "CANCELLED")).post("/orders/" + shipped + "/status")
                .then().statusCode(409);
        asGateway().get("/orders/" + cancelled).then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void a_delivery_store_without_pickup_is_refused_with_422() {
        String noPickup = Fixtures.location("store", lat, lon + 0.01, List.of("sells", "returns"));
        String near = locationAt(5, "store", SHIPPING_STORE);
        Fixtures.receive(near, sku, 4);

        order(Map.of("storeId", noPickup), List.of(Map.of("sku", sku, "quantity", 1)))
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(0, Ledger.check(sku, near).reserved());
    }

    @Test
    void a_customer_lists_their_orders() {
        String near = locationAt(5, "store", SHIPPING_STORE);
        Fixtures.receive(near, sku, 4);
        String customer = UUID.randomUUID().toString();
        asGateway().body(Map.of("customerId", customer, "lines", List.of(Map.of("sku", sku, "quantity", 1)),
                "deliverTo", Map.of("storeId", destination))).post("/orders").then().statusCode(201);

        asGateway().queryParam("customerId", customer).get("/orders")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].lines[0].sku", equalTo(sku));
    }
}
