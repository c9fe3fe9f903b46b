package dev.omnichannel.messaging.webhook;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static dev.omnichannel.messaging.support.Api.sign;
import static dev.omnichannel.messaging.support.Api.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Api;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.messaging.support.Providers;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.testing.Mailbox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Provider webhooks: signed with HMAC-SHA256, and a provider's retry is stored once. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class WebhookTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private TestCustomer customer() {
        TestCustomer jane = new TestCustomer();
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        return jane;
    }

    private static String sms(String from, String messageId, String text) {
        return """
                {"type":"message","messageId":"%s","from":"%s","text":"%s"}""".formatted(messageId, from, text);
    }

    @Test
    void a_provider_retry_of_the_same_inbound_message_is_stored_once() {
        TestCustomer jane = customer();
        String body = sms(jane.phone.replaceFirst("\\+33", "+33 "), "SM" + UUID.randomUUID(), "Is my order ready?");

        String conversation = webhook("sms", Api.SMS_SECRET, body).then().statusCode(200)
                .body("duplicate", equalTo(false)).extract().path("conversationId");
        webhook("sms", Api.SMS_SECRET, body).then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("conversationId", equalTo(conversation));

        asGateway().get("/conversations/" + conversation).then().statusCode(200)
                .body("customerId", equalTo(jane.id))
                .body("messages", hasSize(1))
                .body("messages.text", contains("Is my order ready?"));
    }

    @Test
    void a_wrong_or_missing_signature_is_refused_and_stores_nothing() {
        TestCustomer jane = customer();
        String body = sms(jane.phone, "SM" + UUID.randomUUID(), "Hello");

        asGateway().header("X-Signature", sign("not-the-secret", body)).body(body).post("/webhooks/sms")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        asGateway().header("X-Signature", sign(Api.SMS_SECRET, body + " ")).body(body).post("/webhooks/sms")
                .then().statusCode(401);
        asGateway().body(body).post("/webhooks/sms").then().statusCode(401).contentType("application/problem+json");
        // the secret of another channel does not sign this one
        asGateway().header("X-Signature", sign(Api.EMAIL_SECRET, body)).body(body).post("/webhooks/sms").then().statusCode(401);

        // nothing was stored: the correctly signed delivery is the first of this message
        webhook("sms", Api.SMS_SECRET, body).then().statusCode(200).body("duplicate", equalTo(false));
        asGateway().get("/customers/" + jane.id + "/conversations").then().body("total", equalTo(1));
    }

    @Test
    void a_delivery_failure_receipt_moves_the_message_to_the_next_allowed_channel() {
        TestCustomer bob = new TestCustomer();
        bob.preferredChannel = "sms";
        Events.publishSnapshot(mapper, bob.snapshot());
        db.awaitRecipient(bob.id, 1);
        String reservationId = UUID.randomUUID().toString();
        Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                Events.reservation(ReservationEvent.CONFIRMED, reservationId, bob.id, "BOUNCE"));
        JsonNode sms = Providers.await("sms", r -> bob.phone.equals(r.path("to").asText()));
        String providerId = "sms-" + sms.path("reference").asText();
        // the provider's receipt comes after messaging has recorded its answer to the send
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                !db.query("SELECT 1 FROM notification WHERE provider_message_id = $1", providerId).isEmpty());

        webhook("sms", Api.SMS_SECRET, "{\"type\":\"status\",\"messageId\":\"" + providerId
                + "\",\"status\":\"failed\"}").then().statusCode(200).body("matched", equalTo(true));

        Mailbox.await(bob.email, m -> m.subject().contains("BOUNCE"), Duration.ofSeconds(30));
    }

    @Test
    void a_receipt_for_an_unknown_message_changes_nothing() {
        webhook("sms", Api.SMS_SECRET, "{\"type\":\"status\",\"messageId\":\"sms-unknown\",\"status\":\"delivered\"}")
                .then().statusCode(200).body("matched", equalTo(false));
    }

    @Test
    void webhooks_also_need_the_gateways_service_token() {
        String body = sms("+33600000000", "SM" + UUID.randomUUID(), "Hello");
        given().header("X-Signature", sign(Api.SMS_SECRET, body)).body(body).post("/webhooks/sms")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void an_unknown_channel_or_payload_type_is_refused() {
        String body = "{\"type\":\"message\",\"messageId\":\"x\",\"from\":\"a\",\"text\":\"b\"}";
        webhook("fax", "whatever", body).then().statusCode(404).contentType("application/problem+json");
        String receiptOnPushWithoutStatus = "{\"type\":\"status\",\"messageId\":\"x\"}";
        webhook("push", Api.PUSH_SECRET, receiptOnPushWithoutStatus).then().statusCode(400).body("errors[0].field", equalTo("status"));
        webhook("push", Api.PUSH_SECRET, body).then().statusCode(400);
    }
}
