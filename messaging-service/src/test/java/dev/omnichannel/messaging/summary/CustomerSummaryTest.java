package dev.omnichannel.messaging.summary;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.PersonalData;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** messaging.summary-changed: the whole summary after every change, with a version that only goes up. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class CustomerSummaryTest {

    private static final String STAFF = "staff:clerk@paris-louvre";

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private TestCustomer knownCustomer() {
        TestCustomer customer = new TestCustomer();
        Events.publishSnapshot(mapper, customer.snapshot());
        db.awaitRecipient(customer.id, 1);
        return customer;
    }

    /** The customer writes on a topic; answers the thread's id. */
    private static String write(TestCustomer customer, String subject, String text) {
        return asGateway().header("X-Actor", "customer:" + customer.id).header("X-Channel", "web")
                .body(Map.of("subject", subject, "text", text))
                .post("/customers/" + customer.id + "/conversations")
                .then().statusCode(201).extract().path("id");
    }

    private static void staffReply(String conversationId, String text) {
        asGateway().header("X-Actor", STAFF).header("X-Channel", "store").body(Map.of("text", text))
                .post("/conversations/" + conversationId + "/messages").then().statusCode(201);
    }

    /** The data of the first summary of this customer that matches, its last messages opened (they travel sealed). */
    private static JsonNode summary(TopicProbe events, TestCustomer customer, Predicate<JsonNode> matching) {
        return PersonalData.opened(events.await(r -> customer.id.equals(r.key()) && MessagingSummaryChanged.TYPE.equals(r.type())
                && matching.test(PersonalData.opened(r))));
    }

    private static List<String> texts(JsonNode summary) {
        return StreamSupport.stream(summary.path("lastMessages").spliterator(), false)
                .map(message -> message.path("text").asText()).toList();
    }

    @Test
    void a_customer_message_publishes_the_summary_with_the_message_and_a_higher_version() {
        TestCustomer jane = knownCustomer();
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            write(jane, "Tent", "Is the tent waterproof?");
            JsonNode first = summary(events, jane, s -> texts(s).contains("Is the tent waterproof?"));
            assertEquals(jane.id, first.path("customerId").asText());
            assertEquals(0, first.path("unread").asLong());
            JsonNode message = first.path("lastMessages").get(0);
            assertEquals("web", message.path("channel").asText());
            assertEquals("customer", message.path("author").asText());

            write(jane, "Tent", "And does it fit two people?");
            JsonNode second = summary(events, jane, s -> texts(s).contains("And does it fit two people?"));

            assertEquals(List.of("And does it fit two people?", "Is the tent waterproof?"), texts(second));
            assertTrue(second.path("version").asLong() > first.path("version").asLong(), second.toString());
        }
    }

    @Test
    void a_staff_reply_is_unread_until_the_customer_reads_the_thread() {
        TestCustomer jane = knownCustomer();
        String thread = write(jane, "Return", "Can I return my tent in Lyon?");
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            staffReply(thread, "Yes, any store accepts returns.");
            JsonNode unread = summary(events, jane, s -> s.path("unread").asLong() == 1);
            assertEquals("Yes, any store accepts returns.", unread.path("lastMessages").get(0).path("text").asText());
            assertEquals("staff", unread.path("lastMessages").get(0).path("author").asText());

            asGateway().header("X-Actor", "customer:" + jane.id).get("/conversations/" + thread).then().statusCode(200);

            // (the summary of the customer's own message, unread 0 too, may come after the probe opened: older)
            long unreadVersion = unread.path("version").asLong();
            JsonNode read = summary(events, jane, s -> s.path("unread").asLong() == 0 && s.path("version").asLong() > unreadVersion);
            assertEquals(texts(unread), texts(read));
        }
    }

    @Test
    void an_in_app_notification_sent_to_the_customer_publishes_its_inbox() {
        TestCustomer ken = new TestCustomer();
        ken.consents = Events.consents(false, false, false, false); // nowhere else to send: the in-app inbox
        ken.segments = List.of("summary-" + UUID.randomUUID());
        Events.publishSnapshot(mapper, ken.snapshot());
        db.awaitRecipient(ken.id, 1);
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            asGateway().body(Map.of("segment", ken.segments.getFirst(), "templateKey", "promotion", "promotionId", "PROMO-SUMMARY",
                            "data", Map.of("promotion", Map.of("name", "Winter sale", "description", "20 % off rain jackets"))))
                    .post("/campaigns").then().statusCode(202).body("recipients", equalTo(1));

            JsonNode summary = summary(events, ken, s -> s.path("inbox").path("total").asLong() == 1);

            assertEquals(1, summary.path("inbox").path("unread").asLong());
            asGateway().get("/customers/" + ken.id + "/notifications").then().body("total", equalTo(1));
        }
    }

    @Test
    void the_summary_endpoint_answers_the_version_of_the_last_summary_published() {
        TestCustomer jane = knownCustomer();
        asGateway().get("/customers/" + jane.id + "/conversation-summary").then().statusCode(200)
                .body("version", equalTo(0))
                .body("unread", equalTo(0))
                .body("lastMessages", empty())
                .body("inbox.total", equalTo(0))
                .body("inbox.unread", equalTo(0));
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            String thread = write(jane, "Delivery", "When will it arrive?");
            staffReply(thread, "Tomorrow before noon.");
            JsonNode last = summary(events, jane, s -> s.path("unread").asLong() == 1);

            JsonPath answer = asGateway().get("/customers/" + jane.id + "/conversation-summary").then().statusCode(200)
                    .body("unread", equalTo(1))
                    .body("lastMessages.text", contains("Tomorrow before noon.", "When will it arrive?"))
                    .body("inbox.total", equalTo(0))
                    .extract().jsonPath();
            assertEquals(last.path("version").asLong(), answer.getLong("version"));
        }
    }

    @Test
    void a_merge_publishes_the_survivors_summary_with_the_duplicates_messages() {
        TestCustomer survivor = knownCustomer();
        TestCustomer duplicate = knownCustomer();
        write(survivor, "Tent", "From the survivor");
        write(duplicate, "Gift card", "From the duplicate");
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                    new CustomerMerged(UUID.randomUUID().toString(), survivor.id, duplicate.id));

            JsonNode merged = summary(events, survivor, s -> texts(s).contains("From the duplicate"));
            assertEquals(List.of("From the duplicate", "From the survivor"), texts(merged));
            // the duplicate's id shows the same now
            JsonNode ofDuplicate = summary(events, duplicate, s -> texts(s).contains("From the survivor"));
            assertEquals(texts(merged), texts(ofDuplicate));
        }
    }
}
