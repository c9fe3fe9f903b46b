package dev.omnichannel.gateway.view;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.omnichannel.gateway.support.Services.json;
import static dev.omnichannel.gateway.view.PersonalizedViewTest.aliceHas;
import static dev.omnichannel.gateway.view.PersonalizedViewTest.line;
import static dev.omnichannel.gateway.view.PersonalizedViewTest.viewOnceItHolds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import dev.omnichannel.gateway.support.Catalogue;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The product page and the personalized view agree: a signed-in customer's product page shows the
 * price their cart has (their segments' promotions included), anonymous callers the public price.
 */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class ProductPriceTest {

    static final String COAT = StockLevels.newSku("COAT");
    /** inventory-service's answer: promotions for everyone only. */
    static final String PRODUCT = """
            {"sku":"%s","name":"Down coat","description":"Warm","price":200.00,"currency":"EUR","promotionalPrice":180.00,
             "promotions":[{"id":"EVERYONE-%1$s","name":"EVERYONE-%1$s","kind":"percentage","value":10,"segment":null,
                            "promotionalPrice":180.00}],
             "reviews":{"average":null,"count":0,"latest":[]}}""".formatted(COAT);

    @BeforeAll
    static void catalogue() {
        Catalogue.product(COAT, "Down coat", "200.00");
        Catalogue.promotion("EVERYONE-" + COAT, null, "10", COAT);
        Catalogue.promotion("VIP-" + COAT, "vip", "25", COAT);
        Catalogue.promotion("LAPSED-" + COAT, "lapsed", "50", COAT);
    }

    @BeforeEach
    void services() {
        Services.reset();
        Services.inventory().stubFor(get(urlEqualTo("/products/" + COAT)).willReturn(json(200, PRODUCT)));
        // asked only while the gateway's stock model is not caught up yet
        Services.inventory().stubFor(get(urlPathEqualTo("/products/" + COAT + "/availability")).willReturn(json(200, "[]")));
        Services.inventory().stubFor(get(urlPathEqualTo("/products"))
                .willReturn(json(200, "{\"items\":[" + PRODUCT + "],\"page\":0,\"size\":20,\"total\":1}")));
    }

    @Test
    void a_vip_customers_product_page_has_the_unit_price_of_the_same_sku_in_their_cart() {
        aliceHas(List.of("vip"), List.of(line(COAT, 1)), List.of());
        JsonPath view = viewOnceItHolds(Tokens.storefront("alice"), v -> v.getList("customer.segments").equals(List.of("vip"))
                && v.getList("cart.items.sku").equals(List.of(COAT))
                // the lowest of everyone's 10 % and vip's 25 %, not lapsed's 50 %, once the model has them all
                && v.getFloat("cart.items[0].unitPrice") == 150.00f);
        float inCart = view.getFloat("cart.items[0].unitPrice");

        for (String token : List.of(Tokens.storefront("alice"), Tokens.mobileApp("alice"))) {
            JsonPath page = given().auth().oauth2(token).get("/api/v1/products/" + COAT)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getFloat("unitPrice"), is(inCart));
            assertThat(page.getFloat("promotionalPrice"), is(inCart));
            assertThat(page.getFloat("price"), is(200.00f));
            assertThat(page.getList("promotions.id"), contains("EVERYONE-" + COAT, "VIP-" + COAT));
        }
        JsonPath list = given().auth().oauth2(Tokens.storefront("alice")).get("/api/v1/products")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getFloat("items[0].unitPrice"), is(inCart));
        JsonPath qr = given().auth().oauth2(Tokens.mobileApp("alice")).queryParam("storeId", "paris-louvre")
                .get("/api/v1/qr/" + COAT).then().statusCode(200).extract().jsonPath();
        assertThat(qr.getFloat("unitPrice"), is(inCart));
    }

    @Test
    void anonymous_callers_and_staff_see_the_public_promotions_only() {
        for (var call : List.of(given(), given().auth().oauth2(Tokens.backoffice("clerk")))) {
            JsonPath page = call.get("/api/v1/products/" + COAT).then().statusCode(200).extract().jsonPath();
            assertThat(page.getFloat("unitPrice"), is(180.00f));
            assertThat(page.getFloat("promotionalPrice"), is(180.00f));
            assertThat(page.getList("promotions.id"), contains("EVERYONE-" + COAT));
        }
        JsonPath list = given().get("/api/v1/products").then().statusCode(200).extract().jsonPath();
        assertThat(list.getFloat("items[0].unitPrice"), is(180.00f));
    }
}
