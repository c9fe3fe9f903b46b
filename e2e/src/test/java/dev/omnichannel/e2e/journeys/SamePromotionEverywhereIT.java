package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.KIOSK_LOUVRE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.Views;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Journey 6: a promotion offered in store is offered online too, and the reverse — the same on every channel. */
class SamePromotionEverywhereIT {

    static final String PROMOTED_SKU = "JACKET-RAIN-M";
    static final String PROMOTION = "PROMO-WINTER";

    @Test
    void the_product_page_shows_the_same_promotion_on_web_mobile_and_kiosk() {
        Map<String, Object> onWeb = promotionOf(ALICE_ON_WEB);
        assertEquals(103.2f, ((Number) onWeb.get("promotionalPrice")).floatValue(), 0.001, "20 % off 129.00");
        assertEquals(onWeb, promotionOf(ALICE_ON_MOBILE), "mobile");
        assertEquals(onWeb, promotionOf(KIOSK_LOUVRE), "kiosk");
        assertEquals(onWeb, promotionOf(Caller.ANONYMOUS), "anonymous visitor");
    }

    @Test
    void the_customers_offers_are_the_same_on_web_mobile_and_at_the_kiosk() {
        String alice = KIOSK_LOUVRE.api().queryParam("identity", "phone:+33612345678")
                .get("/customers")
                .then().statusCode(200)
                .extract().path("items[0].id");

        List<Object> onWeb = Views.complete(ALICE_ON_WEB).getList("offers");
        JsonPath atKiosk = Views.completeFor(KIOSK_LOUVRE, alice);
        assertEquals("kiosk", atKiosk.getString("channel"));
        assertTrue(onWeb.stream().anyMatch(offer -> PROMOTION.equals(((Map<?, ?>) offer).get("id"))), "offered: " + onWeb);
        assertEquals(onWeb, Views.complete(ALICE_ON_MOBILE).getList("offers"), "mobile");
        assertEquals(onWeb, atKiosk.getList("offers"), "kiosk");
    }

    private static Map<String, Object> promotionOf(Caller caller) {
        List<Map<String, Object>> promotions = caller.api().get("/products/{sku}", PROMOTED_SKU)
                .then().statusCode(200)
                .extract().jsonPath().getList("promotions");
        return promotions.stream().filter(p -> PROMOTION.equals(p.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(caller + " is not offered " + PROMOTION + ": " + promotions));
    }
}
