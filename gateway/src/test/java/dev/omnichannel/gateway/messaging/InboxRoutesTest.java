package dev.omnichannel.gateway.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.BOB;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One inbox on every channel: what was sent to the customer, read on the web, in the app, at the kiosk. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class InboxRoutesTest {

    static final String EMAIL = "e0000000-0000-4000-8000-000000000001";
    static final String SMS = "e0000000-0000-4000-8000-000000000002";
    static final String INBOX = """
            {"items":[{"id":"%s","templateKey":"reservation.confirmed","channel":"sms","status":"delivered",
              "title":null,"body":"Réservation confirmée au magasin Paris Louvre.","sentAt":"2026-12-01T09:05:00Z","read":false},
             {"id":"%s","templateKey":"reservation.confirmed","channel":"email","status":"opened",
              "title":"Your reservation at Paris Louvre is confirmed","body":"Hello Alice","sentAt":"2026-12-01T09:00:00Z",
              "read":true}],
             "page":0,"size":20,"total":2}""".formatted(SMS, EMAIL);

    @BeforeEach
    void services() {
        Services.reset();
        Services.messaging().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/notifications")).willReturn(json(200, INBOX)));
    }

    @Test
    void a_customer_lists_what_was_sent_to_them_on_every_channel_newest_first() {
        given().auth().oauth2(Tokens.mobileApp("alice"))
                .get("/api/v1/me/notifications?page=0&size=20")
                .then().statusCode(200)
                .body("items.channel", contains("sms", "email"))
                .body("items.read", contains(false, true))
                .body("total", equalTo(2));
        Services.messaging().verify(1, getRequestedFor(urlEqualTo("/customers/" + ALICE + "/notifications?page=0&size=20")));
    }

    @Test
    void a_page_larger_than_100_is_capped_and_a_negative_one_is_refused() {
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/me/notifications?page=1&size=500")
                .then().statusCode(200);
        Services.messaging().verify(1, getRequestedFor(urlEqualTo("/customers/" + ALICE + "/notifications?page=1&size=100")));
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/me/notifications?size=-1")
                .then().statusCode(400).contentType("application/problem+json");
        Services.messaging().verify(1, getRequestedFor(urlPathMatching("/customers/.*/notifications")));
    }

    @Test
    void marking_a_message_read_is_for_the_customer_of_the_token_and_their_summary_is_kept_for_their_next_view() {
        Services.messaging().stubFor(post(urlEqualTo("/customers/" + ALICE + "/notifications/" + SMS + "/read"))
                .willReturn(json(200, "{\"id\":\"" + SMS + "\",\"channel\":\"sms\",\"read\":true}")));
        Services.messaging().stubFor(get(urlEqualTo("/customers/" + ALICE + "/conversation-summary")).willReturn(json(200,
                "{\"unread\":0,\"lastMessages\":[],\"inbox\":{\"total\":2,\"unread\":0}}")));

        given().auth().oauth2(Tokens.storefront("alice"))
                .post("/api/v1/me/notifications/" + SMS + "/read")
                .then().statusCode(200)
                .body("read", equalTo(true));
        Services.messaging().verify(1, postRequestedFor(urlEqualTo("/customers/" + ALICE + "/notifications/" + SMS + "/read")));
        // read your writes, as after a conversation write: the summary after the read is asked and kept in the view model
        Services.messaging().verify(1, getRequestedFor(urlEqualTo("/customers/" + ALICE + "/conversation-summary")));
    }

    @Test
    void another_customers_message_answers_404() {
        Services.messaging().stubFor(post(urlPathMatching("/customers/" + BOB + "/notifications/.*/read"))
                .willReturn(Services.problem(404, "Not Found", "No message " + SMS + " in this inbox")));
        Services.messaging().stubFor(post(urlPathMatching("/customers/" + ALICE + "/notifications/.*/read"))
                .willReturn(Services.problem(404, "Not Found", "No message " + SMS + " in this inbox")));

        given().auth().oauth2(Tokens.storefront("bob"))
                .post("/api/v1/me/notifications/" + SMS + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        Services.messaging().verify(1, postRequestedFor(urlEqualTo("/customers/" + BOB + "/notifications/" + SMS + "/read")));
        Services.messaging().verify(0, postRequestedFor(urlPathMatching("/customers/" + ALICE + "/notifications/.*")));
    }

    @Test
    void the_kiosk_shows_the_inbox_of_a_customer_it_identified_and_no_other() {
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICE + "/visits/latest?storeId=paris-louvre"))
                .willReturn(json(200, "{\"storeId\":\"paris-louvre\",\"at\":\"" + Instant.now().minusSeconds(60) + "\"}")));
        Services.customer().stubFor(get(urlPathEqualTo("/customers/" + BOB + "/visits/latest"))
                .willReturn(Services.problem(404, "Not Found", "no visit")));

        given().auth().oauth2(Tokens.kiosk())
                .get("/api/v1/customers/" + ALICE + "/notifications")
                .then().statusCode(200)
                .body("items.channel", contains("sms", "email"));
        given().auth().oauth2(Tokens.kiosk())
                .get("/api/v1/customers/" + BOB + "/notifications")
                .then().statusCode(403);
        Services.messaging().verify(0, getRequestedFor(urlPathEqualTo("/customers/" + BOB + "/notifications")));
    }

    @Test
    void staff_see_a_customers_inbox_and_a_customer_may_not_read_anothers() {
        given().auth().oauth2(Tokens.backoffice("clerk"))
                .get("/api/v1/customers/" + ALICE + "/notifications")
                .then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(Tokens.storefront("bob"))
                .get("/api/v1/customers/" + ALICE + "/notifications")
                .then().statusCode(403);
    }
}
