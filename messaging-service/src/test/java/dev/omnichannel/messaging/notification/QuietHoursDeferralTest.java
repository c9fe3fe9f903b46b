package dev.omnichannel.messaging.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.MovableClock;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Quiet hours in the customer's time zone defer messages; critical ones go out anyway. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class QuietHoursDeferralTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    @Inject
    MovableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** A customer in Tokyo whose quiet hours are now there: from an hour ago to an hour from now. */
    private TestCustomer sleepingCustomer() {
        TestCustomer ken = new TestCustomer();
        ken.timeZone = TOKYO.getId();
        ZonedDateTime now = ZonedDateTime.now(TOKYO).truncatedTo(ChronoUnit.MINUTES);
        ken.quietHours = new CustomerSnapshot.QuietHours(now.minusHours(1).toLocalTime().toString(),
                now.plusHours(1).toLocalTime().toString());
        Events.publishSnapshot(mapper, ken.snapshot());
        db.awaitRecipient(ken.id, 1);
        return ken;
    }

    @Test
    void a_message_in_quiet_hours_is_deferred_until_they_end_then_sent() {
        TestCustomer ken = sleepingCustomer();
        Instant quietEnd = ZonedDateTime.now(TOKYO).truncatedTo(ChronoUnit.MINUTES).plusHours(1).toInstant();

        try (TopicProbe statuses = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            String reservationId = UUID.randomUUID().toString();
            Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                    Events.reservation(ReservationEvent.CONFIRMED, reservationId, ken.id, "NIGHT1"));
            statuses.await(r -> ken.id.equals(r.key()) && "message.queued".equals(r.type()));

            Row deferred = db.query("SELECT status, not_before FROM notification WHERE customer_id = $1", ken.id).getFirst();
            assertEquals("queued", deferred.getString("status"));
            assertEquals(quietEnd, deferred.getOffsetDateTime("not_before").toInstant());
            assertEquals(List.of(), Mailbox.of(ken.email));

            clock.advance(Duration.ofHours(2));

            Mailbox.await(ken.email, m -> m.subject().contains("NIGHT1"), Duration.ofSeconds(30));
            // the SMTP server has the mail a moment before the notification is marked sent
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("sent",
                    db.query("SELECT status FROM notification WHERE customer_id = $1", ken.id).getFirst().getString("status")));
        }
    }

    @Test
    void a_critical_message_goes_out_during_quiet_hours_and_the_others_wait() {
        TestCustomer ken = sleepingCustomer();
        String reservationId = UUID.randomUUID().toString();
        Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                Events.reservation(ReservationEvent.CONFIRMED, reservationId, ken.id, "WAIT22"));
        Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                Events.reservation(ReservationEvent.READY, reservationId, ken.id, "WAIT22"));

        Mailbox.await(ken.email, m -> m.subject().contains("ready for pickup"), Duration.ofSeconds(30));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Row> notifications = db.query("SELECT template_key, status FROM notification WHERE customer_id = $1 "
                    + "ORDER BY template_key", ken.id);
            assertEquals("reservation.confirmed:queued,reservation.ready:sent", String.join(",", notifications.stream()
                    .map(row -> row.getString("template_key") + ":" + row.getString("status")).toList()));
        });
        assertEquals(1, Mailbox.of(ken.email).size());
    }
}
