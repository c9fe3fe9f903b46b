package dev.omnichannel.messaging.notification;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Catalog;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One inbox on every channel: what was sent by e-mail, SMS or in the app, listed together, read or not. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class InboxTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    /** Jane gets a reservation message by e-mail, then (preferring SMS now) another by SMS. */
    private TestCustomer janeWithAnEmailThenAnSms(TopicProbe events) {
        Catalog.fixtures(mapper, db);
        TestCustomer jane = new TestCustomer();
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        String first = UUID.randomUUID().toString();
        Events.publish(mapper, Topics.INVENTORY_FULFILMENT, first, Events.reservation(ReservationEvent.CONFIRMED, first, jane.id, "MAIL01"));
        events.await(r -> jane.id.equals(r.key()) && "message.sent".equals(r.type()) && "email".equals(r.data().path("channel").asText()));

        jane.version = 2;
        jane.preferredChannel = "sms";
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 2);
        String second = UUID.randomUUID().toString();
        Events.publish(mapper, Topics.INVENTORY_FULFILMENT, second, Events.reservation(ReservationEvent.CONFIRMED, second, jane.id, "SMS002"));
        events.await(r -> jane.id.equals(r.key()) && "message.sent".equals(r.type()) && "sms".equals(r.data().path("channel").asText()));
        return jane;
    }

    private static JsonNode summary(TopicProbe events, TestCustomer customer, long total, long unread) {
        return events.await(r -> customer.id.equals(r.key()) && MessagingSummaryChanged.TYPE.equals(r.type())
                && r.data().path("inbox").path("total").asLong() == total
                && r.data().path("inbox").path("unread").asLong() == unread).data();
    }

    @Test
    void every_message_sent_on_any_channel_is_listed_newest_first_as_it_was_written_for_its_channel() {
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            TestCustomer jane = janeWithAnEmailThenAnSms(events);

            asGateway().get("/customers/" + jane.id + "/notifications").then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.channel", contains("sms", "email"))
                    .body("items.templateKey", contains("reservation.confirmed", "reservation.confirmed"))
                    .body("items.read", contains(false, false))
                    .body("items[0].status", equalTo("sent"))
                    .body("items[0].title", nullValue())
                    .body("items[0].body", startsWith("Reservation confirmed at Paris Louvre. Pickup code SMS002"))
                    .body("items[1].title", equalTo("Your reservation at Paris Louvre is confirmed - pickup code MAIL01"))
                    .body("items[1].body", startsWith("Hello Jane Doe,\nYour reservation of 2 item(s) at Paris Louvre"));
            // paged: the newest on the first page of one, the e-mail on the second
            asGateway().get("/customers/" + jane.id + "/notifications?page=1&size=1").then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].channel", equalTo("email"))
                    .body("page", equalTo(1))
                    .body("size", equalTo(1))
                    .body("total", equalTo(2));
            asGateway().get("/customers/" + jane.id + "/notifications?size=1000").then().statusCode(200)
                    .body("size", equalTo(100));
            // the personalized view's inbox counts every channel
            summary(events, jane, 2, 2);
        }
    }

    @Test
    void reading_a_message_marks_it_read_once_and_the_summary_follows_and_another_customers_message_is_not_found() {
        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            TestCustomer jane = janeWithAnEmailThenAnSms(events);
            TestCustomer bob = new TestCustomer();
            Events.publishSnapshot(mapper, bob.snapshot());
            db.awaitRecipient(bob.id, 1);
            String sms = asGateway().get("/customers/" + jane.id + "/notifications").then().extract().path("items[0].id");
            long before = summary(events, jane, 2, 2).path("version").asLong();

            // bob cannot read jane's message; a made-up id is not found either
            asGateway().post("/customers/" + bob.id + "/notifications/" + sms + "/read")
                    .then().statusCode(404).contentType("application/problem+json");
            asGateway().post("/customers/" + jane.id + "/notifications/not-a-message/read").then().statusCode(404);
            asGateway().post("/customers/" + jane.id + "/notifications/" + UUID.randomUUID() + "/read").then().statusCode(404);

            asGateway().post("/customers/" + jane.id + "/notifications/" + sms + "/read").then().statusCode(200)
                    .body("id", equalTo(sms))
                    .body("channel", equalTo("sms"))
                    .body("read", equalTo(true));
            JsonNode read = summary(events, jane, 2, 1);
            assertTrue(read.path("version").asLong() > before, read.toString());
            asGateway().get("/customers/" + jane.id + "/notifications").then()
                    .body("items.read", contains(true, false));

            // reading it again changes nothing and publishes nothing
            asGateway().post("/customers/" + jane.id + "/notifications/" + sms + "/read").then().statusCode(200)
                    .body("read", equalTo(true));
            asGateway().get("/customers/" + jane.id + "/conversation-summary").then()
                    .body("version", equalTo((int) read.path("version").asLong()))
                    .body("inbox.unread", equalTo(1));
            assertEquals(0, events.all(r -> jane.id.equals(r.key()) && MessagingSummaryChanged.TYPE.equals(r.type())
                    && r.data().path("version").asLong() > read.path("version").asLong(), Duration.ofSeconds(1)).size());
        }
    }
}
