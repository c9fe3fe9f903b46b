package dev.omnichannel.messaging.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Catalog;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.Mime;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.Providers;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reservation event on the real inventory.fulfilment topic, the e-mail on the real SMTP server. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class ReservationNotificationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    @BeforeEach
    void names() {
        Catalog.fixtures(mapper, db);
    }

    @Test
    void a_confirmed_reservation_sends_one_email_rendered_from_the_template_and_a_replay_sends_nothing_more() {
        TestCustomer jane = new TestCustomer();
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        String reservationId = UUID.randomUUID().toString();

        try (TopicProbe statuses = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            CloudEvent confirmed = Events.event(mapper, reservationId,
                    Events.reservation(ReservationEvent.CONFIRMED, reservationId, jane.id, "K7P2QX"));
            Events.publish(mapper, Topics.INVENTORY_FULFILMENT, confirmed);

            Mailbox.Mail mail = Mailbox.await(jane.email, m -> m.subject().contains("confirmed"), WAIT);
            assertEquals("Your reservation at Paris Louvre is confirmed - pickup code K7P2QX", mail.subject());
            String content = Mime.decoded(mail.mimeMessage());
            String link = Mime.trackedLinks(content).getFirst();
            assertTrue(content.contains("""
                    Hello Jane Doe,
                    Your reservation of 2 item(s) at Paris Louvre is confirmed:
                    - 1 x Two-person tent
                    - 1 x Insulated bottle 1 L
                    Pickup code: K7P2QX, until 1 Dec 2026, 19:00.
                    See my pickups: %s""".formatted(link)), content);
            assertTrue(content.contains("<li>1 x Two-person tent</li><li>1 x Insulated bottle 1 L</li>"), content);
            assertTrue(content.contains("<p>Pickup code: <b>K7P2QX</b>, until 1 Dec 2026, 19:00.</p>"), content);
            assertTrue(content.contains("<a href=\"" + link + "\">See my pickups</a>"), content);
            // the link leads to the customer's pickups on the storefront, naming this one
            given().redirects().follow(false).get(URI.create(link).getPath())
                    .then().statusCode(302)
                    .header("Location", "http://localhost:8080/storefront/?tab=reservations&reservation=" + reservationId);

            TopicProbe.Received sent = statuses.await(r -> jane.id.equals(r.key()) && "message.sent".equals(r.type()));
            assertEquals("email", sent.data().path("channel").asText());
            assertEquals("reservation.confirmed", sent.data().path("templateKey").asText());
            assertEquals(confirmed.id(), sent.data().path("trigger").asText());

            // the same event delivered again, then a later step of the same reservation (same key, same partition)
            Events.publish(mapper, Topics.INVENTORY_FULFILMENT, confirmed);
            Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                    Events.reservation(ReservationEvent.READY, reservationId, jane.id, "K7P2QX"));
            Mailbox.await(jane.email, m -> m.subject().contains("ready for pickup"), WAIT);

            assertEquals(1, Mailbox.of(jane.email).stream().filter(m -> m.subject().contains("confirmed")).count());
            assertEquals(1, statuses.all(r -> jane.id.equals(r.key()) && "message.queued".equals(r.type())
                    && confirmed.id().equals(r.data().path("trigger").asText()), Duration.ZERO).size());
        }
    }

    @Test
    void a_customer_gets_the_variant_of_their_language_with_times_in_their_time_zone() {
        TestCustomer amelie = new TestCustomer();
        amelie.language = "fr";
        amelie.timeZone = "America/Montreal";
        amelie.preferredChannel = "sms";
        Events.publishSnapshot(mapper, amelie.snapshot());
        db.awaitRecipient(amelie.id, 1);

        String reservationId = UUID.randomUUID().toString();
        Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                Events.reservation(ReservationEvent.CONFIRMED, reservationId, amelie.id, "MTL123"));

        String text = Providers.await("sms", r -> amelie.phone.equals(r.path("to").asText())).path("text").asText();
        assertTrue(text.startsWith("Réservation confirmée au magasin Paris Louvre. Code de retrait MTL123, "
                + "jusqu'au 1 déc. 2026, 13:00. http://localhost:8083/t/"), text);
    }
}
