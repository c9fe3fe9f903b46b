package dev.omnichannel.inventory.catalog;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.inventory.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products and promotions: the same prices and offers whatever the channel. */
@QuarkusTest
class CatalogTest {

    @Test
    void a_product_carries_the_promotions_in_effect_with_their_promotional_price() {
        asGateway().get("/products/JACKET-RAIN-M")
                .then().statusCode(200)
                .body("name", equalTo("Rain jacket M"))
                .body("price", equalTo(129.00f))
                .body("currency", equalTo("EUR"))
                .body("promotionalPrice", equalTo(103.20f))
                .body("promotions", hasSize(1))
                .body("promotions[0].id", equalTo("PROMO-WINTER"))
                .body("promotions[0].kind", equalTo("percentage"))
                .body("promotions[0].promotionalPrice", equalTo(103.20f));
        asGateway().get("/products/TENT-2P").then().statusCode(200)
                .body("promotions", hasSize(0)).body("promotionalPrice", nullValue());
    }

    @Test
    void the_same_product_is_answered_identically_on_every_channel() {
        String web = asGateway("web", "customer:x").get("/products/JACKET-RAIN-M").asString();
        String kiosk = asGateway("kiosk", "kiosk:paris-louvre").get("/products/JACKET-RAIN-M").asString();
        String store = asGateway("store", "staff:clerk@paris-louvre").get("/products/JACKET-RAIN-M").asString();
        assertEquals(web, kiosk);
        assertEquals(web, store);
    }

    @Test
    void segment_promotions_are_offered_to_that_segment_only() {
        asGateway().get("/promotions").then().statusCode(200)
                .body("id", hasItem("PROMO-WINTER")).body("id", not(hasItem("PROMO-VIP")));
        asGateway().queryParam("segments", "vip,new").get("/promotions").then().statusCode(200)
                .body("id", hasItem("PROMO-WINTER")).body("id", hasItem("PROMO-VIP"))
                .body("find { it.id == 'PROMO-VIP' }.segment", equalTo("vip"));
        asGateway().queryParam("segments", "vip").get("/products/TENT-2P").then().statusCode(200)
                .body("promotions[0].id", equalTo("PROMO-VIP"))
                .body("promotionalPrice", equalTo(224.10f));
    }

    @Test
    void a_fixed_promotion_lowers_the_price_of_its_skus_during_its_dates_only() {
        String sku = Fixtures.product("30.00");
        String other = Fixtures.product("30.00");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String id = "PROMO-" + sku;
        asGateway().body(Map.of("name", "5 euros off", "kind", "fixed", "value", "5.00",
                "from", now.minusSeconds(3600).toString(), "to", now.plusSeconds(3600).toString(), "skus", List.of(sku)))
                .put("/promotions/" + id).then().statusCode(200).body("skus", equalTo(List.of(sku)));
        asGateway().body(Map.of("name", "expired", "kind", "percentage", "value", "50",
                "from", now.minusSeconds(7200).toString(), "to", now.minusSeconds(3600).toString(), "skus", List.of(sku)))
                .put("/promotions/OLD-" + sku).then().statusCode(200);

        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("promotionalPrice", equalTo(25.00f)).body("promotions", hasSize(1));
        asGateway().get("/products/" + other).then().statusCode(200).body("promotions", hasSize(0));
    }

    @Test
    void products_are_searched_by_text_and_paged() {
        asGateway().queryParam("q", "tent").get("/products")
                .then().statusCode(200).body("items[0].sku", equalTo("TENT-2P")).body("total", equalTo(1));
        asGateway().queryParam("size", 5).queryParam("page", 0).get("/products")
                .then().statusCode(200).body("items", hasSize(5)).body("size", equalTo(5));
        asGateway().queryParam("size", 500).get("/products").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void an_invalid_promotion_is_refused_with_the_fields_named() {
        asGateway().body(Map.of("name", "too much", "kind", "percentage", "value", "150",
                "from", Instant.now().toString(), "allProducts", true))
                .put("/promotions/BAD").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("valueInRange"));
        asGateway().get("/promotions/BAD").then().statusCode(404);
    }
}
