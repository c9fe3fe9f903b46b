package dev.omnichannel.inventory.location;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stores and warehouses with coordinates, address, opening hours and capabilities. */
@QuarkusTest
class LocationsTest {

    @Test
    void a_store_has_coordinates_an_address_opening_hours_and_capabilities() {
        asGateway().get("/locations/paris-louvre")
                .then().statusCode(200)
                .body("type", equalTo("store"))
                .body("location.lat", equalTo(48.8606f))
                .body("location.lon", equalTo(2.3376f))
                .body("address.city", equalTo("Paris"))
                .body("pickup", equalTo(true))
                .body("capabilities", containsInAnyOrder("sells", "pickup", "ship-from", "returns"))
                .body("openingHours.mon", equalTo("10:00-20:00"))
                .body("openingHours.sun", equalTo("closed"));
    }

    @Test
    void a_warehouse_ships_but_neither_sells_nor_offers_pickup() {
        asGateway().get("/locations/wh-orleans")
                .then().statusCode(200)
                .body("type", equalTo("warehouse"))
                .body("pickup", equalTo(false))
                .body("capabilities", contains("ship-from"));
        asGateway().get("/locations/marseille-vieux-port")
                .then().statusCode(200).body("pickup", equalTo(false))
                .body("capabilities", containsInAnyOrder("sells", "returns"));
    }

    @Test
    void every_location_is_listed() {
        asGateway().get("/locations").then().statusCode(200)
                .body("id", hasItems("paris-louvre", "paris-bastille", "lyon-part-dieu", "marseille-vieux-port", "wh-orleans"));
    }

    @Test
    void an_unknown_location_is_a_404_problem() {
        asGateway().get("/locations/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_invalid_location_is_refused_with_its_fields_named() {
        asGateway().body(Map.of("name", "Somewhere", "type", "shop", "location", Map.of("lat", 123, "lon", 2),
                "capabilities", List.of("sells")))
                .put("/locations/t-invalid").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("type", "location.lat"));
        asGateway().get("/locations/t-invalid").then().statusCode(404);
    }
}
