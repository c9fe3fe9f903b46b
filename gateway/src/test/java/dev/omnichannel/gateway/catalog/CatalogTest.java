package dev.omnichannel.gateway.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Product pages, availability and the QR landing, answered from the stock read model. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class CatalogTest {

    static final String TENT = StockLevels.newSku("TENT");

    @BeforeAll
    static void stock() {
        StockLevels.publish(TENT, "paris-louvre", 0, 3);
        StockLevels.publish(TENT, "paris-bastille", 4, 2);
        StockLevels.publish(TENT, "lyon-part-dieu", 3, 1);
        StockLevels.publish(TENT, "wh-orleans", 10, 5);
        // a late, older level of the same key changes nothing
        StockLevels.publish(TENT, "paris-bastille", 1, 1);
    }

    @BeforeEach
    void services() {
        Services.reset();
        Services.inventory().stubFor(get(urlEqualTo("/products/" + TENT)).willReturn(json(200, """
                {"sku":"%s","name":"Two-person tent","description":"Light and sturdy","price":249.00,"currency":"EUR",
                 "promotions":[{"id":"PROMO-WINTER","kind":"percentage","value":20,"promotionalPrice":199.20}]}""".formatted(TENT))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/api/v1/products/" + TENT + "/availability?storeId=wh-orleans")
                        .jsonPath().getInt("[0].available") == 10);
    }

    @Test
    void availability_at_one_store_comes_from_the_highest_version_of_its_level() {
        given().get("/api/v1/products/" + TENT + "/availability?storeId=paris-bastille")
                .then().statusCode(200)
                .body("storeId", contains("paris-bastille"))
                .body("available", contains(4));
        Services.inventory().verify(0, getRequestedFor(urlPathMatching("/products/.*/availability")));
    }

    @Test
    void availability_near_a_point_lists_the_locations_in_the_radius_nearest_first() {
        given().queryParam("lat", 48.8566).queryParam("lon", 2.3522).queryParam("radiusKm", 10)
                .get("/api/v1/products/" + TENT + "/availability")
                .then().statusCode(200)
                .body("storeId", contains("paris-louvre", "paris-bastille"))
                .body("available", contains(0, 4))
                .body("distanceKm", contains(1.16f, 1.29f));
    }

    @Test
    void an_unknown_store_gives_404() {
        given().get("/api/v1/products/" + TENT + "/availability?storeId=atlantis").then().statusCode(404);
    }

    @Test
    void the_product_page_is_open_to_anonymous_callers_with_prices_promotions_and_availability() {
        given().get("/api/v1/products/" + TENT)
                .then().statusCode(200)
                .body("name", equalTo("Two-person tent"))
                .body("price", equalTo(249.0f))
                .body("promotions[0].id", equalTo("PROMO-WINTER"))
                .body("availability.storeId", hasItems("paris-bastille", "lyon-part-dieu", "wh-orleans"))
                .body("availability.storeId", not(hasItems("paris-louvre")));
    }

    @Test
    void the_qr_landing_shows_the_shelf_store_and_the_stores_nearby_that_have_it() {
        given().queryParam("storeId", "paris-louvre")
                .get("/api/v1/qr/" + TENT)
                .then().statusCode(200)
                .body("name", equalTo("Two-person tent"))
                .body("description", equalTo("Light and sturdy"))
                .body("price", equalTo(249.0f))
                .body("promotions[0].promotionalPrice", equalTo(199.2f))
                .body("store.storeId", equalTo("paris-louvre"))
                .body("store.available", equalTo(0))
                // the warehouse is no store to walk to, Lyon is too far
                .body("nearby.storeId", contains("paris-bastille"))
                .body("nearby[0].available", equalTo(4));
    }

    @Test
    void the_qr_landing_of_a_remote_store_has_no_nearby_store() {
        given().queryParam("storeId", "marseille-vieux-port")
                .get("/api/v1/qr/" + TENT)
                .then().statusCode(200)
                .body("store.available", equalTo(0))
                .body("nearby", empty());
    }

    @Test
    void the_qr_landing_needs_a_known_store() {
        given().get("/api/v1/qr/" + TENT).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("storeId", "atlantis").get("/api/v1/qr/" + TENT).then().statusCode(404);
    }

    @Test
    void stores_are_listed_as_inventory_service_describes_them() {
        given().get("/api/v1/stores")
                .then().statusCode(200)
                .body("id", hasItems("paris-louvre", "wh-orleans"))
                .body("find { it.id == 'wh-orleans' }.type", equalTo("warehouse"));
    }
}
