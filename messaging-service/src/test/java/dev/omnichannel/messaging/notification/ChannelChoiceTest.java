package dev.omnichannel.messaging.notification;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Catalog;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.Providers;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sending respects the person: consent, the preferred channel, fallback when a channel fails. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class ChannelChoiceTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    @Test
    void a_customer_who_withdrew_email_consent_gets_the_sms_variant_instead() {
        Catalog.fixtures(mapper, db);
        TestCustomer jane = new TestCustomer();
        Events.publishSnapshot(mapper, jane.snapshot());
        jane.version = 2;
        jane.consents = Events.consents(false, true, false, false); // withdrawn on the web, email still preferred
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 2);

        String reservationId = UUID.randomUUID().toString();
        Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                Events.reservation(ReservationEvent.CONFIRMED, reservationId, jane.id, "Q4W8ZT"));

        JsonNode sms = Providers.await("sms", r -> jane.phone.equals(r.path("to").asText()));
        String text = sms.path("text").asText();
        assertTrue(text.startsWith("Reservation confirmed at Paris Louvre. Pickup code Q4W8ZT, until 1 Dec 2026, 19:00. "
                + "http://localhost:8083/t/"), text);
        assertEquals(List.of(), Mailbox.of(jane.email));
    }

    @Test
    void a_failing_channel_is_retried_with_backoff_then_the_next_allowed_channel_is_used() {
        TestCustomer bob = new TestCustomer();
        bob.preferredChannel = "sms";
        Providers.failFor("sms", bob.phone);
        Events.publishSnapshot(mapper, bob.snapshot());
        db.awaitRecipient(bob.id, 1);

        try (TopicProbe statuses = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            String reservationId = UUID.randomUUID().toString();
            Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                    Events.reservation(ReservationEvent.CONFIRMED, reservationId, bob.id, "FALL8K"));

            Mailbox.await(bob.email, m -> m.subject().contains("FALL8K"), Duration.ofSeconds(30));
            assertEquals(3, Providers.requests("sms", r -> bob.phone.equals(r.path("to").asText())).size());
            assertTrue(Providers.requests("sms", r -> bob.phone.equals(r.path("to").asText())).stream()
                    .allMatch(r -> r.path("_status").asInt() == 503));
            statuses.await(r -> bob.id.equals(r.key()) && "message.sent".equals(r.type()));
            List<String> steps = statuses.all(r -> bob.id.equals(r.key()) && r.type().startsWith("message."), Duration.ZERO)
                    .stream()
                    .map(r -> r.type() + ":" + r.data().path("channel").asText(""))
                    .toList();
            assertEquals(List.of("message.queued:", "message.failed:sms", "message.sent:email"), steps);
            // the e-mail is in bob's inbox, once
            statuses.await(r -> bob.id.equals(r.key()) && "messaging.summary-changed".equals(r.type())
                    && r.data().path("inbox").path("total").asLong() == 1);
        }
    }

    @Test
    void a_notification_no_channel_can_deliver_is_dead_lettered() {
        String templateKey = "test.sms-only." + UUID.randomUUID();
        asGateway().body(Map.of("variants", Map.of("sms", Map.of("en", Map.of("text", "Hi {customer.name}")))))
                .put("/templates/" + templateKey).then().statusCode(200);
        TestCustomer ann = new TestCustomer();
        ann.preferredChannel = "sms";
        ann.segments = List.of("test-" + ann.id);
        Providers.failFor("sms", ann.phone);
        Events.publishSnapshot(mapper, ann.snapshot());
        db.awaitRecipient(ann.id, 1);

        asGateway().body(Map.of("segment", "test-" + ann.id, "templateKey", templateKey))
                .post("/campaigns").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> !db.query(
                "SELECT 1 FROM dead_letter WHERE customer_id = $1", ann.id).isEmpty());
        Row row = db.query("SELECT d.reason, n.status FROM dead_letter d JOIN notification n ON n.id = d.notification_id "
                + "WHERE d.customer_id = $1", ann.id).getFirst();
        assertEquals("failed", row.getString("status"));
        assertTrue(row.getString("reason").contains("failed: sms"), row.getString("reason"));
        assertEquals(3, Providers.requests("sms", r -> ann.phone.equals(r.path("to").asText())).size());
    }
}
