package dev.omnichannel.messaging.recipient;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static dev.omnichannel.messaging.support.Api.webhook;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.personal.CustomerKeysStub;
import dev.omnichannel.messaging.support.Api;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.Mime;
import dev.omnichannel.messaging.support.PersonalData;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * customer-service's snapshots carry their personal fields sealed with its key of the customer:
 * messaging asks for the key ({@link CustomerKeysStub} answers for customer-service) and applies the
 * opened snapshot; an erasure destroys messaging's own key and leaves nothing personal behind.
 */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class SealedSnapshotTest {

    private static final String CONSUMER = "messaging-service:customer-events";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    /** customer-service's key of the customer, which it gives messaging. */
    private static byte[] keyOf(TestCustomer customer) {
        byte[] key = PersonalDataSeal.newKey();
        CustomerKeysStub.give(customer.id, key);
        return key;
    }

    private List<String> addresses(TestCustomer customer) {
        return db.query("SELECT kind || ':' || value FROM recipient_address WHERE customer_id = $1 ORDER BY kind, position",
                customer.id).stream().map(row -> row.getString(0)).toList();
    }

    @Test
    void a_sealed_snapshot_is_opened_with_customer_services_key_and_the_customer_gets_their_email() throws Exception {
        TestCustomer jane = new TestCustomer();
        jane.name = "Jane " + jane.id.substring(0, 8);
        jane.segments = List.of("sealed-" + jane.id);
        CloudEvent sealed = Events.publishSealedSnapshot(mapper, jane.snapshot(), keyOf(jane));
        String onTheTopic = mapper.writeValueAsString(sealed);
        for (String datum : List.of(jane.email, jane.phone, jane.name)) {
            assertFalse(onTheTopic.contains(datum), "in clear on the topic: " + datum);
        }

        db.awaitRecipient(jane.id, 1);
        assertEquals(jane.name, db.query("SELECT display_name FROM recipient WHERE customer_id = $1", jane.id).getFirst().getString(0));
        assertEquals(List.of("email:" + jane.email, "phone:" + jane.phone), addresses(jane));

        asGateway().body(Map.of("segment", jane.segments.getFirst(), "templateKey", "promotion",
                        "data", Map.of("promotion", Map.of("name", "Sealed sale", "description", "for one customer"))))
                .post("/campaigns").then().statusCode(202).body("recipients", equalTo(1));
        Mailbox.Mail mail = Mailbox.await(jane.email, m -> m.subject().equals("Sealed sale"), WAIT);
        String content = Mime.decoded(mail.mimeMessage());
        assertTrue(content.contains("Hello " + jane.name + ","), content);
    }

    @Test
    void a_key_customer_service_cannot_give_at_once_is_asked_again_and_the_snapshot_is_not_lost() {
        TestCustomer jane = new TestCustomer();
        byte[] key = keyOf(jane);
        CustomerKeysStub.failFirst(jane.id, 2);

        Events.publishSealedSnapshot(mapper, jane.snapshot(), key);

        db.awaitRecipient(jane.id, 1);
        assertEquals(List.of("email:" + jane.email, "phone:" + jane.phone), addresses(jane));
        assertEquals(3, CustomerKeysStub.calls(jane.id), "two 503 answers, then the key");
    }

    @Test
    void a_snapshot_whose_key_customer_service_no_longer_has_is_applied_without_its_personal_data() {
        TestCustomer erased = new TestCustomer();
        // sealed with a key customer-service has destroyed since (404)
        CloudEvent sealed = Events.publishSealedSnapshot(mapper, erased.snapshot(), PersonalDataSeal.newKey());

        db.awaitProcessed(CONSUMER, sealed.id());

        assertNull(db.query("SELECT display_name FROM recipient WHERE customer_id = $1", erased.id).getFirst().getString(0));
        assertEquals(List.of(), addresses(erased));
        assertEquals(1, CustomerKeysStub.calls(erased.id), "a 404 is an answer: not asked again");
    }

    @Test
    void the_snapshot_of_a_merged_away_customer_is_kept_aside_opened_and_the_erasure_removes_it() throws Exception {
        TestCustomer survivor = new TestCustomer();
        TestCustomer duplicate = new TestCustomer();
        byte[] duplicateKey = keyOf(duplicate);
        Events.publishSealedSnapshot(mapper, survivor.snapshot(), keyOf(survivor));
        Events.publishSealedSnapshot(mapper, duplicate.snapshot(), duplicateKey);
        db.awaitRecipient(survivor.id, 1);
        db.awaitRecipient(duplicate.id, 1);
        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                new CustomerMerged(UUID.randomUUID().toString(), survivor.id, duplicate.id)).id());

        duplicate.version = 2;
        duplicate.name = "Restored " + duplicate.id.substring(0, 8);
        db.awaitProcessed(CONSUMER, Events.publishSealedSnapshot(mapper, duplicate.snapshot(), duplicateKey).id());

        JsonNode kept = mapper.readTree(db.query("SELECT snapshot FROM dormant_snapshot WHERE customer_id = $1", duplicate.id)
                .getFirst().getString(0));
        assertFalse(kept.has(PersonalDataSeal.FIELD), kept.toString());
        assertEquals(duplicate.name, kept.path("displayName").asText());
        assertEquals(duplicate.email, kept.path("emails").path(0).asText());

        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, duplicate.id,
                new CustomerErased(duplicate.id)).id());

        assertEquals(List.of(), db.query("SELECT 1 FROM dormant_snapshot WHERE customer_id = $1", duplicate.id));
        for (String datum : List.of(duplicate.email, duplicate.phone, duplicate.name)) {
            assertEquals(List.of(), db.tablesHolding(datum), "tables still holding " + datum);
        }
    }

    @Test
    void the_erasure_destroys_messagings_key_and_leaves_no_row_holding_the_customers_addresses_or_messages() {
        TestCustomer jane = new TestCustomer();
        String tag = jane.id.substring(0, 8);
        jane.name = "Jane " + tag;
        jane.segments = List.of("erase-sealed-" + jane.id);
        String inbound = "Please forget me " + tag;
        String written = "Where is my parcel " + tag;
        Events.publishSealedSnapshot(mapper, jane.snapshot(), keyOf(jane));
        db.awaitRecipient(jane.id, 1);

        try (TopicProbe events = TopicProbe.open(Topics.MESSAGING_EVENTS)) {
            webhook("email", Api.EMAIL_SECRET, """
                    {"type":"message","messageId":"%s","from":"%s","text":"%s"}""".formatted(UUID.randomUUID(), jane.email, inbound))
                    .then().statusCode(200);
            // kept with its answer (the thread and its messages) for an Idempotency-Key retry
            asGateway().header("X-Actor", "customer:" + jane.id).header("X-Channel", "web")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("subject", "Parcel", "text", written))
                    .post("/customers/" + jane.id + "/conversations").then().statusCode(201);
            asGateway().body(Map.of("segment", jane.segments.getFirst(), "templateKey", "promotion",
                            "data", Map.of("promotion", Map.of("name", "Last sale " + tag, "description", "before erasure"))))
                    .post("/campaigns").then().statusCode(202);
            Mailbox.await(jane.email, m -> m.subject().equals("Last sale " + tag), WAIT);

            TopicProbe.Received summary = events.await(r -> jane.id.equals(r.key()) && MessagingSummaryChanged.TYPE.equals(r.type())
                    && PersonalData.opened(r).path("lastMessages").toString().contains(written));
            assertFalse(summary.event().toString().contains(written), "the last messages travel sealed");
            assertEquals(1, db.query("SELECT 1 FROM personal_data_key WHERE customer_id = $1", jane.id).size());
            assertEquals(1, db.query("SELECT 1 FROM notification WHERE customer_id = $1 AND address = $2", jane.id, jane.email).size());

            db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, jane.id, new CustomerErased(jane.id)).id());

            assertEquals(List.of(), db.query("SELECT 1 FROM personal_data_key WHERE customer_id = $1", jane.id));
            assertTrue(PersonalData.keyOf(jane.id).isEmpty(), "no consumer can open the summaries published any more");
            for (String datum : List.of(jane.email, jane.phone, jane.name, inbound, written)) {
                assertEquals(List.of(), db.tablesHolding(datum), "tables still holding " + datum);
            }
        }
    }
}
