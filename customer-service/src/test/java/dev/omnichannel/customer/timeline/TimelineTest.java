package dev.omnichannel.customer.timeline;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.customer.support.Events;
import dev.omnichannel.customer.support.Service;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.interaction.InteractionRecorded;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.inventory.ReturnAccepted;
import dev.omnichannel.shared.events.messaging.ConversationMessageAdded;
import dev.omnichannel.shared.events.messaging.MessageStatusChanged;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The timeline fed by the other services' events on the real broker. */
@QuarkusTest
class TimelineTest {

    private static int timelineSize(String customerId) {
        return asGateway().get("/customers/{id}/timeline?size=100", customerId).then().statusCode(200)
                .extract().<Integer>path("total");
    }

    private static List<String> kinds(String customerId) {
        return asGateway().get("/customers/{id}/timeline?size=100", customerId).then().extract().path("items.kind");
    }

    @Test
    void an_interaction_published_on_the_interactions_topic_appears_in_the_timeline() {
        String id = Service.newCustomer("Browsing");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Events.send(Topics.INTERACTIONS, id, new InteractionRecorded(id, "mobile", "product-view", "TENT-2P", null, null, at));

        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(id) == 1);
        asGateway().get("/customers/{id}/timeline", id).then()
                .body("items[0].channel", equalTo("mobile"))
                .body("items[0].kind", equalTo("product-view"))
                .body("items[0].summary", equalTo("Viewed TENT-2P"))
                .body("items[0].ref", equalTo("TENT-2P"))
                .body("items[0].at", equalTo(at.toString()));
    }

    @Test
    void a_redelivered_event_appears_once() {
        String id = Service.newCustomer("Redelivered");
        CloudEvent event = Events.event("urn:omnichannel:gateway", id,
                new InteractionRecorded(id, "web", "login", null, null, null, Instant.now()));
        Events.send(Topics.INTERACTIONS, id, event);
        Events.send(Topics.INTERACTIONS, id, event);
        Events.send(Topics.INTERACTIONS, id, new InteractionRecorded(id, "web", "qr-scan", "CAP-SUN", "paris-louvre", null,
                Instant.now().plusSeconds(1)));

        // same partition (same key): once the later event is there, both copies were consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(id).contains("qr-scan"));
        assertEquals(List.of("qr-scan", "login"), kinds(id));
    }

    @Test
    void reservations_orders_returns_and_messages_of_the_customer_join_one_timeline_newest_first() {
        String id = Service.newCustomer("Omnichannel");
        Instant t0 = Instant.now().minus(Duration.ofHours(5));
        String reservation = UUID.randomUUID().toString();
        List<ReservationEvent.Line> lines = List.of(new ReservationEvent.Line("BOTTLE-1L", 2, new BigDecimal("24.90")));
        Events.send(Topics.INVENTORY_FULFILMENT, reservation, Events.event("urn:omnichannel:inventory-service", reservation,
                new ReservationEvent(ReservationEvent.CONFIRMED, reservation, id, "paris-louvre", "CONFIRMED", lines,
                        new BigDecimal("49.80"), "EUR", "123456", t0.plus(Duration.ofDays(3)), "web", "click-and-collect", null, t0, 1)));
        String order = UUID.randomUUID().toString();
        Events.send(Topics.INVENTORY_FULFILMENT, order, new OrderEvent(OrderEvent.CREATED, order, id, "CREATED",
                null, List.of(new OrderEvent.Allocation("wh-orleans", "TENT-2P", 1)), new BigDecimal("249.00"), "EUR", "kiosk", Instant.now(), 1));
        Events.send(Topics.INVENTORY_FULFILMENT, "ret-1", new ReturnAccepted(UUID.randomUUID().toString(), "lyon-part-dieu",
                "BOTTLE-1L", 1, "resaleable", reservation, id, "store"));
        Events.send(Topics.MESSAGING_EVENTS, id, new MessageStatusChanged(UUID.randomUUID().toString(), id,
                "reservation-ready", "sms", "sent", reservation, Instant.now()));
        Events.send(Topics.MESSAGING_EVENTS, id, new ConversationMessageAdded(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), id, "whatsapp", "customer", Instant.now().plusSeconds(5)));
        // not for the timeline: other statuses, and events about nobody we know
        Events.send(Topics.MESSAGING_EVENTS, id, new MessageStatusChanged(UUID.randomUUID().toString(), id,
                "reservation-ready", "sms", "delivered", reservation, Instant.now()));
        Events.send(Topics.INTERACTIONS, "x", new InteractionRecorded(UUID.randomUUID().toString(), "web", "login", null,
                null, null, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSize(id) == 5);
        assertEquals(List.of("conversation.message-added", "message.sent", "return.accepted", "order.created",
                "reservation.confirmed"), kinds(id));
        asGateway().get("/customers/{id}/timeline?page=1&size=2", id).then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(5))
                .body("items.size()", equalTo(2));
        asGateway().get("/customers/{id}/timeline?size=100", id).then()
                .body("items.find { it.kind == 'reservation.confirmed' }.summary",
                        equalTo("Reservation confirmed at paris-louvre: 2 items, 49.80 EUR"))
                .body("items.find { it.kind == 'reservation.confirmed' }.ref", equalTo(reservation))
                .body("items.find { it.kind == 'order.created' }.channel", equalTo("kiosk"));
    }

    @Test
    void timeline_paging_is_validated() {
        String id = Service.newCustomer("Paging");
        asGateway().get("/customers/{id}/timeline?size=1000", id).then().statusCode(400).contentType("application/problem+json");
        asGateway().get("/customers/{id}/timeline?page=-1", id).then().statusCode(400);
        asGateway().get("/customers/{id}/timeline", UUID.randomUUID()).then().statusCode(404);
    }
}
