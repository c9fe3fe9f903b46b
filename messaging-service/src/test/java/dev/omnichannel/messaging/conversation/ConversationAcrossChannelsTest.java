package dev.omnichannel.messaging.conversation;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static dev.omnichannel.messaging.support.Api.webhook;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Api;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One conversation per customer, not per inbox: social, e-mail, web and store staff in one thread. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class ConversationAcrossChannelsTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private static String social(String handle, String text, Instant at) {
        return """
                {"type":"message","messageId":"%s","provider":"instagram","from":"@%s","text":"%s","at":"%s"}"""
                .formatted("ig-" + UUID.randomUUID(), handle.substring(handle.indexOf(':') + 1), text, at);
    }

    private static String email(String from, String subject, String text, Instant at) {
        return """
                {"type":"message","messageId":"<%s@mail.example.com>","from":"Jane Doe <%s>","subject":"%s","text":"%s","at":"%s"}"""
                .formatted(UUID.randomUUID(), from, subject, text, at);
    }

    private TestCustomer knownCustomer() {
        TestCustomer jane = new TestCustomer();
        jane.withSocialHandle = true;
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        return jane;
    }

    @Test
    void a_social_message_then_an_email_from_the_same_customer_land_in_one_conversation() {
        TestCustomer jane = knownCustomer();
        Instant first = Instant.parse("2026-11-20T10:00:00Z");
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            String fromSocial = webhook("social", Api.SOCIAL_SECRET, social(jane.socialHandle, "Is the tent waterproof?", first))
                    .then().statusCode(200).body("duplicate", equalTo(false)).extract().path("conversationId");
            String fromEmail = webhook("email", Api.EMAIL_SECRET, email(jane.email.toUpperCase(), "Tent question",
                    "Following up by email: is it?", first.plusSeconds(600)))
                    .then().statusCode(200).extract().path("conversationId");

            assertEquals(fromSocial, fromEmail);
            asGateway().header("X-Actor", "staff:clerk@paris-louvre").get("/conversations/" + fromSocial)
                    .then().statusCode(200)
                    .body("customerId", equalTo(jane.id))
                    .body("messages.channel", contains("social", "email"))
                    .body("messages.author", contains("customer", "customer"))
                    .body("messages.text", contains("Is the tent waterproof?", "Following up by email: is it?"));
            asGateway().get("/customers/" + jane.id + "/conversations").then().statusCode(200).body("total", equalTo(1));

            TopicProbe.Received added = events.await(r -> jane.id.equals(r.key()) && "conversation.message-added".equals(r.type())
                    && "email".equals(r.data().path("channel").asText()));
            assertEquals(fromSocial, added.data().path("conversationId").asText());
        }
    }

    @Test
    void an_unknown_sender_gets_a_provisional_thread_that_joins_the_customer_once_revealed() {
        TestCustomer jane = new TestCustomer();
        jane.withSocialHandle = true;
        Instant first = Instant.parse("2026-11-20T10:00:00Z");

        String provisional = webhook("social", Api.SOCIAL_SECRET, social(jane.socialHandle, "Hello, who can help me?", first))
                .then().statusCode(200).extract().path("conversationId");
        asGateway().get("/conversations/" + provisional).then().statusCode(404);

        Events.publishSnapshot(mapper, jane.snapshot()); // customer-service learns the handle
        db.awaitRecipient(jane.id, 1);
        String fromEmail = webhook("email", Api.EMAIL_SECRET, email(jane.email, "About my order", "It's me again, by email",
                first.plusSeconds(60))).then().statusCode(200).extract().path("conversationId");

        assertEquals(provisional, fromEmail);
        asGateway().get("/conversations/" + provisional).then().statusCode(200)
                .body("customerId", equalTo(jane.id))
                .body("messages.channel", contains("social", "email"));
    }

    @Test
    void replies_from_the_web_and_from_store_staff_join_the_thread_and_count_as_unread_for_the_customer() {
        TestCustomer jane = knownCustomer();
        String customer = "customer:" + jane.id;

        String id = asGateway().header("X-Actor", customer).header("X-Channel", "web")
                .body(java.util.Map.of("subject", "Return of my tent", "text", "Can I return it in Lyon?"))
                .post("/customers/" + jane.id + "/conversations")
                .then().statusCode(201).body("messages.author", contains("customer")).extract().path("id");
        asGateway().header("X-Actor", "staff:clerk@paris-louvre").header("X-Channel", "store")
                .body(java.util.Map.of("text", "Yes, any store accepts returns."))
                .post("/conversations/" + id + "/messages")
                .then().statusCode(201)
                .body("messages.channel", contains("web", "store"))
                .body("messages.author", contains("customer", "staff"));
        // the same topic from the app continues the thread
        asGateway().header("X-Actor", customer).header("X-Channel", "mobile")
                .body(java.util.Map.of("subject", "Re: return of my TENT", "text", "Great, thanks"))
                .post("/customers/" + jane.id + "/conversations")
                .then().statusCode(201).body("id", equalTo(id));
        asGateway().header("X-Actor", "staff:clerk@paris-louvre").header("X-Channel", "store")
                .body(java.util.Map.of("text", "You're welcome!"))
                .post("/conversations/" + id + "/messages").then().statusCode(201);

        asGateway().get("/customers/" + jane.id + "/conversation-summary").then().statusCode(200)
                .body("unread", equalTo(1))
                .body("lastMessages[0].text", equalTo("You're welcome!"));
        asGateway().header("X-Actor", customer).get("/conversations/" + id).then().statusCode(200)
                .body("messages.channel", contains("web", "store", "mobile", "store"));
        asGateway().get("/customers/" + jane.id + "/conversation-summary").then().body("unread", equalTo(0));

        asGateway().header("X-Actor", "customer:" + UUID.randomUUID()).get("/conversations/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_retried_reply_with_the_same_idempotency_key_is_added_once() {
        TestCustomer jane = knownCustomer();
        String id = asGateway().header("X-Actor", "customer:" + jane.id)
                .body(java.util.Map.of("subject", "Delivery", "text", "When will it arrive?"))
                .post("/customers/" + jane.id + "/conversations").then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            asGateway().header("X-Actor", "staff:clerk@paris-louvre").header("X-Channel", "call-center")
                    .header("Idempotency-Key", key)
                    .body(java.util.Map.of("text", "Tomorrow before noon."))
                    .post("/conversations/" + id + "/messages").then().statusCode(201)
                    .body("messages.text", contains("When will it arrive?", "Tomorrow before noon."));
        }
        asGateway().get("/conversations/" + id).then().body("messages.channel", contains("web", "call-center"));
    }

    @Test
    void a_reply_without_an_actor_is_refused() {
        TestCustomer jane = knownCustomer();
        asGateway().body(java.util.Map.of("text", "Hi")).post("/customers/" + jane.id + "/conversations")
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().header("X-Actor", "customer:" + jane.id).body(java.util.Map.of("text", ""))
                .post("/customers/" + jane.id + "/conversations")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void merging_two_customers_merges_their_threads_by_topic_in_time_order() {
        TestCustomer survivor = knownCustomer();
        TestCustomer duplicate = knownCustomer();
        Instant t = Instant.parse("2026-11-21T09:00:00Z");
        webhook("social", Api.SOCIAL_SECRET, social(survivor.socialHandle, "first, from the survivor", t)).then().statusCode(200);
        webhook("social", Api.SOCIAL_SECRET, social(duplicate.socialHandle, "second, from the duplicate", t.plusSeconds(60)))
                .then().statusCode(200);
        webhook("social", Api.SOCIAL_SECRET, social(survivor.socialHandle, "third, from the survivor", t.plusSeconds(120)))
                .then().statusCode(200);
        asGateway().header("X-Actor", "customer:" + duplicate.id)
                .body(java.util.Map.of("subject", "Gift card", "text", "Another topic")).post("/customers/" + duplicate.id + "/conversations")
                .then().statusCode(201);

        var merged = Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                new CustomerMerged(UUID.randomUUID().toString(), survivor.id, duplicate.id));
        db.awaitProcessed("messaging-service:customer-events", merged.id());

        asGateway().get("/customers/" + survivor.id + "/conversations").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.topic", org.hamcrest.Matchers.containsInAnyOrder("general", "gift card"));
        String general = asGateway().get("/customers/" + survivor.id + "/conversations").then().extract()
                .jsonPath().getString("items.find { it.topic == 'general' }.id");
        asGateway().get("/conversations/" + general).then()
                .body("messages.text", contains("first, from the survivor", "second, from the duplicate", "third, from the survivor"));
        // the duplicate's id now answers the survivor's threads
        asGateway().get("/customers/" + duplicate.id + "/conversations").then().body("total", equalTo(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.query(
                "SELECT 1 FROM conversation WHERE customer_id = $1", duplicate.id).isEmpty());
        assertEquals(List.of(), db.query("SELECT 1 FROM recipient WHERE customer_id = $1", duplicate.id));
    }
}
