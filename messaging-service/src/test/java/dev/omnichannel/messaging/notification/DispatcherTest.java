package dev.omnichannel.messaging.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.notification.service.Dispatcher;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.MovableClock;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.Providers;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher is safe with several replicas: nothing due is lost, nothing is sent twice. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class DispatcherTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    @Inject
    MovableClock clock;

    @Inject
    Dispatcher dispatcher;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** Customers by SMS whose reservation messages wait for the end of their quiet hours, all due at once. */
    private List<TestCustomer> waitingCustomers(int count) {
        ZoneId zone = ZoneId.of("Europe/Paris");
        ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        List<TestCustomer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestCustomer customer = new TestCustomer();
            customer.preferredChannel = "sms";
            customer.quietHours = new CustomerSnapshot.QuietHours(now.minusHours(1).toLocalTime().toString(),
                    now.plusHours(1).toLocalTime().toString());
            Events.publishSnapshot(mapper, customer.snapshot());
            customers.add(customer);
        }
        for (TestCustomer customer : customers) {
            db.awaitRecipient(customer.id, 1);
            String reservationId = UUID.randomUUID().toString();
            Events.publish(mapper, Topics.INVENTORY_FULFILMENT, reservationId,
                    Events.reservation(ReservationEvent.CONFIRMED, reservationId, customer.id, "RACE01"));
        }
        for (TestCustomer customer : customers) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !db.query(
                    "SELECT 1 FROM notification WHERE customer_id = $1 AND status = 'queued'", customer.id).isEmpty());
        }
        return customers;
    }

    private static long smsTo(TestCustomer customer) {
        return Providers.requests("sms", r -> customer.phone.equals(r.path("to").asText())).size();
    }

    @Test
    void concurrent_dispatchers_send_each_due_notification_exactly_once() throws Exception {
        List<TestCustomer> customers = waitingCustomers(12);

        clock.advance(Duration.ofHours(2)); // all due now: four extra "replicas" race the scheduled one
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> {
                    try {
                        return VertxContextSupport.subscribeAndAwait(dispatcher::dispatchDue);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            replicas.invokeAll(runs).forEach(run -> {
                try {
                    run.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            replicas.shutdownNow();
        }

        for (TestCustomer customer : customers) {
            await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(customer) >= 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.query(
                "SELECT 1 FROM notification WHERE customer_id = ANY($1) AND status = 'sent'",
                (Object) customers.stream().map(c -> c.id).toArray(String[]::new)).size() == customers.size());
        for (TestCustomer customer : customers) {
            assertEquals(1, smsTo(customer), "SMS to " + customer.phone);
        }
    }

    @Test
    void a_notification_left_sending_by_a_stopped_replica_is_sent_once_its_lease_ends() {
        TestCustomer customer = waitingCustomers(1).getFirst();
        // a replica claimed it, then stopped before sending: it stays "sending" until its lease ends
        db.query("UPDATE notification SET status = 'sending', not_before = now(), lease_until = now() + interval '1 minute' "
                + "WHERE customer_id = $1", customer.id);
        customer.quietHours = null;
        customer.version = 2;
        Events.publishSnapshot(mapper, customer.snapshot());
        db.awaitRecipient(customer.id, 2);
        assertEquals("sending", db.query("SELECT status FROM notification WHERE customer_id = $1", customer.id)
                .getFirst().getString("status"));
        assertEquals(0, smsTo(customer));

        clock.advance(Duration.ofMinutes(3));

        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(customer) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(db.query(
                "SELECT status FROM notification WHERE customer_id = $1", customer.id).getFirst().getString("status")));
    }
}
