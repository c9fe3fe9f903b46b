package dev.omnichannel.customer.cart;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.customer.cart.service.GuestCartRetention;
import dev.omnichannel.customer.support.Database;
import dev.omnichannel.customer.support.Service;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** One cart per customer on every device and channel; guest carts that join it at login. */
@QuarkusTest
class CartTest {

    @Inject
    Pool pool;

    @Inject
    GuestCartRetention retention;

    @Test
    void the_same_user_sees_one_cart_from_the_web_and_from_the_mobile_app() {
        // the gateway resolves the tokens of both OIDC clients (storefront, mobile-app) of one user by their subject
        String subject = "sub-" + UUID.randomUUID();
        String fromWeb = Service.resolveOidc(subject);
        String fromMobile = Service.resolveOidc(subject);
        assertEquals(fromWeb, fromMobile);
        String sku = Service.uniqueSku();

        asGateway("web").body(Map.of("quantity", 2)).put("/customers/{id}/cart/items/{sku}", fromWeb, sku)
                .then().statusCode(200);
        asGateway("mobile").get("/customers/{id}/cart", fromMobile)
                .then().statusCode(200)
                .body("customerId", equalTo(fromWeb))
                .body("items", hasSize(1))
                .body("items[0].sku", equalTo(sku))
                .body("items[0].quantity", equalTo(2))
                .body("items[0].addedAt", notNullValue());
        asGateway("mobile").body(Map.of("quantity", 3)).put("/customers/{id}/cart/items/{sku}", fromMobile, sku)
                .then().statusCode(200);
        asGateway("web").get("/customers/{id}/cart", fromWeb).then().body("items[0].quantity", equalTo(3));
        assertEquals(1, Database.count(pool, "SELECT count(*) FROM cart WHERE customer_id = $1", UUID.fromString(fromWeb)));
    }

    @Test
    void a_quantity_of_zero_or_a_delete_removes_the_line() {
        String id = Service.newCustomer("Remover");
        String kept = Service.uniqueSku();
        String dropped = Service.uniqueSku();
        Service.putCartItem(id, kept, 1);
        Service.putCartItem(id, dropped, 1);
        Service.putCartItem(id, dropped, 0);
        asGateway().get("/customers/{id}/cart", id).then().body("items.sku", equalTo(List.of(kept)));
        asGateway().delete("/customers/{id}/cart/items/{sku}", id, kept).then().statusCode(200).body("items", empty());
    }

    @Test
    void quantities_outside_0_to_99_are_400_problems_and_change_nothing() {
        String id = Service.newCustomer("Bounded");
        String sku = Service.uniqueSku();
        Service.putCartItem(id, sku, 5);
        for (Object bad : new Object[] { -1, 100, "many", 2.5 }) {
            asGateway().body(Map.of("quantity", bad)).put("/customers/{id}/cart/items/{sku}", id, sku)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        asGateway().body("{}").put("/customers/{id}/cart/items/{sku}", id, sku).then().statusCode(400);
        asGateway().body(Map.of("quantity", 1)).put("/customers/{id}/cart/items/{sku}", id, "bad sku!")
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().get("/customers/{id}/cart", id).then().body("items", hasSize(1)).body("items[0].quantity", equalTo(5));
    }

    @Test
    void an_unknown_customer_has_no_cart() {
        asGateway().get("/customers/{id}/cart", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asGateway().body(Map.of("quantity", 1)).put("/customers/{id}/cart/items/TENT-2P", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_guest_cart_is_reached_only_with_its_token() {
        var created = asGateway().post("/carts").then().statusCode(201)
                .body("id", notNullValue()).body("cartToken", notNullValue()).body("items", empty()).extract();
        String cartId = created.path("id");
        String token = created.path("cartToken");

        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 2)).put("/carts/{id}/items/TENT-2P", cartId)
                .then().statusCode(200).body("items[0].quantity", equalTo(2));
        asGateway().header("X-Cart-Token", token).get("/carts/{id}", cartId)
                .then().statusCode(200).body("items[0].sku", equalTo("TENT-2P"));

        asGateway().header("X-Cart-Token", token + "x").get("/carts/{id}", cartId).then().statusCode(404)
                .contentType("application/problem+json");
        asGateway().get("/carts/{id}", cartId).then().statusCode(404);
        asGateway().header("X-Cart-Token", "wrong").body(Map.of("quantity", 9)).put("/carts/{id}/items/TENT-2P", cartId)
                .then().statusCode(404);
        asGateway().header("X-Cart-Token", token).get("/carts/{id}", cartId).then().body("items[0].quantity", equalTo(2));
        assertEquals(0, Database.count(pool, "SELECT count(*) FROM cart WHERE token_hash = $1", token),
                "the token itself is never stored");
    }

    @Test
    void guest_carts_untouched_for_30_days_are_deleted_and_the_others_kept() throws Throwable {
        var abandoned = asGateway().post("/carts").then().statusCode(201).extract();
        var recent = asGateway().post("/carts").then().statusCode(201).extract();
        asGateway().header("X-Cart-Token", abandoned.<String>path("cartToken")).body(Map.of("quantity", 1))
                .put("/carts/{id}/items/TENT-2P", abandoned.<String>path("id")).then().statusCode(200);
        Database.execute(pool, "UPDATE cart SET updated_at = now() - interval '31 days' WHERE id = $1",
                UUID.fromString(abandoned.path("id")));

        VertxContextSupport.subscribeAndAwait(() -> retention.forgetAbandoned());

        asGateway().header("X-Cart-Token", abandoned.<String>path("cartToken")).get("/carts/{id}", abandoned.<String>path("id"))
                .then().statusCode(404);
        assertEquals(0, Database.count(pool, "SELECT count(*) FROM cart_item WHERE cart_id = $1",
                UUID.fromString(abandoned.path("id"))), "its lines go with it");
        asGateway().header("X-Cart-Token", recent.<String>path("cartToken")).get("/carts/{id}", recent.<String>path("id"))
                .then().statusCode(200);
    }

    @Test
    void a_guest_cart_joins_the_customer_cart_at_login_once() {
        String id = Service.newCustomer("Logging in");
        String shared = Service.uniqueSku();
        String guestOnly = Service.uniqueSku();
        Service.putCartItem(id, shared, 1);
        var created = asGateway().post("/carts").then().statusCode(201).extract();
        String cartId = created.path("id");
        String token = created.path("cartToken");
        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 2)).put("/carts/{id}/items/{sku}", cartId, shared);
        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 1)).put("/carts/{id}/items/{sku}", cartId, guestOnly);

        asGateway().body(Map.of("cartId", cartId, "cartToken", "not-the-token")).post("/customers/{id}/cart/merge", id)
                .then().statusCode(404).contentType("application/problem+json");
        asGateway().body(Map.of("cartId", cartId, "cartToken", token)).post("/customers/{id}/cart/merge", id)
                .then().statusCode(200)
                .body("items.find { it.sku == '%s' }.quantity".formatted(shared), equalTo(3))
                .body("items.find { it.sku == '%s' }.quantity".formatted(guestOnly), equalTo(1));

        // the guest cart is closed: merging it again adds nothing
        asGateway().body(Map.of("cartId", cartId, "cartToken", token)).post("/customers/{id}/cart/merge", id)
                .then().statusCode(404).contentType("application/problem+json");
        asGateway().header("X-Cart-Token", token).get("/carts/{id}", cartId).then().statusCode(404);
        asGateway().get("/customers/{id}/cart", id).then()
                .body("items.find { it.sku == '%s' }.quantity".formatted(shared), equalTo(3));
    }

    @Test
    void a_merge_retried_with_its_idempotency_key_returns_the_first_result_and_adds_once() {
        String id = Service.newCustomer("Retrying merge");
        String sku = Service.uniqueSku();
        var created = asGateway().post("/carts").then().statusCode(201).extract();
        String cartId = created.path("id");
        String token = created.path("cartToken");
        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 4)).put("/carts/{id}/items/{sku}", cartId, sku);
        String key = UUID.randomUUID().toString();

        for (int attempt = 0; attempt < 2; attempt++) {
            asGateway().header("Idempotency-Key", key).body(Map.of("cartId", cartId, "cartToken", token))
                    .post("/customers/{id}/cart/merge", id)
                    .then().statusCode(200).body("items[0].quantity", equalTo(4));
        }
        asGateway().get("/customers/{id}/cart", id).then().body("items[0].quantity", equalTo(4));
    }

    @Test
    void two_devices_merging_one_guest_cart_at_once_add_it_once() throws Exception {
        String first = Service.newCustomer("Phone");
        String second = Service.newCustomer("Laptop");
        String sku = Service.uniqueSku();
        var created = asGateway().post("/carts").then().statusCode(201).extract();
        String cartId = created.path("id");
        String token = created.path("cartToken");
        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 2)).put("/carts/{id}/items/{sku}", cartId, sku);

        var devices = Executors.newFixedThreadPool(4);
        try {
            var answers = devices.invokeAll(List.of(first, second, first, second).stream()
                    .map(customer -> (Callable<Integer>) () -> asGateway()
                            .body(Map.of("cartId", cartId, "cartToken", token))
                            .post("/customers/{id}/cart/merge", customer).statusCode())
                    .toList());
            int merged = 0;
            for (var answer : answers) {
                merged += answer.get() == 200 ? 1 : 0;
            }
            assertEquals(1, merged);
        } finally {
            devices.shutdownNow();
        }
        int total = 0;
        for (String customer : List.of(first, second)) {
            List<Integer> quantities = asGateway().get("/customers/{id}/cart", customer).then().extract().path("items.quantity");
            total += quantities.stream().mapToInt(Integer::intValue).sum();
        }
        assertEquals(2, total);
    }

    @Test
    void merged_quantities_stop_at_99_and_no_line_is_lost() {
        String id = Service.newCustomer("Bulk buyer");
        String sku = Service.uniqueSku();
        Service.putCartItem(id, sku, 90);
        var created = asGateway().post("/carts").then().statusCode(201).extract();
        String cartId = created.path("id");
        String token = created.path("cartToken");
        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 20)).put("/carts/{id}/items/{sku}", cartId, sku);

        asGateway().body(Map.of("cartId", cartId, "cartToken", token)).post("/customers/{id}/cart/merge", id)
                .then().statusCode(200).body("items[0].quantity", equalTo(99));
    }

    @Test
    void the_wishlist_is_one_per_customer_and_adding_twice_keeps_one() {
        String id = Service.newCustomer("Wisher");
        String sku = Service.uniqueSku();
        Service.wish(id, sku);
        Service.wish(id, sku);
        asGateway().get("/customers/{id}/wishlist", id).then().statusCode(200)
                .body("customerId", equalTo(id)).body("items", hasSize(1)).body("items[0].sku", equalTo(sku));
        asGateway().delete("/customers/{id}/wishlist/{sku}", id, sku).then().statusCode(200).body("items", empty());
        asGateway().put("/customers/{id}/wishlist/{sku}", id, "no good").then().statusCode(400);
    }
}
