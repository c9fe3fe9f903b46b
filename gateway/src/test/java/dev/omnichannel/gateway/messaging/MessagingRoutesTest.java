package dev.omnichannel.gateway.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversations, alerts, templates and provider webhooks, forwarded to messaging-service. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class MessagingRoutesTest {

    static final String ALICES_CONVERSATION = "c0a1ce00-0000-4000-8000-000000000001";
    static final String BOBS_CONVERSATION = "c0b0b000-0000-4000-8000-000000000001";

    @BeforeEach
    void services() {
        Services.reset();
        conversation(ALICES_CONVERSATION, ALICE);
        conversation(BOBS_CONVERSATION, BOB);
        Services.messaging().stubFor(post(urlPathMatching("/conversations/.*/messages")).willReturn(json(201, "{\"id\":\"m-1\"}")));
    }

    @Test
    void a_customer_reads_and_writes_in_their_own_conversation() {
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/me/conversations/" + ALICES_CONVERSATION)
                .then().statusCode(200)
                .body("messages[0].channel", equalTo("whatsapp"));
        given().auth().oauth2(Tokens.mobileApp("alice")).contentType(ContentType.JSON).body("{\"text\":\"Thanks!\"}")
                .post("/api/v1/me/conversations/" + ALICES_CONVERSATION + "/messages")
                .then().statusCode(201);
        Services.messaging().verify(1, postRequestedFor(urlEqualTo("/conversations/" + ALICES_CONVERSATION + "/messages"))
                .withRequestBody(equalToJson("{\"text\":\"Thanks!\"}"))
                .withHeader("X-Actor", WireMock.equalTo("customer:" + ALICE))
                .withHeader("X-Channel", WireMock.equalTo("mobile")));
    }

    @Test
    void another_customers_conversation_answers_404_and_takes_no_message() {
        given().auth().oauth2(Tokens.storefront("alice"))
                .get("/api/v1/me/conversations/" + BOBS_CONVERSATION)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body("{\"text\":\"hi\"}")
                .post("/api/v1/me/conversations/" + BOBS_CONVERSATION + "/messages")
                .then().statusCode(404);
        Services.messaging().verify(0, postRequestedFor(urlPathMatching("/conversations/.*/messages")));
    }

    @Test
    void a_conversation_is_started_for_the_customer() {
        Services.messaging().stubFor(post(urlEqualTo("/customers/" + ALICE + "/conversations"))
                .willReturn(json(201, "{\"id\":\"" + ALICES_CONVERSATION + "\"}")));
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"subject\":\"Tent\",\"text\":\"Is it back?\"}")
                .post("/api/v1/me/conversations")
                .then().statusCode(201)
                .body("id", equalTo(ALICES_CONVERSATION));
    }

    @Test
    void a_back_in_stock_alert_is_for_the_customer_of_the_token() {
        Services.messaging().stubFor(post(urlEqualTo("/alerts")).willReturn(json(201, "{\"id\":\"a-1\"}")));
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON)
                .body("{\"sku\":\"TENT-2P\",\"storeId\":\"paris-louvre\"}")
                .post("/api/v1/me/alerts")
                .then().statusCode(201);
        Services.messaging().verify(1, postRequestedFor(urlEqualTo("/alerts")).withRequestBody(equalToJson(
                "{\"customerId\":\"" + ALICE + "\",\"sku\":\"TENT-2P\",\"storeId\":\"paris-louvre\"}")));
    }

    @Test
    void staff_save_templates_and_customers_may_not() {
        Services.messaging().stubFor(put(urlEqualTo("/templates/order-ready")).willReturn(json(200, "{\"key\":\"order-ready\"}")));
        String template = "{\"critical\":true,\"variants\":{\"sms\":{\"en\":{\"text\":\"Your order is ready\"}}}}";
        given().auth().oauth2(Tokens.storefront("alice")).contentType(ContentType.JSON).body(template)
                .put("/api/v1/templates/order-ready")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.backoffice("admin")).contentType(ContentType.JSON).body(template)
                .put("/api/v1/templates/order-ready")
                .then().statusCode(200);
        Services.messaging().verify(1, putRequestedFor(urlEqualTo("/templates/order-ready")).withRequestBody(equalToJson(template)));
    }

    @Test
    void a_provider_webhook_needs_no_token_and_reaches_messaging_byte_for_byte() {
        Services.messaging().stubFor(post(urlEqualTo("/webhooks/sms")).willReturn(json(202, "{\"accepted\":true}")));
        String body = "From=%2B33612345678&Body=Hello%20there&MessageSid=SM1";

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("X-Signature", "sha256=abc123")
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)))
                .body(body)
                .post("/api/v1/webhooks/sms")
                .then().statusCode(202)
                .body("accepted", equalTo(true));
        Services.messaging().verify(1, postRequestedFor(urlEqualTo("/webhooks/sms"))
                .withRequestBody(binaryEqualTo(body.getBytes(StandardCharsets.UTF_8)))
                .withHeader("X-Signature", WireMock.equalTo("sha256=abc123"))
                .withHeader("Content-Type", WireMock.containing("application/x-www-form-urlencoded")));
    }

    @Test
    void a_webhook_messaging_refuses_for_its_signature_gets_that_answer() {
        Services.messaging().stubFor(post(urlEqualTo("/webhooks/whatsapp")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"bad signature\"}")));

        given().contentType(ContentType.JSON).header("X-Signature", "sha256=forged").body("{\"message\":\"hi\"}")
                .post("/api/v1/webhooks/whatsapp")
                .then().statusCode(401)
                .body("detail", equalTo("bad signature"));
        Services.messaging().verify(1, postRequestedFor(urlEqualTo("/webhooks/whatsapp"))
                .withRequestBody(WireMock.equalTo("{\"message\":\"hi\"}")));
    }

    private static void conversation(String id, String customerId) {
        Services.messaging().stubFor(get(urlEqualTo("/conversations/" + id)).willReturn(json(200, """
                {"id":"%s","customerId":"%s","messages":[{"channel":"whatsapp","author":"customer","text":"Hello",
                 "sentAt":"2026-11-22T09:00:00Z"}]}""".formatted(id, customerId))));
    }
}
