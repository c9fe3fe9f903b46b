package dev.omnichannel.inventory.reservation;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Click and collect over the real PostgreSQL: all lines or none, pickup, collect, cancel, extend. */
@QuarkusTest
class ReservationsTest {

    static Response reserve(String storeId, List<Map<String, Object>> lines) {
        return asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", storeId, "lines", lines))
                .post("/reservations");
    }

    static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    @Test
    void a_reservation_holds_every_line_at_the_chosen_store_with_a_pickup_code_and_window() {
        String store = Fixtures.store();
        String shoe = Fixtures.product("89.90");
        String cap = Fixtures.product("14.90");
        Fixtures.receive(store, shoe, 5);
        Fixtures.receive(store, cap, 5);

        Response created = reserve(store, List.of(line(shoe, 2), line(cap, 1)));

        created.then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("storeId", equalTo(store))
                .body("holdType", equalTo("click-and-collect"))
                .body("pickupCode", notNullValue())
                .body("pickupWindow.from", notNullValue())
                .body("channel", equalTo("web"))
                .body("total", equalTo(194.70f))
                .body("currency", equalTo("EUR"))
                .body("lines", hasSize(2));
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofDays(2))), "a click and collect hold lasts days");
        assertEquals(expiresAt, Instant.parse(created.path("pickupWindow.to")));
        assertEquals(3, Ledger.check(shoe, store).available());
        assertEquals(2, Ledger.check(shoe, store).reserved());
        assertEquals(4, Ledger.check(cap, store).available());
        assertTrue(Ledger.check(shoe, store).agrees());

        asGateway().get("/reservations/" + created.path("id")).then().statusCode(200)
                .body("pickupCode", equalTo(created.path("pickupCode")));
    }

    @Test
    void a_multi_line_reservation_short_on_one_line_reserves_nothing() {
        String store = Fixtures.store();
        String plenty = Fixtures.product();
        String scarce = Fixtures.product();
        Fixtures.receive(store, plenty, 5);
        Fixtures.receive(store, scarce, 1);

        reserve(store, List.of(line(plenty, 2), line(scarce, 3)))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("lines", hasSize(1))
                .body("lines[0].sku", equalTo(scarce))
                .body("lines[0].requested", equalTo(3))
                .body("lines[0].available", equalTo(1));

        assertEquals(0, Ledger.check(plenty, store).reserved());
        assertEquals(0, Ledger.check(scarce, store).reserved());
        assertEquals(1, Ledger.check(plenty, store).movements(), "only the receipt is in the ledger");
    }

    @Test
    void two_lines_of_one_reservation_with_the_same_sku_cannot_oversell() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 3);

        reserve(store, List.of(line(sku, 2), line(sku, 2)))
                .then().statusCode(409)
                .body("lines[0].sku", equalTo(sku))
                .body("lines[0].requested", equalTo(4))
                .body("lines[0].available", equalTo(3));
        assertEquals(0, Ledger.check(sku, store).reserved());

        reserve(store, List.of(line(sku, 2), line(sku, 1)))
                .then().statusCode(201)
                .body("lines", hasSize(1))
                .body("lines[0].quantity", equalTo(3));
        assertEquals(0, Ledger.check(sku, store).available());
        assertTrue(Ledger.check(sku, store).agrees());
    }

    @Test
    void a_store_without_pickup_refuses_with_422_and_holds_nothing() {
        String shop = Fixtures.location("store", 43.29, 5.37, List.of("sells", "returns"));
        String sku = Fixtures.product();
        Fixtures.receive(shop, sku, 5);

        reserve(shop, List.of(line(sku, 1)))
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(0, Ledger.check(sku, shop).reserved());
    }
}
