package dev.omnichannel.messaging.conversation;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A merge folds the duplicate's threads into the survivor's; undoing it gives the duplicate its own
 * threads back — the same threads, with the messages that came from them — and leaves with the
 * survivor what was written since the merge.
 */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class MergeUndoTest {

    private static final String CONSUMER = "messaging-service:customer-events";
    private static final String STAFF = "staff:clerk@paris-louvre";

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private TestCustomer knownCustomer(String name) {
        TestCustomer customer = new TestCustomer();
        customer.name = name;
        Events.publishSnapshot(mapper, customer.snapshot());
        db.awaitRecipient(customer.id, 1);
        return customer;
    }

    private static String write(TestCustomer customer, String subject, String text) {
        return asGateway().header("X-Actor", "customer:" + customer.id).header("X-Channel", "web")
                .body(Map.of("subject", subject, "text", text))
                .post("/customers/" + customer.id + "/conversations")
                .then().statusCode(201).extract().path("id");
    }

    private static void staffReply(String conversationId, String text) {
        asGateway().header("X-Actor", STAFF).header("X-Channel", "store").body(Map.of("text", text))
                .post("/conversations/" + conversationId + "/messages").then().statusCode(201);
    }

    private static List<String> texts(String conversationId) {
        return asGateway().header("X-Actor", STAFF).get("/conversations/" + conversationId).then().statusCode(200)
                .extract().path("messages.text");
    }

    @Test
    void undoing_a_merge_gives_the_duplicate_its_threads_back_and_the_survivor_keeps_what_was_written_since() {
        TestCustomer survivor = knownCustomer("Alice Martin");
        TestCustomer duplicate = knownCustomer("Alice M.");
        String survivorsTent = write(survivor, "Tent", "Is the tent waterproof?");
        String duplicatesTent = write(duplicate, "Tent", "Does the tent fit two?");
        String duplicatesGiftCard = write(duplicate, "Gift card", "Can I pay with a gift card?");
        staffReply(duplicatesGiftCard, "Yes, in every store.");

        String mergeId = UUID.randomUUID().toString();
        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                new CustomerMerged(mergeId, survivor.id, duplicate.id)).id());
        // folded: one tent thread for the survivor with both messages; the gift card thread moved whole
        assertEquals(List.of("Is the tent waterproof?", "Does the tent fit two?"), texts(survivorsTent));
        asGateway().get("/customers/" + survivor.id + "/conversations").then()
                .body("items.id", containsInAnyOrder(survivorsTent, duplicatesGiftCard));

        // after the merge, the survivor writes in both threads
        write(survivor, "Tent", "I will come on Saturday.");
        write(survivor, "Gift card", "And an e-gift card?");

        db.awaitProcessed(CONSUMER, Events.publish(mapper, Topics.CUSTOMER_EVENTS, survivor.id,
                new CustomerMergeUndone(mergeId, survivor.id, duplicate.id)).id());

        // the duplicate has its own threads again, under their own ids, with its own messages
        asGateway().get("/customers/" + duplicate.id + "/conversations").then().statusCode(200)
                .body("items.id", containsInAnyOrder(duplicatesTent, duplicatesGiftCard));
        asGateway().header("X-Actor", STAFF).get("/conversations/" + duplicatesTent).then()
                .body("customerId", equalTo(duplicate.id))
                .body("topic", equalTo("tent"))
                .body("messages.text", contains("Does the tent fit two?"));
        asGateway().header("X-Actor", STAFF).get("/conversations/" + duplicatesGiftCard).then()
                .body("customerId", equalTo(duplicate.id))
                .body("messages.text", contains("Can I pay with a gift card?", "Yes, in every store."))
                .body("unread", equalTo(1)); // the duplicate had not read the staff's answer

        // the survivor keeps its own messages and what it wrote after the merge
        assertEquals(List.of("Is the tent waterproof?", "I will come on Saturday."), texts(survivorsTent));
        List<String> survivorsThreads = asGateway().get("/customers/" + survivor.id + "/conversations").then()
                .extract().path("items.id");
        assertEquals(2, survivorsThreads.size(), survivorsThreads.toString());
        String survivorsGiftCard = survivorsThreads.stream().filter(id -> !id.equals(survivorsTent)).findFirst().orElseThrow();
        assertEquals(List.of("And an e-gift card?"), texts(survivorsGiftCard));

        // each one's summary shows their own messages again
        asGateway().get("/customers/" + duplicate.id + "/conversation-summary").then()
                .body("lastMessages.text", containsInAnyOrder("Does the tent fit two?", "Can I pay with a gift card?",
                        "Yes, in every store."))
                .body("unread", equalTo(1));
        asGateway().get("/customers/" + survivor.id + "/conversation-summary").then()
                .body("lastMessages.text", containsInAnyOrder("Is the tent waterproof?", "I will come on Saturday.",
                        "And an e-gift card?"));
    }
}
