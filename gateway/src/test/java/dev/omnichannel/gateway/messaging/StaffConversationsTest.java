package dev.omnichannel.gateway.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.omnichannel.gateway.support.Services.ALICE;
import static dev.omnichannel.gateway.support.Services.BOB;
import static dev.omnichannel.gateway.support.Services.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.Services;
import dev.omnichannel.gateway.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff read a customer's one conversation across channels and answer in it from the store. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class StaffConversationsTest {

    static final String ALICES_CONVERSATION = "c0a1ce00-0000-4000-8000-000000000002";
    static final String BOBS_CONVERSATION = "c0b0b000-0000-4000-8000-000000000002";
    /** A profile of alice's merged into hers: customer-service answers alice's profile for it. */
    static final String ALICES_DUPLICATE = "0a11ce00-0000-4000-8000-0000000000d1";

    @BeforeEach
    void services() {
        Services.reset();
        conversation(ALICES_CONVERSATION, ALICE);
        conversation(BOBS_CONVERSATION, BOB);
        Services.messaging().stubFor(get(urlPathEqualTo("/customers/" + ALICE + "/conversations")).willReturn(json(200,
                "{\"items\":[{\"id\":\"" + ALICES_CONVERSATION + "\",\"topic\":\"tent\"}],\"page\":0,\"size\":20,\"total\":1}")));
        Services.messaging().stubFor(post(urlPathMatching("/conversations/.*/messages")).willReturn(json(201,
                "{\"id\":\"" + ALICES_CONVERSATION + "\"}")));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + ALICES_DUPLICATE)).willReturn(json(200,
                "{\"id\":\"" + ALICE + "\",\"displayName\":\"Alice Martin\"}")));
        Services.customer().stubFor(get(urlEqualTo("/customers/" + BOB)).willReturn(json(200,
                "{\"id\":\"" + BOB + "\",\"displayName\":\"Bob Durand\"}")));
    }

    @Test
    void staff_list_and_read_a_customers_conversation() {
        given().auth().oauth2(Tokens.backoffice("clerk"))
                .get("/api/v1/customers/" + ALICE + "/conversations")
                .then().statusCode(200)
                .body("items[0].id", equalTo(ALICES_CONVERSATION));
        given().auth().oauth2(Tokens.backoffice("clerk"))
                .get("/api/v1/customers/" + ALICE + "/conversations/" + ALICES_CONVERSATION)
                .then().statusCode(200)
                .body("messages[0].channel", equalTo("social"));
    }

    @Test
    void a_staff_reply_is_authored_by_staff_on_the_store_channel() {
        given().auth().oauth2(Tokens.backoffice("clerk")).contentType(ContentType.JSON).body("{\"text\":\"It is here\"}")
                .post("/api/v1/customers/" + ALICE + "/conversations/" + ALICES_CONVERSATION + "/messages")
                .then().statusCode(201);
        Services.messaging().verify(1, postRequestedFor(urlEqualTo("/conversations/" + ALICES_CONVERSATION + "/messages"))
                .withRequestBody(equalToJson("{\"text\":\"It is here\"}"))
                .withHeader("X-Actor", WireMock.equalTo("staff:c1e4c000-0000-4000-8000-000000000003@paris-louvre"))
                .withHeader("X-Channel", WireMock.equalTo("store")));
    }

    @Test
    void the_id_of_a_merged_away_profile_reaches_the_survivors_conversation() {
        given().auth().oauth2(Tokens.backoffice("admin"))
                .get("/api/v1/customers/" + ALICES_DUPLICATE + "/conversations/" + ALICES_CONVERSATION)
                .then().statusCode(200)
                .body("customerId", equalTo(ALICE));
    }

    @Test
    void another_customers_conversation_answers_404_and_takes_no_reply() {
        given().auth().oauth2(Tokens.backoffice("clerk"))
                .get("/api/v1/customers/" + BOB + "/conversations/" + ALICES_CONVERSATION)
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.backoffice("clerk")).contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .post("/api/v1/customers/" + BOB + "/conversations/" + ALICES_CONVERSATION + "/messages")
                .then().statusCode(404);
        Services.messaging().verify(0, postRequestedFor(urlPathMatching("/conversations/.*/messages")));
    }

    @Test
    void customers_and_kiosks_may_not_use_the_staff_routes() {
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/customers/" + ALICE + "/conversations")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.kiosk()).contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .post("/api/v1/customers/" + ALICE + "/conversations/" + ALICES_CONVERSATION + "/messages")
                .then().statusCode(403);
        Services.messaging().verify(0, postRequestedFor(urlPathMatching("/conversations/.*/messages")));
    }

    private static void conversation(String id, String customerId) {
        Services.messaging().stubFor(get(urlEqualTo("/conversations/" + id)).willReturn(json(200, """
                {"id":"%s","customerId":"%s","messages":[{"channel":"social","author":"customer","text":"Hello",
                 "sentAt":"2026-11-22T09:00:00Z"}]}""".formatted(id, customerId))));
    }
}
