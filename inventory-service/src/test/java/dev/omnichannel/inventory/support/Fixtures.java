package dev.omnichannel.inventory.support;

import static dev.omnichannel.inventory.support.Api.asGateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Locations, products and stock of one test, under names no other test uses. */
public final class Fixtures {

    public static final List<String> STORE = List.of("sells", "pickup", "returns");

    private Fixtures() {
    }

    public static String uniqueSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String uniqueLocationId() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A store with the given capabilities at a point. */
    public static String location(String type, double lat, double lon, List<String> capabilities) {
        String id = uniqueLocationId();
        asGateway().body(Map.of("name", "Test " + id, "type", type, "location", Map.of("lat", lat, "lon", lon),
                "address", Map.of("street", "1 rue du Test", "postalCode", "75001", "city", "Paris", "country", "FR"),
                "capabilities", capabilities,
                "openingHours", Map.of("mon", "09:00-20:00", "sun", "closed")))
                .put("/locations/" + id).then().statusCode(200);
        return id;
    }

    /** A pickup store somewhere no other test looks. */
    public static String store() {
        return location("store", -40 - Math.random() * 10, -140 - Math.random() * 10, STORE);
    }

    public static String product(String price) {
        String sku = uniqueSku();
        asGateway().body(Map.of("name", "Product " + sku, "description", "A test product", "price", price,
                "currency", "EUR"))
                .put("/products/" + sku).then().statusCode(200);
        return sku;
    }

    public static String product() {
        return product("10.00");
    }

    public static void receive(String locationId, String sku, int quantity) {
        asGateway().body(Map.of("storeId", locationId, "sku", sku, "quantity", quantity))
                .post("/stock/receipts").then().statusCode(201);
    }
}
