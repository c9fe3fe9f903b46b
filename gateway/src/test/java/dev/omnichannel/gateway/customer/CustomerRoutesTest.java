package dev.omnichannel.gateway.customer;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.lessThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.ALICE_SUBJECT;
import static dev.omnichannel.gateway.support.Services.BOB;
import static dev.omnichannel.gateway.support.Services.BOB_SUBJECT;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.omnichannel.gateway.security.service.CustomerDirectory;
import dev.omnichannel.gateway.support.Catalogue;
import dev.omnichannel.gateway.support.Events;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.gateway.support.Tokens;
import dev.omnichannel.gateway.view.repository.ViewQueries;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.testing.KeycloakTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's own routes, forwarded to customer-service for the customer the token's subject is. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class CustomerRoutesTest {

    static final String PROFILE = "{\"id\":\"" + ALICE + "\",\"displayName\":\"Alice Martin\"}";

    @Inject
    CustomerDirectory directory;

    @Inject
    ViewQueries store;

    @BeforeEach
    void services() {
        Services.reset();
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE)).willReturn(json(200, PROFILE)));
    }

    @Test
    void the_profile_is_found_from_the_token_subject_once_not_per_request() {
        directory.forget(ALICE_SUBJECT).await().indefinitely();
        for (int call = 0; call < 3; call++) {
            given().auth().oauth2(Tokens.storefront("alice")).get("/api/v1/me").then().statusCode(200);
        }
        // once at most: not at all when the view model already knows the subject from the customer's snapshots
        Services.customer().verify(lessThanOrExactly(1), postRequestedFor(urlEqualTo("/customers/resolve"))
                .withRequestBody(equalToJson("""
                        {"type":"oidc","value":"%s","email":"alice@example.com","emailVerified":true}""".formatted(ALICE_SUBJECT),
                        true, true)));
        Services.customer().verify(3, getRequestedFor(urlEqualTo("/customers/" + ALICE)));
    }

    @Test
    void services_are_called_with_the_gateways_token_the_channel_and_the_actor() {
        given().auth().oauth2(Tokens.mobileApp("alice")).get("/api/v1/me").then().statusCode(200);

        List<LoggedRequest> calls = Services.customer().findAll(getRequestedFor(urlEqualTo("/customers/" + ALICE)));
        assertThat(calls.size(), is(1));
        LoggedRequest call = calls.get(0);
        assertThat(call.getHeader("X-Channel"), is("mobile"));
        assertThat(call.getHeader("X-Actor"), is("customer:" + ALICE));
        String token = call.getHeader("Authorization").substring("Bearer ".length());
        assertThat(KeycloakTokens.claims(token).path("azp").asText(), is("gateway"));
    }

    @Test
    void preferences_change_only_in_the_fields_given() {
        Services.customer().stubFor(patch(urlEqualTo("/customers/" + ALICE + "/preferences")).willReturn(json(200, PROFILE)));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"preferredStoreId\":\"paris-bastille\"}")
                .patch("/api/v1/me/preferences")
                .then().statusCode(200);
        Services.customer().verify(1, patchRequestedFor(urlEqualTo("/customers/" + ALICE + "/preferences"))
                .withRequestBody(equalToJson("{\"preferredStoreId\":\"paris-bastille\"}")));
    }

    @Test
    void a_consent_for_an_unknown_channel_is_refused() {
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"granted\":true}")
                .put("/api/v1/me/consents/fax")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void a_consent_is_forwarded_with_the_channel_it_was_given_on() {
        Services.customer().stubFor(put(urlEqualTo("/customers/" + ALICE + "/consents/sms")).willReturn(json(200, PROFILE)));

        given().auth().oauth2(Tokens.mobileApp("alice")).contentType(ContentType.JSON).body("{\"granted\":false}")
                .put("/api/v1/me/consents/sms")
                .then().statusCode(200);
        Services.customer().verify(1, putRequestedFor(urlEqualTo("/customers/" + ALICE + "/consents/sms"))
                .withRequestBody(equalToJson("{\"granted\":false}"))
                .withHeader("X-Channel", WireMock.equalTo("mobile")));
    }

    @Test
    void the_export_gathers_what_every_service_holds() {
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE + "/export")).willReturn(json(200, PROFILE)));
        // every list whole, however many pages (the services answer 100 at most)
        Services.inventory().stubFor(get(urlEqualTo("/reservations?customerId=" + ALICE + "&page=0&size=100"))
                .willReturn(json(200, items("r", 0, 100))));
        Services.inventory().stubFor(get(urlEqualTo("/reservations?customerId=" + ALICE + "&page=1&size=100"))
                .willReturn(json(200, items("r", 100, 1))));
        Services.inventory().stubFor(get(urlEqualTo("/orders?customerId=" + ALICE + "&page=0&size=100"))
                .willReturn(json(200, "{\"items\":[]}")));
        Services.messaging().stubFor(get(urlEqualTo("/customers/" + ALICE + "/conversations?page=0&size=100"))
                .willReturn(json(200, items("c", 0, 1))));
        Services.messaging().stubFor(get(urlEqualTo("/customers/" + ALICE + "/notifications?page=0&size=100"))
                .willReturn(json(200, items("n", 0, 2))));
        Services.inventory().stubFor(get(urlEqualTo("/reviews?customerId=" + ALICE + "&page=0&size=100")).willReturn(json(200,
                reviews(0, 100, 101))));
        Services.inventory().stubFor(get(urlEqualTo("/reviews?customerId=" + ALICE + "&page=1&size=100")).willReturn(json(200,
                reviews(100, 1, 101))));

        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/me/export")
                .then().statusCode(200)
                .body("customer.id", equalTo(ALICE))
                .body("reservations.items.size()", equalTo(101))
                .body("reservations.items[100].id", equalTo("r-100"))
                .body("orders.items.size()", equalTo(0))
                .body("notifications.items.id", equalTo(List.of("n-0", "n-1")))
                .body("reviews.items.size()", equalTo(101))
                .body("reviews.items[0].id", equalTo("rv-0"))
                .body("reviews.items[100].id", equalTo("rv-100"))
                .body("reviews.items[100].text", equalTo("review 100"))
                .body("conversations.items[0].id", equalTo("c-0"));
    }

    /** A page of a list: {@code count} items {@code <prefix>-<n>} from number {@code first}. */
    private static String items(String prefix, int first, int count) {
        return "{\"items\":[" + IntStream.range(first, first + count).mapToObj(n -> "{\"id\":\"" + prefix + "-" + n + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    /** A page of inventory's {@code GET /reviews?customerId=}: {@code count} reviews from number {@code first}. */
    private static String reviews(int first, int count, int total) {
        return "{\"items\":[" + IntStream.range(first, first + count)
                .mapToObj(n -> "{\"id\":\"rv-%d\",\"sku\":\"TENT-2P\",\"customerId\":\"%s\",\"rating\":4,\"text\":\"review %d\"}"
                        .formatted(n, ALICE, n))
                .collect(Collectors.joining(",")) + "],\"page\":" + first / 100 + ",\"size\":100,\"total\":" + total + "}";
    }

    @Test
    void erasure_is_forwarded_and_the_next_call_resolves_the_subject_afresh() {
        // bob's subject signs in as a customer of this test's own, whom it erases
        String erased = UUID.randomUUID().toString();
        Events.publish(GatewayTestStack.CUSTOMER_TOPIC, erased, new CustomerSnapshot(erased, "Erin", List.of(), List.of(),
                List.of(), List.of(), null, Map.of(), List.of(), System.currentTimeMillis(), List.of(BOB_SUBJECT),
                List.of(), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> erased.equals(store.customerOfSubject(BOB_SUBJECT).await().indefinitely()));
        directory.forget(BOB_SUBJECT).await().indefinitely();
        Services.customer().stubFor(get(urlEqualTo("/customers/" + erased)).willReturn(json(200, "{\"id\":\"" + erased + "\"}")));
        Services.customer().stubFor(delete(urlEqualTo("/customers/" + erased)).willReturn(WireMock.aResponse().withStatus(204)));
        Services.customer().stubFor(delete(urlEqualTo(GatewayTestStack.KEYCLOAK_ADMIN + "/users/" + BOB_SUBJECT))
                .willReturn(WireMock.aResponse().withStatus(204)));
        given().auth().oauth2(Tokens.storefront("bob")).get("/api/v1/me").then().statusCode(200).body("id", equalTo(erased));
        Services.customer().resetRequests();

        given().auth().oauth2(Tokens.storefront("bob")).delete("/api/v1/me").then().statusCode(204);
        Services.customer().stubFor(get(urlEqualTo("/customers/" + BOB)).willReturn(json(200, "{\"id\":\"" + BOB + "\"}")));
        given().auth().oauth2(Tokens.storefront("bob")).get("/api/v1/me").then().statusCode(200).body("id", equalTo(BOB));

        Services.customer().verify(1, deleteRequestedFor(urlEqualTo("/customers/" + erased)));
        Services.customer().verify(1, deleteRequestedFor(urlEqualTo(GatewayTestStack.KEYCLOAK_ADMIN + "/users/" + BOB_SUBJECT)));
        Services.customer().verify(1, postRequestedFor(urlEqualTo("/customers/resolve")));
    }

    @Test
    void a_cart_quantity_is_set_on_the_customers_one_cart() {
        String sku = StockLevels.newSku("TENT");
        Catalogue.product(sku, "Two-person tent", "249.00");
        Services.customer().stubFor(put(urlEqualTo("/customers/" + ALICE + "/cart/items/" + sku)).willReturn(json(200,
                "{\"customerId\":\"" + ALICE + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}")));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"quantity\":2}")
                .put("/api/v1/me/cart/items/" + sku)
                .then().statusCode(200)
                .body("items[0].quantity", equalTo(2));
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"quantity\":-1}")
                .put("/api/v1/me/cart/items/" + sku)
                .then().statusCode(400);
        Services.customer().verify(1, putRequestedFor(urlEqualTo("/customers/" + ALICE + "/cart/items/" + sku))
                .withRequestBody(equalToJson("{\"quantity\":2}")));
    }

    @Test
    void a_sku_the_catalogue_does_not_sell_is_added_to_no_cart_or_wishlist_but_any_line_can_be_taken_out() {
        String unknown = StockLevels.newSku("NOT-SOLD");
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"quantity\":1}")
                .put("/api/v1/me/cart/items/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.storefront("alice"))
                .put("/api/v1/me/wishlist/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("X-Cart-Token", "t-1").body("{\"quantity\":1}")
                .put("/api/v1/carts/g-1/items/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
        Services.customer().verify(0, putRequestedFor(urlPathEqualTo("/customers/" + ALICE + "/cart/items/" + unknown)));
        Services.customer().verify(0, putRequestedFor(urlPathEqualTo("/customers/" + ALICE + "/wishlist/" + unknown)));
        Services.customer().verify(0, putRequestedFor(urlPathEqualTo("/carts/g-1/items/" + unknown)));

        Services.customer().stubFor(put(urlEqualTo("/customers/" + ALICE + "/cart/items/" + unknown)).willReturn(json(200,
                "{\"customerId\":\"" + ALICE + "\",\"items\":[]}")));
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"quantity\":0}")
                .put("/api/v1/me/cart/items/" + unknown)
                .then().statusCode(200);
    }

    @Test
    void a_merged_guest_cart_is_capped_by_the_stock_available() {
        String sku = StockLevels.newSku("BOTTLE");
        StockLevels.publish(sku, "paris-louvre", 2, 1);
        StockLevels.publish(sku, "paris-bastille", 1, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().get("/api/v1/products/" + sku + "/availability").jsonPath().getList("available", Integer.class)
                        .stream().mapToInt(Integer::intValue).sum() == 3);
        Services.customer().stubFor(post(urlEqualTo("/customers/" + ALICE + "/cart/merge")).willReturn(json(200,
                "{\"customerId\":\"" + ALICE + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":5}]}")));
        Services.customer().stubFor(put(urlEqualTo("/customers/" + ALICE + "/cart/items/" + sku)).willReturn(json(200, "{}")));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE + "/cart")).willReturn(json(200,
                "{\"customerId\":\"" + ALICE + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}")));

        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"cartId\":\"g-1\",\"cartToken\":\"t-1\"}")
                .post("/api/v1/me/cart/merge")
                .then().statusCode(200)
                .body("items[0].quantity", equalTo(3));
        Services.customer().verify(1, postRequestedFor(urlEqualTo("/customers/" + ALICE + "/cart/merge"))
                .withRequestBody(equalToJson("{\"cartId\":\"g-1\",\"cartToken\":\"t-1\"}")));
        Services.customer().verify(1, putRequestedFor(urlEqualTo("/customers/" + ALICE + "/cart/items/" + sku))
                .withRequestBody(equalToJson("{\"quantity\":3}")));
    }

    @Test
    void a_guest_cart_needs_no_token_but_its_cart_token() {
        Services.customer().stubFor(post(urlEqualTo("/carts")).willReturn(json(201,
                "{\"id\":\"g-1\",\"cartToken\":\"secret\",\"items\":[]}")));
        Services.customer().stubFor(get(urlEqualTo("/carts/g-1")).withHeader("X-Cart-Token", WireMock.equalTo("secret"))
                .willReturn(json(200, "{\"id\":\"g-1\",\"items\":[]}")));
        Services.customer().stubFor(get(urlEqualTo("/carts/g-1")).withHeader("X-Cart-Token", WireMock.notMatching("secret"))
                .willReturn(Services.problem(404, "Not Found", "No such cart")));

        given().post("/api/v1/carts").then().statusCode(201)
                .body("id", equalTo("g-1"))
                .body("cartToken", equalTo("secret"));
        given().header("X-Cart-Token", "secret").get("/api/v1/carts/g-1").then().statusCode(200);
        given().header("X-Cart-Token", "wrong").get("/api/v1/carts/g-1").then().statusCode(404);
        given().get("/api/v1/carts/g-1").then().statusCode(404);
        Services.customer().verify(2, getRequestedFor(urlPathEqualTo("/carts/g-1")));
    }

    @Test
    void a_guest_cart_item_is_forwarded_with_its_token() {
        Catalogue.product("CAP-SUN", "Sun cap", "14.90");
        Services.customer().stubFor(put(urlEqualTo("/carts/g-1/items/CAP-SUN")).willReturn(json(200,
                "{\"id\":\"g-1\",\"items\":[{\"sku\":\"CAP-SUN\",\"quantity\":1}]}")));

        given().header("X-Cart-Token", "secret").contentType(ContentType.JSON).body("{\"quantity\":1}")
                .put("/api/v1/carts/g-1/items/CAP-SUN")
                .then().statusCode(200)
                .body("items[0].sku", equalTo("CAP-SUN"));
        Services.customer().verify(1, putRequestedFor(urlEqualTo("/carts/g-1/items/CAP-SUN"))
                .withHeader("X-Cart-Token", WireMock.equalTo("secret"))
                .withRequestBody(matchingJsonPath("$.quantity", WireMock.equalTo("1"))));
    }
}
