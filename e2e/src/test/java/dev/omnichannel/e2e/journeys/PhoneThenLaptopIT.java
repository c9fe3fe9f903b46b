package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.CLERK_LOUVRE;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.Views;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Journey 1: pick a product on the phone, come back on a laptop — same cart, same wishlist, same
 * offers; staff see both sign-ins on the customer's timeline, each with its channel.
 */
class PhoneThenLaptopIT {

    static final String CART_SKU = "HEADLAMP-300";
    static final String WISHED_SKU = "SLEEPBAG-5C";

    @AfterEach
    void putBack() {
        ALICE_ON_MOBILE.api().delete("/me/cart/items/{sku}", CART_SKU).then().statusCode(200);
        ALICE_ON_MOBILE.api().delete("/me/wishlist/{sku}", WISHED_SKU).then().statusCode(200);
    }

    @Test
    void the_cart_and_wishlist_changed_on_the_phone_are_on_the_laptop_with_the_same_offers() {
        ALICE_ON_MOBILE.api().delete("/me/cart/items/{sku}", CART_SKU).then().statusCode(200);
        ALICE_ON_MOBILE.api().delete("/me/wishlist/{sku}", WISHED_SKU).then().statusCode(200);
        assertFalse(cartOf(ALICE_ON_WEB).containsKey(CART_SKU), "the laptop no longer has what the phone removed");

        ALICE_ON_MOBILE.api().body(Map.of("quantity", 2)).put("/me/cart/items/{sku}", CART_SKU).then().statusCode(200);
        ALICE_ON_MOBILE.api().put("/me/wishlist/{sku}", WISHED_SKU).then().statusCode(200);

        assertEquals(2, cartOf(ALICE_ON_WEB).get(CART_SKU), "the laptop's cart has the phone's line");
        assertTrue(ALICE_ON_WEB.api().get("/me/wishlist").then().statusCode(200).extract().jsonPath()
                .getList("items.sku").contains(WISHED_SKU), "the laptop's wishlist has the phone's wish");

        JsonPath onLaptop = Views.complete(ALICE_ON_WEB);
        JsonPath onPhone = Views.complete(ALICE_ON_MOBILE);
        assertEquals("web", onLaptop.getString("channel"));
        assertEquals("mobile", onPhone.getString("channel"));
        assertEquals(onPhone.getList("cart.items"), onLaptop.getList("cart.items"), "one cart, priced the same");
        assertTrue(onLaptop.getList("cart.items.sku").contains(CART_SKU));
        assertEquals(onPhone.getList("wishlist"), onLaptop.getList("wishlist"), "one wishlist");
        assertTrue(onLaptop.getList("wishlist.sku").contains(WISHED_SKU));
        assertFalse(onLaptop.getList("offers").isEmpty(), "the active promotion is offered");
        assertEquals(onPhone.getList("offers"), onLaptop.getList("offers"), "the same offers on both devices");
    }

    @Test
    void signing_in_on_the_phone_then_on_the_laptop_is_on_the_timeline_with_each_channel() {
        Instant before = Instant.now().minusSeconds(1);
        Caller.user("mobile-app", "alice").api().get("/me").then().statusCode(200);
        Caller.user("storefront", "alice").api().get("/me").then().statusCode(200);

        eventually().untilAsserted(() -> {
            List<Map<String, Object>> items = CLERK_LOUVRE.api().queryParam("size", 100)
                    .get("/customers/{id}/timeline", ALICE_ON_WEB.customerId())
                    .then().statusCode(200).extract().jsonPath().getList("items");
            List<Object> channels = items.stream().filter(item -> "login".equals(item.get("kind"))
                    && Instant.parse((String) item.get("at")).isAfter(before)).map(item -> item.get("channel")).toList();
            assertTrue(channels.containsAll(List.of("mobile", "web")), "sign-ins since the test began: " + channels);
        });
    }

    /** Quantity per SKU in the caller's cart. */
    static Map<String, Integer> cartOf(Caller caller) {
        List<Map<String, Object>> items = caller.api().get("/me/cart").then().statusCode(200).extract().jsonPath()
                .getList("items");
        return items.stream().collect(Collectors.toMap(item -> (String) item.get("sku"),
                item -> ((Number) item.get("quantity")).intValue()));
    }
}
