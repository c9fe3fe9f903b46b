package dev.omnichannel.gateway.view;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personalized view: one content for a customer on every channel, and always an answer in time. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class PersonalizedViewTest {

    static final String SHOE = StockLevels.newSku("SHOE");
    static final String JACKET = StockLevels.newSku("JACKET");
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void stock() {
        StockLevels.publish(SHOE, "paris-louvre", 5, 1);
        StockLevels.publish(JACKET, "paris-louvre", 0, 1);
        StockLevels.publish(JACKET, "paris-bastille", 4, 1);
    }

    @BeforeEach
    void services() {
        Services.reset();
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE)).willReturn(json(200, """
                {"id":"%s","displayName":"Alice Martin","segments":["vip"],
                 "preferences":{"preferredChannel":"email","preferredStoreId":"paris-louvre","language":"fr","timeZone":"Europe/Paris"}}
                """.formatted(ALICE))));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE + "/cart")).willReturn(json(200, """
                {"customerId":"%s","items":[{"sku":"%s","quantity":2,"addedAt":"2026-11-20T10:00:00Z"},
                                            {"sku":"%s","quantity":1,"addedAt":"2026-11-21T10:00:00Z"}]}
                """.formatted(ALICE, SHOE, JACKET))));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE + "/wishlist")).willReturn(json(200, """
                {"customerId":"%s","items":[{"sku":"TENT-2P","addedAt":"2026-11-19T10:00:00Z"}]}
                """.formatted(ALICE))));
        Services.inventory().stubFor(get(urlPathEqualTo("/products/" + SHOE)).willReturn(json(200, """
                {"sku":"%s","name":"Trail running shoe 42","price":89.90,"currency":"EUR","promotions":[]}
                """.formatted(SHOE))));
        Services.inventory().stubFor(get(urlPathEqualTo("/products/" + JACKET)).willReturn(json(200, """
                {"sku":"%s","name":"Rain jacket M","price":129.00,"currency":"EUR",
                 "promotions":[{"id":"PROMO-WINTER","kind":"percentage","value":20,"promotionalPrice":103.20}]}
                """.formatted(JACKET))));
        // alice is vip: with her segments, the product also carries the vip promotion
        Services.inventory().stubFor(get(urlPathEqualTo("/products/" + JACKET)).withQueryParam("segments", WireMock.equalTo("vip"))
                .willReturn(json(200, """
                {"sku":"%s","name":"Rain jacket M","price":129.00,"currency":"EUR",
                 "promotions":[{"id":"PROMO-WINTER","kind":"percentage","value":20,"promotionalPrice":103.20},
                               {"id":"PROMO-VIP","kind":"percentage","value":30,"promotionalPrice":90.30}]}
                """.formatted(JACKET))));
        Services.inventory().stubFor(get(urlEqualTo("/promotions?segments=vip")).willReturn(json(200, """
                [{"id":"PROMO-WINTER","name":"Winter","kind":"percentage","value":20,"segment":null},
                 {"id":"PROMO-VIP","name":"VIP","kind":"percentage","value":10,"segment":"vip"}]
                """)));
        Services.inventory().stubFor(get(urlEqualTo("/reservations?customerId=" + ALICE + "&active=true")).willReturn(json(200, """
                {"items":[{"id":"r-1","status":"CONFIRMED","customerId":"%s","storeId":"paris-louvre"}],"page":0,"size":20,"total":1}
                """.formatted(ALICE))));
        Services.messaging().stubFor(get(urlEqualTo("/customers/" + ALICE + "/conversation-summary")).willReturn(json(200, """
                {"unread":2,"lastMessages":[{"channel":"whatsapp","author":"customer","text":"Is the tent back?","sentAt":"2026-11-22T09:00:00Z"}]}
                """)));
    }

    @Test
    void the_view_has_every_part_with_prices_availability_and_the_customers_offers() {
        awaitStockInTheView();
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/me/view")
                .then().statusCode(200)
                .body("customer.id", equalTo(ALICE))
                .body("customer.preferredStoreId", equalTo("paris-louvre"))
                .body("cart.items.sku", contains(SHOE, JACKET))
                .body("cart.items[0].unitPrice", equalTo(89.90f))
                .body("cart.items[0].availableAtPreferredStore", equalTo(true))
                .body("cart.items[1].unitPrice", equalTo(90.30f)) // the lowest, vip included
                .body("cart.items[1].availableAtPreferredStore", equalTo(false))
                .body("wishlist.sku", contains("TENT-2P"))
                .body("offers.id", contains("PROMO-WINTER", "PROMO-VIP"))
                .body("reservations.id", contains("r-1"))
                .body("conversation.unread", equalTo(2))
                .body("channel", equalTo("web"))
                .body("partial", equalTo(false))
                .body("missing.size()", equalTo(0));
    }

    @Test
    void the_same_customer_sees_the_same_content_through_storefront_and_mobile_app() throws Exception {
        awaitStockInTheView();
        JsonNode web = JSON.readTree(view(Tokens.storefront("alice")).asString());
        JsonNode mobile = JSON.readTree(view(Tokens.mobileApp("alice")).asString());

        assertThat(web.path("channel").asText(), is("web"));
        assertThat(mobile.path("channel").asText(), is("mobile"));
        assertThat(web.path("partial").asBoolean(), is(false));
        ((ObjectNode) web).remove("channel");
        ((ObjectNode) mobile).remove("channel");
        assertThat(mobile, is(web));
    }

    @Test
    void a_kiosk_shows_a_customer_it_identified_the_same_content_as_the_web() throws Exception {
        awaitStockInTheView();
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE + "/visits/latest?storeId=paris-louvre"))
                .willReturn(json(200, "{\"storeId\":\"paris-louvre\",\"at\":\"" + Instant.now() + "\"}")));
        JsonNode web = JSON.readTree(view(Tokens.storefront("alice")).asString());
        JsonNode kiosk = JSON.readTree(given().auth().oauth2(Tokens.kiosk()).get("/api/v1/customers/" + ALICE + "/view")
                .then().statusCode(200).extract().asString());

        assertThat(kiosk.path("channel").asText(), is("kiosk"));
        ((ObjectNode) web).remove("channel");
        ((ObjectNode) kiosk).remove("channel");
        assertThat(kiosk, is(web));
    }

    @Test
    void a_kiosk_cannot_show_the_view_of_a_customer_it_did_not_identify() {
        Services.customer().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/visits/latest"))
                .willReturn(Services.problem(404, "Not Found", "no visit")));
        given().auth().oauth2(Tokens.kiosk()).get("/api/v1/customers/" + ALICE + "/view").then().statusCode(403);
    }

    @Test
    void with_messaging_too_slow_the_view_answers_in_time_without_the_conversation() {
        Services.messaging().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/conversation-summary"))
                .willReturn(json(200, "{\"unread\":2,\"lastMessages\":[]}").withFixedDelay(10_000)));

        long start = System.nanoTime();
        view(Tokens.storefront("alice")).then()
                .statusCode(200)
                .body("partial", equalTo(true))
                .body("missing", contains("messaging"))
                .body("conversation", nullValue())
                .body("customer.id", equalTo(ALICE))
                .body("cart.items.sku", contains(SHOE, JACKET));
        // the budget is 1 s in tests, far below the service's 10 s; loosely measured
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), lessThan(3_000L));
    }

    @Test
    void views_cut_short_by_their_budget_do_not_open_the_breaker_of_a_service_that_answers() throws Exception {
        // slower than the view's budget (1 s in tests), well within the client's own timeout (3 s)
        Services.messaging().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/conversation-summary"))
                .willReturn(json(200, "{\"unread\":2,\"lastMessages\":[]}").withFixedDelay(1_500)));
        String token = Tokens.storefront("alice");
        // more views than the breaker's request volume threshold (20), every one without the conversation
        List<Callable<Boolean>> views = Collections.nCopies(30, () -> view(token).then().statusCode(200)
                .extract().<Boolean>path("partial"));
        try (ExecutorService clients = Executors.newFixedThreadPool(10)) {
            for (Future<Boolean> partial : clients.invokeAll(views)) {
                assertThat(partial.get(), is(true));
            }
        }

        Services.messaging().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/conversation-summary"))
                .willReturn(json(200, "{\"unread\":2,\"lastMessages\":[]}")));
        view(token).then()
                .statusCode(200)
                .body("missing", not(hasItem("messaging")))
                .body("conversation.unread", equalTo(2));
    }

    @Test
    void with_messaging_down_the_view_still_answers_200_and_names_it_missing() {
        Services.messaging().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/conversation-summary"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        view(Tokens.mobileApp("alice")).then()
                .statusCode(200)
                .body("partial", equalTo(true))
                .body("missing", contains("messaging"))
                .body("conversation", nullValue())
                .body("offers.id", contains("PROMO-WINTER", "PROMO-VIP"));
    }

    @Test
    void with_customer_service_down_the_view_names_it_and_keeps_the_rest() {
        Services.customer().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/cart"))
                .willReturn(aResponse().withStatus(503)));

        view(Tokens.storefront("alice")).then()
                .statusCode(200)
                .body("partial", equalTo(true))
                .body("missing", contains("customer"))
                .body("cart", nullValue())
                .body("conversation.unread", equalTo(2));
    }

    private static Response view(String token) {
        return given().auth().oauth2(token).get("/api/v1/me/view");
    }

    /** The stock levels published above reach the view once the read model has read them. */
    private static void awaitStockInTheView() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode view = JSON.readTree(view(Tokens.storefront("alice")).asString());
            return view.path("cart").path("items").path(0).path("availableAtPreferredStore").asBoolean(false);
        });
    }
}
