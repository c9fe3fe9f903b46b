package dev.omnichannel.inventory.review;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.support.Api;
import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reviews: only a customer who bought or collected a product rates it, once (writing again replaces
 * the review); staff hide a review with a reason, audited; the summaries and lists are the same on
 * every channel.
 */
@QuarkusTest
class ReviewsTest {

    private String store;
    private String sku;

    @BeforeEach
    void stock() {
        store = Fixtures.store();
        sku = Fixtures.product("40.00");
        Fixtures.receive(store, sku, 20);
    }

    // ------------------------------------------------------------------ who may review

    @Test
    void a_customer_who_collected_a_product_rates_it_and_writing_again_replaces_the_review() {
        String customer = collected(sku);

        Response first = review(customer, 4, "Sturdy and light.").then().statusCode(201)
                .body("sku", equalTo(sku)).body("customerId", equalTo(customer)).body("rating", equalTo(4))
                .body("text", equalTo("Sturdy and light.")).body("verifiedPurchase", equalTo(true))
                .body("hidden", equalTo(false))
                .extract().response();
        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("reviews.count", equalTo(1)).body("reviews.average", equalTo(4.0f))
                .body("reviews.latest", hasSize(1))
                .body("reviews.latest[0].rating", equalTo(4))
                .body("reviews.latest[0].text", equalTo("Sturdy and light."))
                .body("reviews.latest[0].verifiedPurchase", equalTo(true))
                .body("reviews.latest[0]", not(hasKey("customerId")));

        Response second = review(customer, 2, "Leaked after a month.").then().statusCode(200)
                .body("rating", equalTo(2)).extract().response();
        assertEquals(first.path("id").toString(), second.path("id").toString(), "the same review, replaced");
        assertEquals(first.path("createdAt").toString(), second.path("createdAt").toString());
        assertTrue(Instant.parse(second.path("updatedAt")).isAfter(Instant.parse(first.path("updatedAt"))),
                "updatedAt moves on");
        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("reviews.count", equalTo(1)).body("reviews.average", equalTo(2.0f))
                .body("reviews.latest[0].text", equalTo("Leaked after a month."));
        assertEquals(1, Ledger.count("SELECT count(*) FROM product_review WHERE sku = ?", sku));
    }

    @Test
    void a_customer_whose_order_holds_the_product_may_review_it_unless_the_order_was_cancelled() {
        String buyer = UUID.randomUUID().toString();
        ordered(buyer, sku);
        review(buyer, 5, null).then().statusCode(201).body("text", nullValue());

        String cancelled = UUID.randomUUID().toString();
        String order = ordered(cancelled, sku);
        asGateway().body(Map.of("status", "CANCELLED")).post("/orders/" + order + "/status").then().statusCode(200);
        refused(422, () -> review(cancelled, 5, "Never got it"), null);
    }

    @Test
    void a_reservation_not_collected_yet_does_not_make_a_buyer() {
        String customer = UUID.randomUUID().toString();
        reserve(customer, sku);
        refused(422, () -> review(customer, 5, "Looks nice in the shop"), null);
    }

    // ------------------------------------------------------------------ bad input changes nothing

    @Test
    void bad_reviews_are_refused_with_a_problem_and_change_nothing() {
        String customer = collected(sku);
        review(customer, 3, "Fine.").then().statusCode(201);

        refused(400, () -> review(customer, 0, "zero"), "rating");
        refused(400, () -> review(customer, 6, "six"), "rating");
        refused(400, () -> asGateway().body(Map.of("text", "no rating")).put(path(sku, customer)), "rating");
        refused(400, () -> review(customer, 4, "x".repeat(2001)), "text");
        refused(400, () -> review(customer, 4, "twenty kilobytes ".repeat(1200)), "text");
        refused(400, () -> asGateway().body("{\"rating\":").put(path(sku, customer)), null);
        refused(422, () -> review(UUID.randomUUID().toString(), 5, "never bought it"), null);
        refused(404, () -> asGateway().body(Map.of("rating", 5)).put(path("NO-SUCH-SKU", customer)), null);
        refused(404, () -> asGateway().body(Map.of("rating", 5)).put(path(sku, "not-a-customer-id")), null);

        asGateway().get("/products/" + sku + "/reviews").then().statusCode(200)
                .body("items.rating", contains(3)).body("items[0].text", equalTo("Fine."));
    }

    @Test
    void reading_the_reviews_of_an_unknown_product_gives_404_and_a_bad_page_400() {
        asGateway().get("/products/NO-SUCH-SKU/reviews").then().statusCode(404).contentType("application/problem+json");
        asGateway().queryParam("size", 500).get("/products/" + sku + "/reviews").then().statusCode(400)
                .contentType("application/problem+json");
    }

    // ------------------------------------------------------------------ summaries and lists

    @Test
    void the_average_is_to_one_decimal_and_the_list_is_newest_first_and_paged() {
        review(collected(sku), 5, "first").then().statusCode(201);
        review(collected(sku), 4, "second").then().statusCode(201);
        review(collected(sku), 4, "third").then().statusCode(201);

        asGateway().queryParam("size", 2).get("/products/" + sku + "/reviews").then().statusCode(200)
                .body("items.text", contains("third", "second"))
                .body("total", equalTo(3)).body("average", equalTo(4.3f)).body("size", equalTo(2));
        asGateway().queryParam("size", 2).queryParam("page", 1).get("/products/" + sku + "/reviews").then()
                .statusCode(200).body("items.text", contains("first"));
        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("reviews.average", equalTo(4.3f)).body("reviews.count", equalTo(3))
                .body("reviews.latest.text", contains("third", "second", "first"));
        asGateway().queryParam("q", sku).get("/products").then().statusCode(200)
                .body("items[0].reviews.average", equalTo(4.3f)).body("items[0].reviews.count", equalTo(3))
                .body("items[0].reviews", not(hasKey("latest")));
    }

    @Test
    void a_product_without_reviews_has_no_average_and_a_count_of_zero() {
        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("reviews.average", nullValue()).body("reviews.count", equalTo(0)).body("reviews.latest", hasSize(0));
    }

    @Test
    void the_reviews_are_the_same_on_every_channel() {
        review(collected(sku), 5, "Great").then().statusCode(201);
        String web = asGateway("web", "customer:x").get("/products/" + sku + "/reviews").asString();
        String kiosk = asGateway("kiosk", "kiosk:paris-louvre").get("/products/" + sku + "/reviews").asString();
        String store = asGateway("store", "staff:clerk@paris-louvre").get("/products/" + sku + "/reviews").asString();
        assertEquals(web, kiosk);
        assertEquals(web, store);
    }

    @Test
    void a_customer_lists_their_own_reviews_only() {
        String customer = collected(sku);
        review(customer, 4, "mine").then().statusCode(201);
        review(collected(sku), 1, "someone else's").then().statusCode(201);

        asGateway().queryParam("customerId", customer).get("/reviews").then().statusCode(200)
                .body("items.text", contains("mine")).body("items[0].customerId", equalTo(customer))
                .body("total", equalTo(1));
    }

    // ------------------------------------------------------------------ hiding

    @Test
    void staff_hide_a_review_with_a_reason_it_leaves_the_summaries_and_lists_and_stays_stored_with_who_when_why() {
        String kept = collected(sku);
        review(kept, 5, "Lovely").then().statusCode(201);
        String author = collected(sku);
        String id = review(author, 1, "Buy it at the shop next door instead!").then().statusCode(201).extract().path("id");

        Response hidden = asGateway("store", "staff:clerk@paris-louvre").body(Map.of("reason", "advertising"))
                .post(path(sku, id) + "/hide").then().statusCode(200)
                .body("id", equalTo(id)).body("hidden", equalTo(true))
                .body("hiddenBy", equalTo("staff:clerk@paris-louvre")).body("hiddenReason", equalTo("advertising"))
                .extract().response();

        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("reviews.count", equalTo(1)).body("reviews.average", equalTo(5.0f))
                .body("reviews.latest.text", contains("Lovely"));
        asGateway().get("/products/" + sku + "/reviews").then().statusCode(200)
                .body("items.id", not(hasItem(id))).body("total", equalTo(1));
        assertEquals("staff:clerk@paris-louvre|advertising|Buy it at the shop next door instead!", Ledger.text(
                "SELECT hidden_by || '|' || hidden_reason || '|' || text FROM product_review WHERE id = CAST(? AS uuid)"
                        + " AND hidden_at IS NOT NULL", id));
        // the author sees that it is hidden, not by whom or why
        asGateway().queryParam("customerId", author).get("/reviews").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].hidden", equalTo(true))
                .body("items[0]", not(hasKey("hiddenReason")));

        // hiding again changes nothing: the first hide stands
        asGateway("call-center", "admin:someone-else").body(Map.of("reason", "again"))
                .post(path(sku, id) + "/hide").then().statusCode(200)
                .body("hiddenBy", equalTo("staff:clerk@paris-louvre")).body("hiddenReason", equalTo("advertising"))
                .body("hiddenAt", equalTo(hidden.path("hiddenAt")));
        assertEquals(1, Ledger.count("SELECT count(*) FROM product_review WHERE id = CAST(? AS uuid)", id));
    }

    @Test
    void a_review_written_after_its_hide_is_a_new_one_and_the_hidden_one_stays_stored() {
        String author = collected(sku);
        String id = review(author, 1, "rude words").then().statusCode(201).extract().path("id");
        asGateway().body(Map.of("reason", "insulting")).post(path(sku, id) + "/hide").then().statusCode(200);

        String again = review(author, 3, "Fair enough, it is decent.").then().statusCode(201).extract().path("id");
        assertNotEquals(id, again);
        asGateway().get("/products/" + sku + "/reviews").then().statusCode(200)
                .body("items.id", contains(again)).body("total", equalTo(1));
        assertEquals(2, Ledger.count("SELECT count(*) FROM product_review WHERE sku = ?", sku));
    }

    @Test
    void a_bad_hide_is_refused_and_changes_nothing() {
        String id = review(collected(sku), 2, "meh").then().statusCode(201).extract().path("id");
        String other = Fixtures.product();

        refused(400, () -> asGateway().body(Map.of("reason", " ")).post(path(sku, id) + "/hide"), "reason");
        refused(400, () -> asGateway().body(Map.of()).post(path(sku, id) + "/hide"), "reason");
        refused(400, () -> asGateway().body(Map.of("reason", "r".repeat(501))).post(path(sku, id) + "/hide"), "reason");
        refused(404, () -> asGateway().body(Map.of("reason", "spam")).post(path(sku, UUID.randomUUID().toString()) + "/hide"), null);
        refused(404, () -> asGateway().body(Map.of("reason", "spam")).post(path(other, id) + "/hide"), null);
        refused(400, () -> given().auth().oauth2(Api.token()).contentType(ContentType.JSON).header("X-Channel", "store")
                .body(Map.of("reason", "spam")).post(path(sku, id) + "/hide"), null);
        asGateway().get("/products/" + sku + "/reviews").then().statusCode(200).body("items.id", contains(id));
    }

    // ------------------------------------------------------------------ helpers

    /** Everything a review request could have changed. */
    private static String state() {
        return Ledger.text("""
                SELECT count(*) || '/' || COALESCE(sum(rating), 0) || '/' || COALESCE(max(updated_at)::text, '') || '/'
                    || count(hidden_at) || '/' || COALESCE(string_agg(md5(COALESCE(text, '')), ',' ORDER BY id), '')
                FROM product_review
                """);
    }

    private void refused(int status, Supplier<Response> call, String field) {
        String before = state();
        Response response = call.get();
        response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (field != null) {
            response.then().body("errors.field", hasItem(field));
        }
        assertEquals(before, state(), "a refused request changed something");
    }

    private static String path(String sku, String idOrCustomer) {
        return "/products/" + sku + "/reviews/" + idOrCustomer;
    }

    /** The customer's review of this test's product, as the gateway forwards it. */
    private Response review(String customerId, int rating, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        body.put("text", text);
        return asGateway("web", "customer:" + customerId).body(body).put(path(sku, customerId));
    }

    private Response reserve(String customerId, String reservedSku) {
        return asGateway().body(Map.of("customerId", customerId, "storeId", store,
                "lines", List.of(Map.of("sku", reservedSku, "quantity", 1))))
                .post("/reservations").then().statusCode(201).extract().response();
    }

    /** A new customer who reserved the SKU at the store and collected it. */
    private String collected(String collectedSku) {
        String customer = UUID.randomUUID().toString();
        Response reservation = reserve(customer, collectedSku);
        asGateway().body(Map.of("pickupCode", reservation.path("pickupCode").toString()))
                .post("/reservations/" + reservation.path("id") + "/collect").then().statusCode(200);
        return customer;
    }

    /** An order of the SKU by the customer, served from the store's own shelf; its id. */
    private String ordered(String customerId, String orderedSku) {
        return asGateway("kiosk", "kiosk:" + store).body(Map.of("customerId", customerId,
                "lines", List.of(Map.of("sku", orderedSku, "quantity", 1)), "deliverTo", Map.of("storeId", store)))
                .post("/orders").then().statusCode(201).extract().path("id");
    }
}
