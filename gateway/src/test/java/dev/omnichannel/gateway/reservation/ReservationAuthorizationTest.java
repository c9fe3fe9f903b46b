package dev.omnichannel.gateway.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.BOB;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.RefusalLog;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may reserve, see, change and collect what. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class ReservationAuthorizationTest {

    static final String BOBS_RESERVATION = "b0b0b0b0-0000-4000-8000-000000000001";
    static final String ALICES_RESERVATION = "a1a1a1a1-0000-4000-8000-000000000001";
    static final String BASTILLE_RESERVATION = "ba571000-0000-4000-8000-000000000001";
    static final String RESERVATION_AT_LOUVRE = """
            {"storeId":"paris-louvre","customerId":"%s","lines":[{"sku":"TENT-2P","quantity":1}]}""";

    @BeforeEach
    void services() {
        Services.reset();
        reservation(BOBS_RESERVATION, BOB, "paris-louvre");
        reservation(ALICES_RESERVATION, ALICE, "paris-louvre");
        reservation(BASTILLE_RESERVATION, ALICE, "paris-bastille");
        Services.inventory().stubFor(post(urlEqualTo("/reservations")).willReturn(json(201, """
                {"id":"new-1","status":"CONFIRMED","pickupCode":"K7Q2","expiresAt":"2026-11-25T18:00:00Z"}""")));
        Services.inventory().stubFor(delete(urlPathMatching("/reservations/.*")).willReturn(json(200, "{\"status\":\"CANCELLED\"}")));
        Services.inventory().stubFor(post(urlPathMatching("/reservations/.*/(collect|extend|ready)"))
                .willReturn(json(200, "{\"status\":\"COLLECTED\"}")));
    }

    @Test
    void customer_a_gets_404_on_customer_bs_reservation() {
        try (RefusalLog refusals = RefusalLog.capture()) {
            given().auth().oauth2(Tokens.storefront("alice"))
                    .get("/api/v1/reservations/" + BOBS_RESERVATION)
                    .then().statusCode(404)
                    .contentType("application/problem+json");
            assertThat(refusals.lines(), hasItem(allOf(containsString("refused 404"),
                    containsString("/api/v1/reservations/" + BOBS_RESERVATION), containsString("storefront:"))));
        }
    }

    @Test
    void customer_a_cannot_cancel_or_extend_customer_bs_reservation_and_nothing_changes() {
        given().auth().oauth2(Tokens.storefront("alice"))
                .delete("/api/v1/reservations/" + BOBS_RESERVATION)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.mobileApp("alice")).contentType(ContentType.JSON).body("{\"minutes\":30}")
                .post("/api/v1/reservations/" + BOBS_RESERVATION + "/extend")
                .then().statusCode(404);

        Services.inventory().verify(0, deleteRequestedFor(urlPathMatching("/reservations/.*")));
        Services.inventory().verify(0, postRequestedFor(urlPathMatching("/reservations/.*/extend")));
    }

    @Test
    void a_customer_sees_and_cancels_their_own_reservation() {
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/reservations/" + ALICES_RESERVATION)
                .then().statusCode(200)
                .body("customerId", equalTo(ALICE));
        given().auth().oauth2(Tokens.storefront("alice"))
                .delete("/api/v1/reservations/" + ALICES_RESERVATION)
                .then().statusCode(200);
        Services.inventory().verify(1, deleteRequestedFor(urlEqualTo("/reservations/" + ALICES_RESERVATION)));
    }

    @Test
    void an_oversized_body_is_a_413_problem_and_reaches_no_service() {
        String huge = RESERVATION_AT_LOUVRE.formatted(ALICE).replace("TENT-2P", "x".repeat(300 * 1024));
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body(huge)
                .post("/api/v1/reservations")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        Services.inventory().verify(0, postRequestedFor(urlEqualTo("/reservations")));
    }

    @Test
    void a_nul_character_in_a_path_or_query_is_a_400_problem_and_reaches_no_service() {
        for (String uri : List.of("/api/v1/products/%00", "/api/v1/stores/a%00b", "/api/v1/reservations?storeId=%00")) {
            given().auth().oauth2(Tokens.storefront("alice")).urlEncodingEnabled(false)
                    .get(uri)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
        Services.inventory().verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a_customer_always_reserves_for_themself() {
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body(RESERVATION_AT_LOUVRE.formatted(BOB))
                .post("/api/v1/reservations")
                .then().statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        Services.inventory().verify(1, postRequestedFor(urlEqualTo("/reservations"))
                .withRequestBody(matchingJsonPath("$.customerId", WireMock.equalTo(ALICE)))
                .withHeader("X-Channel", WireMock.equalTo("web"))
                .withHeader("X-Actor", WireMock.equalTo("customer:" + ALICE)));
    }

    @Test
    void a_kiosk_of_paris_louvre_cannot_reserve_for_paris_bastille() {
        identifiedAtLouvre(ALICE, Instant.now());
        try (RefusalLog refusals = RefusalLog.capture()) {
            given().auth().oauth2(Tokens.kiosk()).contentType(ContentType.JSON)
                    .body("{\"storeId\":\"paris-bastille\",\"customerId\":\"%s\",\"lines\":[{\"sku\":\"TENT-2P\",\"quantity\":1}]}"
                            .formatted(ALICE))
                    .post("/api/v1/reservations")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
            assertThat(refusals.lines(), hasItem(allOf(containsString("refused 403"), containsString("kiosk:"),
                    containsString("paris-bastille"))));
        }
        Services.inventory().verify(0, postRequestedFor(urlEqualTo("/reservations")));
    }

    @Test
    void a_kiosk_cannot_reserve_for_a_customer_it_has_not_identified() {
        Services.customer().stubFor(get(urlPathEqualTo("/customers/" + BOB + "/visits/latest"))
                .willReturn(Services.problem(404, "Not Found", "no visit")));
        given().auth().oauth2(Tokens.kiosk()).contentType(ContentType.JSON)
                .body(RESERVATION_AT_LOUVRE.formatted(BOB))
                .post("/api/v1/reservations")
                .then().statusCode(403);
        Services.inventory().verify(0, postRequestedFor(urlEqualTo("/reservations")));
    }

    @Test
    void a_kiosk_cannot_reserve_for_a_customer_identified_too_long_ago() {
        identifiedAtLouvre(ALICE, Instant.now().minus(2, ChronoUnit.HOURS));
        given().auth().oauth2(Tokens.kiosk()).contentType(ContentType.JSON)
                .body(RESERVATION_AT_LOUVRE.formatted(ALICE))
                .post("/api/v1/reservations")
                .then().statusCode(403);
        Services.inventory().verify(0, postRequestedFor(urlEqualTo("/reservations")));
    }

    @Test
    void a_kiosk_identifies_a_customer_then_reserves_for_them_at_its_store() {
        Services.customer().stubFor(get(urlPathEqualTo("/customers"))
                .withQueryParam("identity", WireMock.equalTo("phone:+33612345678")).willReturn(json(200,
                "{\"items\":[{\"id\":\"" + ALICE + "\",\"displayName\":\"Alice Martin\"}]}")));
        Services.customer().stubFor(post(urlEqualTo("/customers/" + ALICE + "/visits")).willReturn(json(201,
                "{\"storeId\":\"paris-louvre\"}")));
        identifiedAtLouvre(ALICE, Instant.now());

        given().auth().oauth2(Tokens.kiosk()).queryParam("identity", "phone:+33612345678")
                .get("/api/v1/customers")
                .then().statusCode(200)
                .body("items[0].id", equalTo(ALICE));
        Services.customer().verify(1, postRequestedFor(urlEqualTo("/customers/" + ALICE + "/visits"))
                .withRequestBody(matchingJsonPath("$.storeId", WireMock.equalTo("paris-louvre")))
                .withHeader("X-Channel", WireMock.equalTo("kiosk")));

        given().auth().oauth2(Tokens.kiosk()).contentType(ContentType.JSON)
                .body(RESERVATION_AT_LOUVRE.formatted(ALICE))
                .post("/api/v1/reservations")
                .then().statusCode(201);
        Services.inventory().verify(1, postRequestedFor(urlEqualTo("/reservations"))
                .withRequestBody(matchingJsonPath("$.customerId", WireMock.equalTo(ALICE)))
                .withHeader("X-Actor", WireMock.equalTo("kiosk:paris-louvre")));
    }

    @Test
    void staff_collect_only_at_their_own_store() {
        given().auth().oauth2(Tokens.backoffice("clerk")).contentType(ContentType.JSON).body("{\"pickupCode\":\"K7Q2\"}")
                .post("/api/v1/reservations/" + BASTILLE_RESERVATION + "/collect")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.backoffice("clerk")).contentType(ContentType.JSON).body("{\"pickupCode\":\"K7Q2\"}")
                .post("/api/v1/reservations/" + ALICES_RESERVATION + "/collect")
                .then().statusCode(200);
        Services.inventory().verify(1, postRequestedFor(urlPathMatching("/reservations/.*/collect")));
        Services.inventory().verify(1, postRequestedFor(urlEqualTo("/reservations/" + ALICES_RESERVATION + "/collect"))
                .withHeader("X-Actor", WireMock.equalTo("staff:c1e4c000-0000-4000-8000-000000000003@paris-louvre"))
                .withHeader("X-Channel", WireMock.equalTo("store")));
    }

    @Test
    void staff_mark_ready_at_their_store_and_customers_cannot() {
        given().auth().oauth2(Tokens.backoffice("clerk-bastille"))
                .post("/api/v1/reservations/" + BASTILLE_RESERVATION + "/ready")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.storefront("alice"))
                .post("/api/v1/reservations/" + ALICES_RESERVATION + "/ready")
                .then().statusCode(403);
        Services.inventory().verify(1, postRequestedFor(urlPathMatching("/reservations/.*/ready")));
    }

    @Test
    void a_customer_cannot_take_returns_nor_move_stock() {
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"storeId\":\"paris-louvre\",\"sku\":\"TENT-2P\",\"quantity\":1}")
                .post("/api/v1/returns")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"storeId\":\"paris-louvre\",\"sku\":\"TENT-2P\",\"quantity\":5,\"reason\":\"found\"}")
                .post("/api/v1/stock/adjustments")
                .then().statusCode(403);
        Services.inventory().verify(0, anyRequestedFor(urlPathMatching("/(returns|stock/.*)")));
    }

    @Test
    void staff_adjust_stock_only_at_their_store_and_admins_anywhere() {
        Services.inventory().stubFor(post(urlEqualTo("/stock/adjustments")).willReturn(json(201, "{\"id\":\"m-1\"}")));
        String adjustment = "{\"storeId\":\"paris-bastille\",\"sku\":\"TENT-2P\",\"quantity\":-1,\"reason\":\"damaged\"}";
        given().auth().oauth2(Tokens.backoffice("clerk")).contentType(ContentType.JSON).body(adjustment)
                .post("/api/v1/stock/adjustments")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.backoffice("admin")).contentType(ContentType.JSON).body(adjustment)
                .post("/api/v1/stock/adjustments")
                .then().statusCode(201);
        Services.inventory().verify(1, postRequestedFor(urlEqualTo("/stock/adjustments"))
                .withHeader("X-Actor", WireMock.equalTo("admin:ad000000-0000-4000-8000-000000000006")));
    }

    private static void reservation(String id, String customerId, String storeId) {
        Services.inventory().stubFor(get(urlEqualTo("/reservations/" + id)).willReturn(json(200, """
                {"id":"%s","status":"CONFIRMED","customerId":"%s","storeId":"%s","lines":[{"sku":"TENT-2P","quantity":1}],
                 "pickupCode":"K7Q2"}""".formatted(id, customerId, storeId))));
    }

    private static void identifiedAtLouvre(String customerId, Instant at) {
        Services.customer().stubFor(get(urlEqualTo("/customers/" + customerId + "/visits/latest?storeId=paris-louvre"))
                .willReturn(json(200, "{\"storeId\":\"paris-louvre\",\"at\":\"" + at + "\"}")));
    }
}
