package dev.omnichannel.customer.merge;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.customer.support.Database;
import dev.omnichannel.customer.support.Events;
import dev.omnichannel.customer.support.PersonalData;
import dev.omnichannel.customer.support.Service;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.interaction.InteractionRecorded;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Merging two profiles of one person, and splitting them back, over the real database and broker. */
@QuarkusTest
class MergeTest {

    private static final String CLERK = "staff:clerk@paris-louvre";

    @Inject
    Pool pool;

    /** Two profiles of one person, each with its own identities, cart, wishlist, consents, details and timeline. */
    record Pair(String survivor, String duplicate, String survivorEmail, String duplicatePhone, String handle,
            String shared, String duplicateOnly, String wishedByBoth, String wishedByDuplicate) {
    }

    private Pair twoProfilesOfOnePerson() {
        String survivor = Service.newCustomer("Alice Martin");
        String survivorEmail = "alice-" + UUID.randomUUID() + "@example.com";
        Service.link(survivor, "email", survivorEmail, null);
        String duplicatePhone = Service.uniquePhone();
        String duplicate = asGateway().body(Map.of("type", "phone", "value", duplicatePhone, "displayName", "Alice M."))
                .post("/customers/resolve").then().statusCode(201).extract().path("id");
        String handle = "@alice." + UUID.randomUUID().toString().substring(0, 6);
        Service.link(duplicate, "social", handle, "instagram");

        String shared = Service.uniqueSku();
        String duplicateOnly = Service.uniqueSku();
        Service.putCartItem(survivor, shared, 2);
        Service.putCartItem(duplicate, shared, 3);
        Service.putCartItem(duplicate, duplicateOnly, 1);
        String wishedByBoth = Service.uniqueSku();
        String wishedByDuplicate = Service.uniqueSku();
        Service.wish(survivor, wishedByBoth);
        Service.wish(duplicate, wishedByBoth);
        Service.wish(duplicate, wishedByDuplicate);

        Service.consent(survivor, "email", true);
        Service.consent(survivor, "push", true);
        Service.consent(duplicate, "email", false);
        Service.consent(duplicate, "sms", true);
        asGateway().body(Map.of("language", "fr")).patch("/customers/{id}/preferences", survivor).then().statusCode(200);
        asGateway().body(Map.of("timeZone", "Europe/Paris", "preferredStoreId", "paris-louvre"))
                .patch("/customers/{id}/preferences", duplicate).then().statusCode(200);

        Events.send(Topics.INTERACTIONS, duplicate, new InteractionRecorded(duplicate, "kiosk", "qr-scan", "TENT-2P",
                "paris-louvre", null, Instant.now()));
        asGateway("kiosk").body(Map.of("storeId", "paris-louvre")).post("/customers/{id}/visits", duplicate)
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineKinds(duplicate).contains("qr-scan"));
        return new Pair(survivor, duplicate, survivorEmail, duplicatePhone, handle, shared, duplicateOnly, wishedByBoth,
                wishedByDuplicate);
    }

    private static List<String> timelineKinds(String customerId) {
        return asGateway().get("/customers/{id}/timeline?size=100", customerId).then().statusCode(200).extract().path("items.kind");
    }

    /** The stored version (the API answers a merged-away id with its survivor). */
    private long version(String customerId) {
        return Database.rows(pool, "SELECT version FROM customer WHERE id = $1", UUID.fromString(customerId))
                .getFirst().getLong("version");
    }

    /** A snapshot's cart as sku to quantity. */
    private static Map<String, Integer> quantities(JsonNode cart) {
        Map<String, Integer> bySku = new HashMap<>();
        cart.forEach(line -> bySku.put(line.path("sku").asText(), line.path("quantity").asInt()));
        return bySku;
    }

    private static String merge(String survivor, String duplicate) {
        return asGateway("store").header("X-Actor", CLERK).body(Map.of("duplicateId", duplicate))
                .post("/customers/{id}/merge", survivor)
                .then().statusCode(200)
                .body("survivorId", equalTo(survivor)).body("duplicateId", equalTo(duplicate))
                .extract().path("mergeId");
    }

    @Test
    void a_merge_moves_everything_to_the_survivor_and_publishes_it() {
        Pair p = twoProfilesOfOnePerson();
        long survivorBefore = version(p.survivor());
        long duplicateBefore = version(p.duplicate());
        String mergeId;
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            mergeId = merge(p.survivor(), p.duplicate());

            TopicProbe.Received merged = topic.await(r -> r.type().equals("customer.merged") && p.survivor().equals(r.key()));
            assertEquals(mergeId, merged.data().path("mergeId").asText());
            assertEquals(p.duplicate(), merged.data().path("duplicateId").asText());
            // (snapshots of the changes made before the merge may still be on their way)
            TopicProbe.Received snapshot = topic.await(r -> r.type().equals("customer.profile-changed")
                    && p.survivor().equals(r.key()) && r.data().path("version").asLong() > survivorBefore);
            JsonNode personal = PersonalData.opened(snapshot);
            assertTrue(personal.path("phones").toString().contains(p.duplicatePhone()));
            assertTrue(personal.path("socialHandles").toString().contains("instagram:" + p.handle()));
            assertFalse(snapshot.data().path("consents").path("email").path("granted").asBoolean(true));
            // the survivor's snapshot holds the moved cart lines and wishlist; the duplicate's holds nothing
            assertEquals(Map.of(p.shared(), 5, p.duplicateOnly(), 1), quantities(snapshot.data().path("cart")));
            assertEquals(Set.of(p.wishedByBoth(), p.wishedByDuplicate()),
                    Set.copyOf(snapshot.data().path("wishlist").findValuesAsText("sku")));
            JsonNode duplicate = PersonalData.opened(topic.await(r -> r.type().equals("customer.profile-changed")
                    && p.duplicate().equals(r.key()) && r.data().path("version").asLong() > duplicateBefore));
            assertEquals(0, duplicate.path("cart").size());
            assertEquals(0, duplicate.path("wishlist").size());
            assertEquals(0, duplicate.path("subjects").size());
            assertTrue(duplicate.path("phones").isArray() && duplicate.path("phones").isEmpty(), "opened: " + duplicate);
        }

        asGateway().get("/customers/{id}", p.survivor()).then().statusCode(200)
                .body("displayName", equalTo("Alice Martin"))
                .body("identities.value", hasItems(p.survivorEmail(), p.duplicatePhone(), p.handle()))
                // the most restrictive consent wins; what only one side said is kept
                .body("consents.email", equalTo(false))
                .body("consents.push", equalTo(true))
                .body("consents.sms", equalTo(true))
                .body("preferences.language", equalTo("fr"))
                .body("preferences.timeZone", equalTo("Europe/Paris"))
                .body("preferences.preferredStoreId", equalTo("paris-louvre"));
        // the duplicate's id and identities lead to the survivor
        asGateway().get("/customers/{id}", p.duplicate()).then().statusCode(200).body("id", equalTo(p.survivor()));
        asGateway().body(Map.of("type", "phone", "value", p.duplicatePhone())).post("/customers/resolve")
                .then().statusCode(200).body("id", equalTo(p.survivor()));
        // cart quantities summed, no line lost; one cart whichever id is used
        asGateway().get("/customers/{id}/cart", p.duplicate()).then().statusCode(200)
                .body("customerId", equalTo(p.survivor()))
                .body("items.find { it.sku == '%s' }.quantity".formatted(p.shared()), equalTo(5))
                .body("items.find { it.sku == '%s' }.quantity".formatted(p.duplicateOnly()), equalTo(1));
        asGateway().get("/customers/{id}/wishlist", p.survivor()).then()
                .body("items.sku", containsInAnyOrder(p.wishedByBoth(), p.wishedByDuplicate()));
        assertTrue(timelineKinds(p.survivor()).contains("qr-scan"));
        asGateway().get("/customers/{id}/visits/latest?storeId=paris-louvre", p.survivor()).then().statusCode(200);

        // audited: who, when, what
        var audit = Database.rows(pool, "SELECT actor, channel, moved FROM customer_merge WHERE id = $1", UUID.fromString(mergeId));
        assertEquals(CLERK, audit.getFirst().getString("actor"));
        assertEquals("store", audit.getFirst().getString("channel"));
        assertTrue(audit.getFirst().getString("moved").contains(p.duplicateOnly()));

        // later events about the merged-away id land on the survivor
        Events.send(Topics.INTERACTIONS, p.duplicate(), new InteractionRecorded(p.duplicate(), "web", "wishlist-change",
                "CAP-SUN", null, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineKinds(p.survivor()).contains("wishlist-change"));
    }

    @Test
    void undoing_a_merge_gives_each_profile_back_what_it_had() {
        Pair p = twoProfilesOfOnePerson();
        String mergeId = merge(p.survivor(), p.duplicate());
        Events.send(Topics.INTERACTIONS, p.duplicate(), new InteractionRecorded(p.duplicate(), "web", "login", null, null,
                null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineKinds(p.survivor()).contains("login"));
        long survivorBefore = version(p.survivor());
        long duplicateBefore = version(p.duplicate());

        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            asGateway().header("X-Actor", "admin:root").post("/merges/{id}/undo", mergeId)
                    .then().statusCode(200)
                    .body("mergeId", equalTo(mergeId))
                    .body("survivorId", equalTo(p.survivor()))
                    .body("restoredId", equalTo(p.duplicate()));

            TopicProbe.Received undone = topic.await(r -> r.type().equals("customer.merge-undone"));
            assertEquals(p.duplicate(), undone.data().path("restoredId").asText());
            JsonNode restored = topic.await(r -> r.type().equals("customer.profile-changed")
                    && p.duplicate().equals(r.key()) && r.data().path("version").asLong() > duplicateBefore).data();
            JsonNode survivor = topic.await(r -> r.type().equals("customer.profile-changed")
                    && p.survivor().equals(r.key()) && r.data().path("version").asLong() > survivorBefore).data();
            assertEquals(Map.of(p.shared(), 3, p.duplicateOnly(), 1), quantities(restored.path("cart")));
            assertEquals(Set.of(p.wishedByBoth(), p.wishedByDuplicate()),
                    Set.copyOf(restored.path("wishlist").findValuesAsText("sku")));
            assertEquals(Map.of(p.shared(), 2), quantities(survivor.path("cart")));
            assertEquals(List.of(p.wishedByBoth()), survivor.path("wishlist").findValuesAsText("sku"));
        }

        asGateway().get("/customers/{id}", p.duplicate()).then().statusCode(200)
                .body("id", equalTo(p.duplicate()))
                .body("displayName", equalTo("Alice M."))
                .body("identities.value", containsInAnyOrder(p.duplicatePhone(), p.handle()))
                .body("consents.email", equalTo(false))
                .body("consents.sms", equalTo(true))
                .body("consents.push", equalTo(false))
                .body("preferences.timeZone", equalTo("Europe/Paris"));
        asGateway().get("/customers/{id}", p.survivor()).then().statusCode(200)
                .body("identities.value", not(hasItem(p.duplicatePhone())))
                .body("consents.email", equalTo(true))
                .body("consents.push", equalTo(true))
                .body("consentDetails.sms", nullValue())
                .body("preferences.timeZone", nullValue())
                .body("preferences.language", equalTo("fr"));
        asGateway().get("/customers/{id}/cart", p.survivor()).then()
                .body("items.sku", equalTo(List.of(p.shared()))).body("items[0].quantity", equalTo(2));
        asGateway().get("/customers/{id}/cart", p.duplicate()).then()
                .body("customerId", equalTo(p.duplicate()))
                .body("items.find { it.sku == '%s' }.quantity".formatted(p.shared()), equalTo(3))
                .body("items.find { it.sku == '%s' }.quantity".formatted(p.duplicateOnly()), equalTo(1));
        asGateway().get("/customers/{id}/wishlist", p.survivor()).then().body("items.sku", equalTo(List.of(p.wishedByBoth())));
        asGateway().get("/customers/{id}/wishlist", p.duplicate()).then()
                .body("items.sku", containsInAnyOrder(p.wishedByBoth(), p.wishedByDuplicate()));
        // what was about the duplicate, before and since the merge, is its own again
        assertEquals(List.of("login", "qr-scan"), timelineKinds(p.duplicate()));
        assertFalse(timelineKinds(p.survivor()).contains("qr-scan"));
        asGateway().get("/customers/{id}/visits/latest?storeId=paris-louvre", p.duplicate()).then().statusCode(200);
        asGateway().get("/customers/{id}/visits/latest?storeId=paris-louvre", p.survivor()).then().statusCode(404);

        asGateway().post("/merges/{id}/undo", mergeId).then().statusCode(409).contentType("application/problem+json");
        assertEquals("admin:root", Database.rows(pool, "SELECT undone_by FROM customer_merge WHERE id = $1",
                UUID.fromString(mergeId)).getFirst().getString("undone_by"));
    }

    @Test
    void impossible_merges_are_refused_and_change_nothing() {
        String survivor = Service.newCustomer("Keeper");
        String duplicate = Service.newCustomer("Dupe");
        String other = Service.newCustomer("Other");
        Service.putCartItem(duplicate, "CAP-SUN", 1);

        asGateway().body(Map.of("duplicateId", survivor)).post("/customers/{id}/merge", survivor)
                .then().statusCode(422).contentType("application/problem+json");
        asGateway().body(Map.of("duplicateId", UUID.randomUUID())).post("/customers/{id}/merge", survivor)
                .then().statusCode(404).contentType("application/problem+json");
        asGateway().body(Map.of("duplicateId", duplicate)).post("/customers/{id}/merge", UUID.randomUUID())
                .then().statusCode(404);
        asGateway().body(Map.of("duplicateId", "not-a-uuid")).post("/customers/{id}/merge", survivor)
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().get("/customers/{id}/cart", duplicate).then().body("customerId", equalTo(duplicate))
                .body("items[0].quantity", equalTo(1));

        merge(survivor, duplicate);
        asGateway().body(Map.of("duplicateId", duplicate)).post("/customers/{id}/merge", other)
                .then().statusCode(409).contentType("application/problem+json");
        asGateway().body(Map.of("duplicateId", other)).post("/customers/{id}/merge", duplicate)
                .then().statusCode(409);
        asGateway().post("/merges/{id}/undo", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asGateway().get("/customers/{id}", other).then().body("id", equalTo(other));
    }

    @Test
    void a_merge_retried_with_its_idempotency_key_returns_the_same_merge() {
        String survivor = Service.newCustomer("Keeper");
        String duplicate = Service.newCustomer("Dupe");
        String key = UUID.randomUUID().toString();
        String first = asGateway().header("Idempotency-Key", key).body(Map.of("duplicateId", duplicate))
                .post("/customers/{id}/merge", survivor).then().statusCode(200).extract().path("mergeId");
        asGateway().header("Idempotency-Key", key).body(Map.of("duplicateId", duplicate))
                .post("/customers/{id}/merge", survivor).then().statusCode(200).body("mergeId", equalTo(first));
        assertEquals(1, Database.count(pool, "SELECT count(*) FROM customer_merge WHERE duplicate_id = $1",
                UUID.fromString(duplicate)));
    }

    @Test
    void a_merge_whose_survivor_was_merged_again_is_undone_last_first() {
        String a = Service.newCustomer("A");
        String b = Service.newCustomer("B");
        String c = Service.newCustomer("C");
        String first = merge(b, a);
        String second = merge(c, b);
        asGateway().get("/customers/{id}", a).then().body("id", equalTo(c));

        asGateway().post("/merges/{id}/undo", first).then().statusCode(409);
        asGateway().post("/merges/{id}/undo", second).then().statusCode(200);
        asGateway().get("/customers/{id}", a).then().body("id", equalTo(b));
        asGateway().post("/merges/{id}/undo", first).then().statusCode(200);
        asGateway().get("/customers/{id}", a).then().body("id", equalTo(a));
    }
}
