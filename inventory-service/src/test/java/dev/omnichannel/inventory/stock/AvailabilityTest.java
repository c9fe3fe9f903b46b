package dev.omnichannel.inventory.stock;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.omnichannel.inventory.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Availability per store, around a point (nearest first, within a radius) and in bulk for carts. */
@QuarkusTest
class AvailabilityTest {

    @Test
    void availability_at_a_store_is_on_hand_minus_reserved() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 5);
        asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of(Map.of("sku", sku, "quantity", 2)))).post("/reservations").then().statusCode(201);

        asGateway().queryParam("storeId", store).get("/products/" + sku + "/availability")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].storeId", equalTo(store))
                .body("[0].available", equalTo(3))
                .body("[0].distanceKm", nullValue());
    }

    @Test
    void stores_around_a_point_are_listed_nearest_first_within_the_radius() {
        double lat = 10 + Math.random() * 20;
        double lon = -40 + Math.random() * 10;
        String sku = Fixtures.product();
        String far = Fixtures.location("store", lat + 30 / 111.2, lon, Fixtures.STORE);
        String near = Fixtures.location("store", lat + 2 / 111.2, lon, Fixtures.STORE);
        String middle = Fixtures.location("store", lat - 10 / 111.2, lon, Fixtures.STORE);
        String outside = Fixtures.location("store", lat + 80 / 111.2, lon, Fixtures.STORE);
        Fixtures.location("warehouse", lat, lon, List.of("ship-from"));
        Fixtures.receive(near, sku, 1);
        Fixtures.receive(far, sku, 4);
        Fixtures.receive(outside, sku, 9);

        asGateway().queryParam("lat", lat).queryParam("lon", lon).queryParam("radiusKm", 50)
                .get("/products/" + sku + "/availability")
                .then().statusCode(200)
                .body("storeId", contains(near, middle, far))
                .body("available", contains(1, 0, 4))
                .body("[0].distanceKm", equalTo(2.0f))
                .body("[2].distanceKm", equalTo(30.0f));
    }

    @Test
    void a_cart_gets_the_availability_of_all_its_skus_at_a_store_at_once() {
        String store = Fixtures.store();
        String a = Fixtures.product();
        String b = Fixtures.product();
        Fixtures.receive(store, a, 2);

        asGateway().queryParam("skus", a + "," + b).queryParam("storeId", store).get("/availability")
                .then().statusCode(200)
                .body("sku", contains(a, b))
                .body("available", contains(2, 0))
                .body("storeId", contains(store, store));
    }

    @Test
    void the_demo_tent_is_missing_at_paris_louvre_but_available_nearby() {
        asGateway().queryParam("lat", 48.8606).queryParam("lon", 2.3376).queryParam("radiusKm", 10)
                .get("/products/TENT-2P/availability")
                .then().statusCode(200)
                .body("storeId", contains("paris-louvre", "paris-bastille"))
                .body("[0].available", equalTo(0));
    }

    @Test
    void asking_without_a_store_or_a_point_is_a_400_problem() {
        asGateway().get("/products/TENT-2P/availability")
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().queryParam("storeId", "nowhere").get("/products/TENT-2P/availability")
                .then().statusCode(404).contentType("application/problem+json");
        asGateway().queryParam("storeId", "paris-louvre").get("/products/NO-SUCH-SKU/availability")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
