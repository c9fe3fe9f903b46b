package dev.omnichannel.messaging.recipient;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static dev.omnichannel.messaging.support.Api.webhook;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Api;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.ConsentChanged;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The recipients read model, kept from customer.events only. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class CustomerEventsTest {

    private static final String CONSUMER = "messaging-service:customer-events";

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private Row recipient(String id) {
        return db.query("SELECT * FROM recipient WHERE customer_id = $1", id).getFirst();
    }

    @Test
    void the_newest_snapshot_wins_whatever_the_order_they_arrive_in() {
        TestCustomer jane = new TestCustomer();
        jane.version = 5;
        jane.preferredChannel = "sms";
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 5);

        jane.version = 4;
        jane.preferredChannel = "email";
        db.awaitProcessed(CONSUMER, Events.publishSnapshot(mapper, jane.snapshot()).id());

        assertEquals("sms", recipient(jane.id).getString("preferred_channel"));
        assertEquals(5L, recipient(jane.id).getLong("version"));
    }

    @Test
    void each_newer_snapshot_sets_the_segments_and_addresses_it_lists() {
        TestCustomer jane = new TestCustomer();
        jane.segments = List.of("vip-" + jane.id, "runners-" + jane.id);
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        assertEquals(List.of("runners-" + jane.id, "vip-" + jane.id), segmentsOf(jane.id));

        jane.version = 2;
        jane.segments = List.of("runners-" + jane.id, "newsletter-" + jane.id);
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 2);
        assertEquals(List.of("newsletter-" + jane.id, "runners-" + jane.id), segmentsOf(jane.id));
        assertEquals(List.of(), db.query("SELECT 1 FROM recipient_address WHERE customer_id = $1 AND kind = 'device'", jane.id));

        jane.version = 3;
        jane.withDevice = true;
        jane.segments = List.of();
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 3);
        assertEquals(List.of(), segmentsOf(jane.id));
        assertEquals(jane.deviceToken, db.query("SELECT value FROM recipient_address WHERE customer_id = $1 AND kind = 'device'",
                jane.id).getFirst().getString("value"));
        assertEquals(jane.email, db.query("SELECT value FROM recipient_address WHERE customer_id = $1 AND kind = 'email'",
                jane.id).getFirst().getString("value"));
    }

    private List<String> segmentsOf(String customerId) {
        return db.query("SELECT segment FROM recipient_segment WHERE customer_id = $1 ORDER BY segment", customerId).stream()
                .map(row -> row.getString("segment")).toList();
    }

    @Test
    void a_withdrawn_consent_applies_at_once() {
        TestCustomer jane = new TestCustomer();
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        assertTrue(recipient(jane.id).getBoolean("consent_email"));

        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, jane.id,
                new ConsentChanged(jane.id, "email", false, Instant.now(), "kiosk")).id());

        assertFalse(recipient(jane.id).getBoolean("consent_email"));
    }

    @Test
    void a_merge_moves_the_inbox_and_alerts_to_the_survivor_and_later_events_about_the_duplicate_follow_it() {
        TestCustomer survivor = new TestCustomer();
        TestCustomer duplicate = new TestCustomer();
        duplicate.consents = Events.consents(false, false, false, false);
        duplicate.segments = List.of("merge-" + duplicate.id);
        Events.publishSnapshot(mapper, survivor.snapshot());
        Events.publishSnapshot(mapper, duplicate.snapshot());
        db.awaitRecipient(survivor.id, 1);
        db.awaitRecipient(duplicate.id, 1);
        asGateway().body(Map.of("segment", "merge-" + duplicate.id, "templateKey", "promotion",
                "data", Map.of("promotion", Map.of("name", "Merge sale", "description", "for the duplicate"))))
                .post("/campaigns").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asGateway()
                .get("/customers/" + duplicate.id + "/notifications").then().body("total", equalTo(1)));
        asGateway().body(Map.of("customerId", duplicate.id, "sku", "TENT-2P", "storeId", "paris-louvre"))
                .post("/alerts").then().statusCode(201);

        CloudEvent merged = Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                new CustomerMerged(UUID.randomUUID().toString(), survivor.id, duplicate.id));
        db.awaitProcessed(CONSUMER, merged.id());

        asGateway().get("/customers/" + survivor.id + "/notifications").then()
                .body("total", equalTo(1)).body("items.title", hasItem("Merge sale"));
        assertEquals(survivor.id, db.query("SELECT customer_id FROM alert WHERE sku = 'TENT-2P' AND customer_id IN ($1, $2)",
                survivor.id, duplicate.id).getFirst().getString("customer_id"));
        // an alert asked for under the old id is the survivor's
        asGateway().body(Map.of("customerId", duplicate.id, "sku", "TENT-2P", "storeId", "paris-louvre"))
                .post("/alerts").then().statusCode(201).body("customerId", equalTo(survivor.id));
        // a stale snapshot of the merged-away id does not bring it back
        db.awaitProcessed(CONSUMER, Events.publishSnapshot(mapper, duplicate.snapshot()).id());
        assertEquals(List.of(), db.query("SELECT 1 FROM recipient WHERE customer_id = $1", duplicate.id));
    }

    @Test
    void an_undone_merge_restores_the_customer_even_when_its_snapshot_came_before_the_undo() {
        TestCustomer survivor = new TestCustomer();
        TestCustomer duplicate = new TestCustomer();
        Events.publishSnapshot(mapper, survivor.snapshot());
        Events.publishSnapshot(mapper, duplicate.snapshot());
        db.awaitRecipient(duplicate.id, 1);
        String mergeId = UUID.randomUUID().toString();
        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                new CustomerMerged(mergeId, survivor.id, duplicate.id)).id());
        assertEquals(List.of(), db.query("SELECT 1 FROM recipient WHERE customer_id = $1", duplicate.id));

        // customer-service publishes the restored profile and the undo on different partitions
        duplicate.version = 2;
        duplicate.name = "Restored Doe";
        db.awaitProcessed(CONSUMER, Events.publishSnapshot(mapper, duplicate.snapshot()).id());
        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                new CustomerMergeUndone(mergeId, survivor.id, duplicate.id)).id());

        db.awaitRecipient(duplicate.id, 2);
        assertEquals("Restored Doe", recipient(duplicate.id).getString("display_name"));
    }

    @Test
    void an_erased_customer_loses_their_personal_data_conversations_and_inbox() {
        TestCustomer jane = new TestCustomer();
        jane.consents = Events.consents(false, false, false, false);
        jane.segments = List.of("erase-" + jane.id);
        Events.publishSnapshot(mapper, jane.snapshot());
        db.awaitRecipient(jane.id, 1);
        webhook("email", Api.EMAIL_SECRET, """
                {"type":"message","messageId":"%s","from":"%s","text":"Please forget me"}""".formatted(UUID.randomUUID(), jane.email))
                .then().statusCode(200);
        asGateway().body(Map.of("segment", "erase-" + jane.id, "templateKey", "promotion",
                "data", Map.of("promotion", Map.of("name", "Last sale", "description", "before erasure"))))
                .post("/campaigns").then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asGateway()
                .get("/customers/" + jane.id + "/notifications").then().body("total", equalTo(1)));

        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, jane.id, new CustomerErased(jane.id)).id());

        Row tombstone = recipient(jane.id);
        assertTrue(tombstone.getBoolean("erased"));
        assertEquals(null, tombstone.getString("display_name"));
        assertEquals(List.of(), db.query("SELECT 1 FROM recipient_address WHERE customer_id = $1", jane.id));
        assertEquals(List.of(), db.query("SELECT 1 FROM conversation WHERE customer_id = $1", jane.id));
        assertEquals(List.of(), db.query("SELECT 1 FROM notification WHERE customer_id = $1 AND (title IS NOT NULL OR address IS NOT NULL)", jane.id));
        // and an older snapshot arriving late does not bring anything back
        db.awaitProcessed(CONSUMER, Events.publishSnapshot(mapper, jane.snapshot()).id());
        assertTrue(recipient(jane.id).getBoolean("erased"));
    }
}
