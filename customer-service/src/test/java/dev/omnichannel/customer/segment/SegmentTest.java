package dev.omnichannel.customer.segment;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.customer.segment.service.DailySegmentRecompute;
import dev.omnichannel.customer.support.Database;
import dev.omnichannel.customer.support.Events;
import dev.omnichannel.customer.support.Service;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.interaction.InteractionRecorded;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rule-based segments, recomputed as events arrive and once a day for what time changes. */
@QuarkusTest
class SegmentTest {

    @Inject
    Pool pool;

    @Inject
    DailySegmentRecompute daily;

    private static List<String> segments(String id) {
        return asGateway().get("/customers/{id}", id).then().statusCode(200).extract().path("segments");
    }

    private static void collected(String customerId, String storeId, String total) {
        String reservation = UUID.randomUUID().toString();
        Events.send(Topics.INVENTORY_FULFILMENT, reservation, new ReservationEvent(ReservationEvent.COLLECTED, reservation,
                customerId, storeId, "COLLECTED", List.of(new ReservationEvent.Line("TENT-2P", 1, new BigDecimal(total))),
                new BigDecimal(total), "EUR", "000000", null, "store", "click-and-collect", null, Instant.now(), 3));
    }

    @Test
    void a_new_customer_is_new_and_the_snapshot_says_so() {
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            String id = Service.newCustomer("Newcomer");
            assertEquals(List.of("new"), segments(id));
            TopicProbe.Received snapshot = topic.await(r -> id.equals(r.key()) && r.type().equals("customer.profile-changed"));
            assertEquals("new", snapshot.data().path("segments").get(0).asText());
        }
    }

    @Test
    void store_visits_make_a_regular_of_that_store_then_a_vip() {
        String id = Service.newCustomer("Visitor");
        for (int i = 0; i < 3; i++) {
            asGateway("kiosk").body(Map.of("storeId", "paris-bastille")).post("/customers/{id}/visits", id).then().statusCode(201);
        }
        assertEquals(List.of("new", "regular:paris-bastille"), segments(id));

        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            for (int i = 0; i < 7; i++) {
                asGateway("store").body(Map.of("storeId", "paris-louvre")).post("/customers/{id}/visits", id).then().statusCode(201);
            }
            assertEquals(List.of("new", "regular:paris-bastille", "regular:paris-louvre", "vip"), segments(id));
            topic.await(r -> id.equals(r.key()) && r.data().path("segments").toString().contains("vip"));
        }
        asGateway().get("/customers/{id}/visits/latest?storeId=paris-louvre", id).then().statusCode(200)
                .body("storeId", equalTo("paris-louvre")).body("channel", equalTo("store"));
        asGateway().get("/customers/{id}/visits/latest?storeId=lyon-part-dieu", id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void collected_reservations_and_orders_worth_500_eur_make_a_vip_and_a_cancelled_order_undoes_it() {
        String id = Service.newCustomer("Spender");
        collected(id, "lyon-part-dieu", "249.00");
        collected(id, "lyon-part-dieu", "150.00");
        collected(id, "lyon-part-dieu", "50.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> segments(id).contains("regular:lyon-part-dieu"));
        assertTrue(!segments(id).contains("vip"), "449 EUR is not enough");

        String order = UUID.randomUUID().toString();
        Events.send(Topics.INVENTORY_FULFILMENT, order, new OrderEvent(OrderEvent.CREATED, order, id, "CREATED", null,
                List.of(new OrderEvent.Allocation("wh-orleans", "SLEEPBAG-5C", 1)), new BigDecimal("119.00"), "EUR", "web", Instant.now(), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> segments(id).contains("vip"));

        Events.send(Topics.INVENTORY_FULFILMENT, order, new OrderEvent(OrderEvent.CANCELLED, order, id, "CANCELLED", null,
                List.of(), new BigDecimal("119.00"), "EUR", "web", Instant.now(), 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> !segments(id).contains("vip"));
    }

    @Test
    void the_daily_run_ends_new_and_starts_lapsed_and_activity_ends_lapsed() throws Throwable {
        String id = Service.newCustomer("Sleeper");
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(200);
        Database.execute(pool, "UPDATE customer SET created_at = $1, last_activity_at = $1, segments_checked_at = $1 WHERE id = $2",
                longAgo, UUID.fromString(id));
        assertEquals(List.of("new"), segments(id), "nothing changes before the daily run");

        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            int checked = VertxContextSupport.subscribeAndAwait(() -> daily.recomputeNotCheckedSince(Instant.now()));
            assertTrue(checked >= 1);
            assertEquals(List.of("lapsed"), segments(id));
            topic.await(r -> id.equals(r.key()) && r.data().path("segments").toString().equals("[\"lapsed\"]"));
        }
        // a second run the same day has nothing left to do for this customer
        VertxContextSupport.subscribeAndAwait(() -> daily.recomputeNotCheckedSince(Instant.now().minusSeconds(1)));

        Events.send(Topics.INTERACTIONS, id, new InteractionRecorded(id, "web", "login", null, null, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> segments(id).isEmpty());
    }

    @Test
    void a_merged_duplicate_brings_its_spending_so_the_survivor_becomes_vip() {
        String survivor = Service.newCustomer("Survivor");
        String duplicate = Service.newCustomer("Big spender");
        collected(duplicate, "paris-louvre", "600.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> segments(duplicate).contains("vip"));
        assertTrue(!segments(survivor).contains("vip"));

        asGateway().body(Map.of("duplicateId", duplicate)).post("/customers/{id}/merge", survivor).then().statusCode(200);
        assertTrue(segments(survivor).contains("vip"));
        assertEquals(0, Database.count(pool, "SELECT count(*) FROM customer_segment WHERE customer_id = $1",
                UUID.fromString(duplicate)));
    }
}
