package dev.omnichannel.inventory.reservation;

import static dev.omnichannel.inventory.reservation.ReservationsTest.line;
import static dev.omnichannel.inventory.reservation.ReservationsTest.reserve;
import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.reservation.service.ReservationExpiry;
import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Expired holds give their stock back exactly once, and are announced once, with any number of runners. */
@QuarkusTest
class ReservationExpiryTest {

    @Inject
    ReservationExpiry expiry;

    @Test
    void an_expired_reservation_releases_its_stock_exactly_once_even_with_two_expiry_runners() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        String other = Fixtures.product();
        Fixtures.receive(store, sku, 4);
        Fixtures.receive(store, other, 4);
        String id = reserve(store, List.of(line(sku, 3), line(other, 1))).then().statusCode(201).extract().path("id");
        Ledger.execute("UPDATE reservation SET expires_at = now() - interval '1 second' WHERE id = ?", UUID.fromString(id));

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            twoRunnersAtOnce(() -> expiry.expireDue());

            asGateway().get("/reservations/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
            assertEquals(2, Ledger.movements(id, "release"), "one release per line, once");
            assertEquals(4, Ledger.check(sku, store).available());
            assertEquals(0, Ledger.check(sku, store).reserved());
            assertEquals(4, Ledger.check(other, store).available());
            assertTrue(Ledger.check(sku, store).agrees());

            TopicProbe.Received expired = fulfilment.await(r -> id.equals(r.key()) && r.type().equals("reservation.expired"));
            assertEquals(1, fulfilment.all(r -> id.equals(r.key()) && r.type().equals("reservation.expired"),
                    Duration.ofSeconds(1)).size());
            assertEquals(2, expired.data().path("version").asLong(), "confirmed was 1");
        }
        // the hold is over: it can be neither collected nor extended
        asGateway().body(Map.of("minutes", 10)).post("/reservations/" + id + "/extend").then().statusCode(409);
    }

    @Test
    void a_reservation_about_to_expire_is_announced_once_even_with_two_runners() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 2);
        String id = reserve(store, List.of(line(sku, 1))).then().statusCode(201).extract().path("id");
        // click and collect warns 12 hours before expiry
        Ledger.execute("UPDATE reservation SET expires_at = now() + interval '1 hour' WHERE id = ?", UUID.fromString(id));

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            twoRunnersAtOnce(() -> expiry.warnExpiring());
            twoRunnersAtOnce(() -> expiry.warnExpiring());

            TopicProbe.Received expiring = fulfilment.await(r -> id.equals(r.key()) && r.type().equals("reservation.expiring"));
            assertEquals(1, fulfilment.all(r -> id.equals(r.key()) && r.type().equals("reservation.expiring"),
                    Duration.ofSeconds(1)).size());
            // the warning is a change of the reservation (it is warned once): one version up
            assertEquals(2, expiring.data().path("version").asLong());
            asGateway().get("/reservations/" + id).then().statusCode(200).body("version", equalTo(2));
        }
        assertEquals(1, Ledger.check(sku, store).reserved(), "a warning releases nothing");
    }

    @Test
    void an_extension_out_of_the_notice_period_is_warned_again_before_its_new_expiry() throws Throwable {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 2);
        String id = reserve(store, List.of(line(sku, 1))).then().statusCode(201).extract().path("id");
        Ledger.execute("UPDATE reservation SET expires_at = now() + interval '1 hour', "
                + "max_expires_at = now() + interval '7 days' WHERE id = ?", UUID.fromString(id));

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            VertxContextSupport.subscribeAndAwait(() -> expiry.warnExpiring());
            fulfilment.await(r -> id.equals(r.key()) && r.type().equals("reservation.expiring"));

            // ten more minutes: still inside the 12-hour notice, the customer was already told
            asGateway().body(Map.of("minutes", 10)).post("/reservations/" + id + "/extend").then().statusCode(200);
            VertxContextSupport.subscribeAndAwait(() -> expiry.warnExpiring());
            // a day more: out of the notice, so the new expiry will be announced when it comes near
            asGateway().body(Map.of("minutes", 24 * 60)).post("/reservations/" + id + "/extend").then().statusCode(200);
            VertxContextSupport.subscribeAndAwait(() -> expiry.warnExpiring());
            assertEquals(1, fulfilment.all(r -> id.equals(r.key()) && r.type().equals("reservation.expiring"),
                    Duration.ofSeconds(1)).size());

            Ledger.execute("UPDATE reservation SET expires_at = now() + interval '2 hours' WHERE id = ?", UUID.fromString(id));
            VertxContextSupport.subscribeAndAwait(() -> expiry.warnExpiring());
            assertEquals(2, fulfilment.all(r -> id.equals(r.key()) && r.type().equals("reservation.expiring"),
                    Duration.ofSeconds(1)).size());
        }
    }

    private static void twoRunnersAtOnce(Supplier<Uni<Integer>> job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Supplier<CompletableFuture<Integer>> runner = () -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return VertxContextSupport.subscribeAndAwait(job);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
        CompletableFuture<Integer> first = runner.get();
        CompletableFuture<Integer> second = runner.get();
        start.countDown();
        first.get();
        second.get();
    }
}
