package dev.omnichannel.inventory.reservation;

import static dev.omnichannel.inventory.reservation.ReservationsTest.line;
import static dev.omnichannel.inventory.reservation.ReservationsTest.reserve;
import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** A reservation after it is made: ready, collected with its code, cancelled, extended; retries. */
@QuarkusTest
class ReservationLifecycleTest {

    private String store;
    private String sku;

    private Response reserveTwo() {
        store = Fixtures.store();
        sku = Fixtures.product("24.90");
        Fixtures.receive(store, sku, 5);
        return reserve(store, List.of(line(sku, 2))).then().statusCode(201).extract().response();
    }

    @Test
    void collecting_with_the_pickup_code_takes_the_units_out_of_the_store() {
        Response reservation = reserveTwo();
        String id = reservation.path("id");

        asGateway().post("/reservations/" + id + "/ready").then().statusCode(200).body("status", equalTo("READY"));
        asGateway().body(Map.of("pickupCode", reservation.path("pickupCode").toString().toLowerCase()))
                .post("/reservations/" + id + "/collect")
                .then().statusCode(200).body("status", equalTo("COLLECTED"));

        Ledger.Check level = Ledger.check(sku, store);
        assertEquals(3, level.onHand());
        assertEquals(0, level.reserved());
        assertEquals(3, level.available());
        assertTrue(level.agrees());
        assertEquals(1, Ledger.movements(id, "collection"));
        // the code no longer designates an active reservation
        asGateway().queryParam("storeId", store).queryParam("pickupCode", reservation.path("pickupCode").toString())
                .get("/reservations").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void a_wrong_pickup_code_is_refused_and_changes_nothing() {
        Response reservation = reserveTwo();
        String wrong = "ZZZZZ9".equals(reservation.path("pickupCode")) ? "ZZZZZ8" : "ZZZZZ9";

        asGateway().body(Map.of("pickupCode", wrong)).post("/reservations/" + reservation.path("id") + "/collect")
                .then().statusCode(422).contentType("application/problem+json");

        assertEquals(2, Ledger.check(sku, store).reserved());
        asGateway().get("/reservations/" + reservation.path("id")).then().body("status", equalTo("CONFIRMED"));
    }

    @Test
    void a_store_finds_a_reservation_by_its_pickup_code() {
        Response reservation = reserveTwo();

        asGateway().queryParam("storeId", store).queryParam("pickupCode", reservation.path("pickupCode").toString())
                .get("/reservations")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(reservation.path("id")));
    }

    @Test
    void cancelling_releases_the_stock_once() {
        Response reservation = reserveTwo();
        String id = reservation.path("id");

        asGateway().delete("/reservations/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        asGateway().delete("/reservations/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));

        assertEquals(5, Ledger.check(sku, store).available());
        assertEquals(1, Ledger.movements(id, "release"));
        assertTrue(Ledger.check(sku, store).agrees());
        asGateway().body(Map.of("pickupCode", reservation.path("pickupCode").toString()))
                .post("/reservations/" + id + "/collect").then().statusCode(409);
    }

    @Test
    void extending_pushes_the_expiry_up_to_the_hold_maximum() {
        Response reservation = reserveTwo();
        String id = reservation.path("id");
        Instant expiresAt = Instant.parse(reservation.path("expiresAt"));

        String extended = asGateway().body(Map.of("minutes", 60)).post("/reservations/" + id + "/extend")
                .then().statusCode(200).extract().path("expiresAt");
        assertEquals(expiresAt.plus(Duration.ofHours(1)), Instant.parse(extended));

        // click and collect: 3 days, at most 7 days in all
        String capped = asGateway().body(Map.of("minutes", 20_000)).post("/reservations/" + id + "/extend")
                .then().statusCode(200).extract().path("expiresAt");
        Instant createdAt = Instant.parse(reservation.path("createdAt"));
        assertEquals(createdAt.plus(Duration.ofDays(7)), Instant.parse(capped));

        asGateway().body(Map.of("minutes", 10)).post("/reservations/" + id + "/extend")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void a_cart_hold_lasts_minutes_and_an_endless_aisle_hold_until_fulfilment() {
        store = Fixtures.store();
        sku = Fixtures.product();
        Fixtures.receive(store, sku, 5);

        Response cart = asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of(line(sku, 1)), "holdType", "cart")).post("/reservations");
        cart.then().statusCode(201).body("holdType", equalTo("cart")).body("pickupWindow", nullValue());
        Duration hold = Duration.between(Instant.parse(cart.path("createdAt")), Instant.parse(cart.path("expiresAt")));
        assertEquals(Duration.ofMinutes(15), hold);

        asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of(line(sku, 1)), "holdType", "endless-aisle")).post("/reservations")
                .then().statusCode(201).body("holdType", equalTo("endless-aisle")).body("expiresAt", nullValue());
    }

    @Test
    void a_customer_lists_their_active_reservations() {
        store = Fixtures.store();
        sku = Fixtures.product();
        Fixtures.receive(store, sku, 5);
        String customer = UUID.randomUUID().toString();
        String first = asGateway().body(Map.of("customerId", customer, "storeId", store, "lines", List.of(line(sku, 1))))
                .post("/reservations").then().statusCode(201).extract().path("id");
        String second = asGateway().body(Map.of("customerId", customer, "storeId", store, "lines", List.of(line(sku, 1))))
                .post("/reservations").then().statusCode(201).extract().path("id");
        asGateway().delete("/reservations/" + first).then().statusCode(200);

        asGateway().queryParam("customerId", customer).queryParam("active", true).get("/reservations")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(second));
        asGateway().queryParam("customerId", customer).get("/reservations")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));
    }

    @Test
    void an_idempotent_retry_returns_the_first_reservation_and_holds_once() {
        store = Fixtures.store();
        sku = Fixtures.product();
        Fixtures.receive(store, sku, 5);
        Map<String, Object> body = Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                "lines", List.of(line(sku, 2)));
        String key = UUID.randomUUID().toString();

        Response first = asGateway().header("Idempotency-Key", key).body(body).post("/reservations");
        Response retry = asGateway().header("Idempotency-Key", key).body(body).post("/reservations");

        first.then().statusCode(201);
        retry.then().statusCode(201);
        assertEquals(first.path("id").toString(), retry.path("id").toString());
        assertEquals(first.path("pickupCode").toString(), retry.path("pickupCode").toString());
        assertEquals(2, Ledger.check(sku, store).reserved());

        // a new key is a new reservation
        Response other = asGateway().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/reservations");
        assertNotEquals(first.path("id").toString(), other.path("id").toString());
        assertEquals(4, Ledger.check(sku, store).reserved());
    }
}
