package dev.omnichannel.gateway.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.json;
import static dev.omnichannel.gateway.support.Services.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reviews through the gateway: a customer writes only their own (the customer id is the token's),
 * anyone reads them, staff and admins hide one; bad input is refused before anything is forwarded,
 * inventory-service's refusals reach the caller as it wrote them.
 */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class ProductReviewsTest {

    static final String SKU = StockLevels.newSku("LAMP");
    static final String REVIEW_ID = "5e1f0000-0000-4000-8000-0000000000aa";
    static final String REVIEW = """
            {"id":"%s","sku":"%s","customerId":"%s","rating":4,"text":"Bright","verifiedPurchase":true,
             "createdAt":"2026-12-07T10:00:00Z","updatedAt":"2026-12-07T10:00:00Z","hidden":false}
            """.formatted(REVIEW_ID, SKU, ALICE);
    static final String REVIEWS_WRITE = "/products/" + SKU + "/reviews/.*";

    @BeforeEach
    void services() {
        Services.reset();
        // asked only while the gateway's stock model is not caught up yet
        Services.inventory().stubFor(get(urlPathEqualTo("/products/" + SKU + "/availability")).willReturn(json(200, "[]")));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> review(Object rating, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        body.put("text", text);
        return body;
    }

    // ------------------------------------------------------------------ writing

    @Test
    void a_customer_writes_their_own_review_201_then_replaces_it_200() {
        Services.inventory().stubFor(put(urlEqualTo("/products/" + SKU + "/reviews/" + ALICE))
                .willReturn(json(201, REVIEW)));
        as(Tokens.storefront("alice")).body(review(4, "Bright")).put("/api/v1/me/reviews/" + SKU)
                .then().statusCode(201).body("id", equalTo(REVIEW_ID)).body("verifiedPurchase", equalTo(true));
        Services.inventory().verify(putRequestedFor(urlEqualTo("/products/" + SKU + "/reviews/" + ALICE))
                .withHeader("X-Actor", WireMock.equalTo("customer:" + ALICE))
                .withHeader("X-Channel", WireMock.equalTo("web"))
                .withRequestBody(matchingJsonPath("$.rating", WireMock.equalTo("4")))
                .withRequestBody(matchingJsonPath("$.text", WireMock.equalTo("Bright"))));

        Services.inventory().stubFor(put(urlEqualTo("/products/" + SKU + "/reviews/" + ALICE))
                .willReturn(json(200, REVIEW.replace("\"rating\":4", "\"rating\":2"))));
        as(Tokens.mobileApp("alice")).body(review(2, null)).put("/api/v1/me/reviews/" + SKU)
                .then().statusCode(200).body("rating", equalTo(2));
    }

    @Test
    void bad_reviews_are_refused_before_anything_is_forwarded() {
        String alice = Tokens.storefront("alice");
        for (Map<String, Object> bad : List.of(review(0, "zero"), review(6, "six"), review(null, "no rating"),
                review(5, "x".repeat(2001)), review(5, "twenty kilobytes ".repeat(1200)))) {
            as(alice).body(bad).put("/api/v1/me/reviews/" + SKU)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        as(alice).body("{\"rating\":").put("/api/v1/me/reviews/" + SKU).then().statusCode(400)
                .contentType("application/problem+json");
        Services.inventory().verify(0, putRequestedFor(urlPathMatching(REVIEWS_WRITE)));
    }

    @Test
    void inventorys_refusals_reach_the_customer_as_problems() {
        Services.inventory().stubFor(put(urlPathMatching(REVIEWS_WRITE))
                .willReturn(problem(422, "Unprocessable request", "Only a customer who bought or collected it may review it")));
        as(Tokens.storefront("alice")).body(review(5, "never bought")).put("/api/v1/me/reviews/" + SKU)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("Only a customer who bought or collected it may review it"));

        Services.inventory().stubFor(put(urlPathMatching("/products/NO-SUCH-SKU/reviews/.*"))
                .willReturn(problem(404, "Not Found", "No product NO-SUCH-SKU")));
        as(Tokens.storefront("alice")).body(review(5, "?")).put("/api/v1/me/reviews/NO-SUCH-SKU")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void only_customers_write_and_list_their_reviews() {
        as(Tokens.backoffice("clerk")).body(review(5, "staff")).put("/api/v1/me/reviews/" + SKU).then().statusCode(403);
        as(Tokens.kiosk()).body(review(5, "kiosk")).put("/api/v1/me/reviews/" + SKU).then().statusCode(403);
        given().contentType(ContentType.JSON).body(review(5, "anyone")).put("/api/v1/me/reviews/" + SKU).then().statusCode(401);
        given().get("/api/v1/me/reviews").then().statusCode(401);
        Services.inventory().verify(0, putRequestedFor(urlPathMatching(REVIEWS_WRITE)));

        Services.inventory().stubFor(get(urlPathEqualTo("/reviews")).willReturn(json(200,
                "{\"items\":[" + REVIEW + "],\"page\":0,\"size\":20,\"total\":1}")));
        as(Tokens.storefront("alice")).get("/api/v1/me/reviews").then().statusCode(200).body("items.id", contains(REVIEW_ID));
        Services.inventory().verify(getRequestedFor(urlPathEqualTo("/reviews"))
                .withQueryParam("customerId", WireMock.equalTo(ALICE)));
    }

    // ------------------------------------------------------------------ reading

    @Test
    void anyone_reads_a_products_reviews_paged() {
        Services.inventory().stubFor(get(urlPathEqualTo("/products/" + SKU + "/reviews")).willReturn(json(200,
                "{\"items\":[" + REVIEW.replace(",\"customerId\":\"" + ALICE + "\"", "") + "],\"page\":1,\"size\":5,"
                        + "\"total\":6,\"average\":4.2}")));
        given().queryParam("page", 1).queryParam("size", 5).get("/api/v1/products/" + SKU + "/reviews")
                .then().statusCode(200).body("items.id", contains(REVIEW_ID)).body("average", equalTo(4.2f))
                .body("total", equalTo(6));
        Services.inventory().verify(getRequestedFor(urlPathEqualTo("/products/" + SKU + "/reviews"))
                .withQueryParam("page", WireMock.equalTo("1")).withQueryParam("size", WireMock.equalTo("5")));

        given().queryParam("size", 500).get("/api/v1/products/" + SKU + "/reviews").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void the_product_page_and_the_qr_landing_carry_the_reviews_summary_and_latest() {
        Services.inventory().stubFor(get(urlEqualTo("/products/" + SKU)).willReturn(json(200, """
                {"sku":"%s","name":"Lamp","description":"Bright","price":30.00,"currency":"EUR","promotionalPrice":null,
                 "promotions":[],"reviews":{"average":4.5,"count":2,"latest":[%s]}}
                """.formatted(SKU, REVIEW.replace(",\"customerId\":\"" + ALICE + "\"", "")))));
        given().get("/api/v1/products/" + SKU).then().statusCode(200)
                .body("reviews.average", equalTo(4.5f)).body("reviews.count", equalTo(2))
                .body("reviews.latest[0].rating", equalTo(4)).body("reviews.latest[0].verifiedPurchase", equalTo(true));
        given().queryParam("storeId", "paris-louvre").get("/api/v1/qr/" + SKU).then().statusCode(200)
                .body("reviews.average", equalTo(4.5f)).body("reviews.count", equalTo(2))
                .body("reviews.latest[0].text", equalTo("Bright"));
    }

    // ------------------------------------------------------------------ hiding

    @Test
    void staff_of_any_store_and_admins_hide_a_review_with_a_reason() {
        String hidePath = "/products/" + SKU + "/reviews/" + REVIEW_ID + "/hide";
        Services.inventory().stubFor(post(urlEqualTo(hidePath)).willReturn(json(200, REVIEW
                .replace("\"hidden\":false", "\"hidden\":true,\"hiddenBy\":\"staff:clerk\",\"hiddenReason\":\"spam\""))));

        as(Tokens.backoffice("clerk")).body(Map.of("reason", "spam"))
                .post("/api/v1/products/" + SKU + "/reviews/" + REVIEW_ID + "/hide")
                .then().statusCode(200).body("hidden", equalTo(true)).body("hiddenReason", equalTo("spam"));
        Services.inventory().verify(postRequestedFor(urlEqualTo(hidePath))
                .withHeader("X-Actor", WireMock.equalTo("staff:c1e4c000-0000-4000-8000-000000000003@paris-louvre"))
                .withRequestBody(matchingJsonPath("$.reason", WireMock.equalTo("spam"))));

        as(Tokens.backoffice("admin")).body(Map.of("reason", "spam"))
                .post("/api/v1/products/" + SKU + "/reviews/" + REVIEW_ID + "/hide").then().statusCode(200);
        Services.inventory().verify(postRequestedFor(urlEqualTo(hidePath))
                .withHeader("X-Actor", WireMock.equalTo("admin:ad000000-0000-4000-8000-000000000006")));
    }

    @Test
    void customers_kiosks_and_anonymous_callers_cannot_hide_a_review_and_nothing_is_forwarded() {
        String path = "/api/v1/products/" + SKU + "/reviews/" + REVIEW_ID + "/hide";
        as(Tokens.storefront("alice")).body(Map.of("reason", "I changed my mind")).post(path).then().statusCode(403)
                .contentType("application/problem+json");
        as(Tokens.kiosk()).body(Map.of("reason", "spam")).post(path).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("reason", "spam")).post(path).then().statusCode(401);
        as(Tokens.backoffice("clerk")).body(Map.of("reason", " ")).post(path).then().statusCode(400)
                .contentType("application/problem+json");
        Services.inventory().verify(0, anyRequestedFor(urlPathMatching("/products/.*/reviews/.*")));
    }

    @Test
    void the_qr_landing_page_and_the_review_scripts_are_served_under_the_pages_policy() {
        for (String page : List.of("/storefront/qr.html", "/storefront/qr.js", "/storefront/reviews.js", "/backoffice/reviews.js")) {
            given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"));
        }
    }

    @Test
    void the_review_routes_are_in_the_openapi_document() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).path("paths");
        assertTrue(paths.path("/api/v1/me/reviews/{sku}").has("put"));
        assertTrue(paths.path("/api/v1/me/reviews").has("get"));
        assertTrue(paths.path("/api/v1/products/{sku}/reviews").has("get"));
        assertTrue(paths.path("/api/v1/products/{sku}/reviews/{reviewId}/hide").has("post"));
    }
}
