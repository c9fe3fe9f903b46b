package dev.omnichannel.inventory.demo;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.demo.service.DemoDataLoader;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared demo data, loaded at start (the test profile enables it) through receipts. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoDataLoader loader;

    @Test
    void twelve_products_in_several_locations_arrived_as_receipts_in_the_ledger() {
        for (String sku : List.of("SHOE-RUN-42", "JACKET-RAIN-M", "TENT-2P", "BACKPACK-30L", "BOTTLE-1L", "HEADLAMP-300",
                "SLEEPBAG-5C", "SOCKS-HIKE-3P", "POLES-TREK", "STOVE-GAS", "GLOVES-WINTER-L", "CAP-SUN")) {
            asGateway().get("/products/" + sku).then().statusCode(200).body("currency", equalTo("EUR"));
        }
        for (String location : List.of("paris-louvre", "paris-bastille", "lyon-part-dieu", "wh-orleans")) {
            Ledger.Check shoes = Ledger.check("SHOE-RUN-42", location);
            assertTrue(shoes.onHand() > 0);
            assertTrue(shoes.agrees());
        }
        assertTrue(Ledger.count("SELECT count(*) FROM stock_movement WHERE reference = 'demo-data' AND type = 'receipt'") >= 50);
    }

    @Test
    void the_demo_catalogue_was_put_like_any_other_so_it_was_published() {
        assertEquals(1, Ledger.count("SELECT count(*) FROM product WHERE sku = 'TENT-2P' AND version > 0"));
        assertEquals(0, Ledger.count("SELECT count(*) FROM product WHERE published_version <> version"));
        assertEquals(0, Ledger.count("SELECT count(*) FROM promotion WHERE published_version <> version"));
    }

    @Test
    void the_tent_is_out_of_stock_at_paris_louvre_only() {
        assertEquals(null, Ledger.check("TENT-2P", "paris-louvre"));
        assertTrue(Ledger.check("TENT-2P", "paris-bastille").available() > 0);
        assertTrue(Ledger.check("TENT-2P", "wh-orleans").available() > 0);
    }

    @Test
    void the_kiosk_of_paris_louvre_orders_the_tent_from_paris_bastille_the_nearest_location_with_stock() {
        String id = asGateway("kiosk", "kiosk:paris-louvre")
                .body(Map.of("customerId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("sku", "TENT-2P", "quantity", 1)),
                        "deliverTo", Map.of("storeId", "paris-louvre")))
                .post("/orders")
                .then().statusCode(201)
                .body("allocations[0].storeId", equalTo("paris-bastille"))
                .body("allocations[0].method", equalTo("transfer"))
                .extract().path("id");
        asGateway().body(Map.of("status", "CANCELLED")).post("/orders/" + id + "/status").then().statusCode(200);
    }

    @Test
    void loading_again_changes_nothing() throws Throwable {
        long movements = Ledger.count("SELECT count(*) FROM stock_movement WHERE reference = 'demo-data'");

        assertFalse(VertxContextSupport.subscribeAndAwait(() -> loader.loadIfEmpty()));

        assertEquals(movements, Ledger.count("SELECT count(*) FROM stock_movement WHERE reference = 'demo-data'"));
    }
}
