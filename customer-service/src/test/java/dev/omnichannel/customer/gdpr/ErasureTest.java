package dev.omnichannel.customer.gdpr;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.customer.support.Database;
import dev.omnichannel.customer.support.Events;
import dev.omnichannel.customer.support.PersonalData;
import dev.omnichannel.customer.support.Service;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.interaction.InteractionRecorded;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GDPR: export everything held, then erase it all, leaving only tombstone ids. */
@QuarkusTest
class ErasureTest {

    @Inject
    Pool pool;

    /** A customer with something in every table, and a merged-away duplicate. */
    record Person(String id, String duplicateId, String mergeId, List<String> personalData) {
    }

    private Person aCustomerWithEverything() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erin Erasable " + tag;
        String email = "erin-" + tag + "@example.com";
        String phone = Service.uniquePhone();
        String device = "push-token-" + tag;
        String handle = "@erin." + tag;
        String loyalty = "LOY-" + tag.toUpperCase();
        String cartSku = "CART-" + tag.toUpperCase();
        String wishSku = "WISH-" + tag.toUpperCase();
        String guestSku = "GUEST-" + tag.toUpperCase();
        String duplicateName = "Erin E. " + tag;
        String duplicatePhone = Service.uniquePhone();

        String id = Service.newCustomer(name);
        asGateway().header("Idempotency-Key", "link-" + tag).body(Map.of("type", "email", "value", email))
                .post("/customers/{id}/identities", id).then().statusCode(200);
        Service.link(id, "phone", phone, null);
        Service.link(id, "device", device, null);
        Service.link(id, "social", handle, "tiktok");
        Service.link(id, "loyalty", loyalty, null);
        Service.putCartItem(id, cartSku, 2);
        Service.wish(id, wishSku);
        Service.consent(id, "email", true);
        asGateway().body(Map.of("preferredStoreId", "lyon-part-dieu", "timeZone", "Europe/Paris",
                "quietHours", Map.of("start", "21:00", "end", "08:00"))).patch("/customers/{id}/preferences", id)
                .then().statusCode(200);
        asGateway("kiosk").body(Map.of("storeId", "lyon-part-dieu")).post("/customers/{id}/visits", id).then().statusCode(201);
        var guest = asGateway().post("/carts").then().statusCode(201).extract();
        asGateway().header("X-Cart-Token", guest.<String>path("cartToken")).body(Map.of("quantity", 1))
                .put("/carts/{id}/items/{sku}", guest.<String>path("id"), guestSku).then().statusCode(200);
        asGateway().body(Map.of("cartId", guest.path("id"), "cartToken", guest.path("cartToken")))
                .post("/customers/{id}/cart/merge", id).then().statusCode(200);
        String reservation = UUID.randomUUID().toString();
        Events.send(Topics.INVENTORY_FULFILMENT, reservation, new ReservationEvent(ReservationEvent.COLLECTED, reservation,
                id, "lyon-part-dieu", "COLLECTED", List.of(new ReservationEvent.Line(cartSku, 1, new BigDecimal("77.70"))),
                new BigDecimal("77.70"), "EUR", "123456", null, "store", "click-and-collect", null, Instant.now(), 3));
        Events.send(Topics.INTERACTIONS, id, new InteractionRecorded(id, "web", "product-view", wishSku, null, null,
                Instant.now()));

        String duplicateId = asGateway().body(Map.of("type", "phone", "value", duplicatePhone, "displayName", duplicateName))
                .post("/customers/resolve").then().statusCode(201).extract().path("id");
        Service.putCartItem(duplicateId, cartSku, 1);
        String mergeId = asGateway().header("X-Actor", "staff:clerk@lyon-part-dieu").body(Map.of("duplicateId", duplicateId))
                .post("/customers/{id}/merge", id).then().statusCode(200).extract().path("mergeId");
        await().atMost(Duration.ofSeconds(30)).until(() -> asGateway().get("/customers/{id}/timeline", id)
                .then().extract().<Integer>path("total") == 2);
        return new Person(id, duplicateId, mergeId, List.of(name, email, phone, device, handle.substring(1), loyalty, cartSku,
                wishSku, guestSku, duplicateName, duplicatePhone, "21:00"));
    }

    @Test
    void the_export_holds_everything_about_the_customer() {
        Person person = aCustomerWithEverything();
        asGateway().get("/customers/{id}/export", person.duplicateId()).then().statusCode(200)
                .body("profile.id", equalTo(person.id()))
                .body("profile.displayName", equalTo(person.personalData().get(0)))
                .body("profile.identities.value", hasItems(person.personalData().get(1), person.personalData().get(2),
                        person.personalData().get(10)))
                .body("profile.preferences.quietHours.start", equalTo("21:00"))
                .body("profile.consents.email", equalTo(true))
                .body("mergedProfileIds", equalTo(List.of(person.duplicateId())))
                .body("cart.items.sku", containsInAnyOrder(person.personalData().get(6), person.personalData().get(8)))
                .body("wishlist.items.sku", equalTo(List.of(person.personalData().get(7))))
                .body("visits.storeId", equalTo(List.of("lyon-part-dieu")))
                .body("purchases", hasSize(1))
                .body("purchases[0].amount", equalTo(77.7f))
                .body("timeline.kind", hasItems("product-view", "reservation.collected"))
                .body("merges.mergeId", hasItem(person.mergeId()))
                .body("merges[0].actor", equalTo("staff:clerk@lyon-part-dieu"));
    }

    @Test
    void erasure_leaves_no_personal_data_in_any_table_and_tells_every_service() {
        Person person = aCustomerWithEverything();
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            asGateway().delete("/customers/{id}", person.id()).then().statusCode(204);

            topic.await(r -> r.type().equals("customer.erased") && person.id().equals(r.data().path("customerId").asText()));
            topic.await(r -> r.type().equals("customer.erased")
                    && person.duplicateId().equals(r.data().path("customerId").asText()));
        }

        // the relay empties the outbox shortly after the commit; every other table is clean at once
        await().atMost(Duration.ofSeconds(30)).until(() -> tablesHolding(person.personalData()).isEmpty());
        for (String id : List.of(person.id(), person.duplicateId())) {
            Row tombstone = Database.rows(pool, "SELECT * FROM customer WHERE id = $1", UUID.fromString(id)).getFirst();
            assertEquals("erased", tombstone.getString("status"));
            assertNull(tombstone.getString("display_name"));
            assertNull(tombstone.getString("time_zone"));
            for (String table : List.of("customer_identity", "consent", "wishlist_item", "timeline_entry", "store_visit",
                    "purchase", "customer_segment", "cart")) {
                assertEquals(0, Database.count(pool, "SELECT count(*) FROM " + table + " WHERE customer_id = $1",
                        UUID.fromString(id)), table);
            }
        }
        asGateway().get("/customers/{id}", person.id()).then().statusCode(404).contentType("application/problem+json");
        asGateway().get("/customers/{id}", person.duplicateId()).then().statusCode(404);
        asGateway().get("/customers/{id}/export", person.id()).then().statusCode(404);
        asGateway().delete("/customers/{id}", person.id()).then().statusCode(404);
        asGateway().post("/merges/{id}/undo", person.mergeId()).then().statusCode(409);
    }

    @Test
    void snapshots_travel_with_their_personal_data_sealed_and_the_erasure_leaves_it_unreadable() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Sealed Sam " + tag;
        String email = "sealed-" + tag + "@example.com";
        String phone = Service.uniquePhone();
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            String id = Service.newCustomer(name);
            Service.link(id, "email", email, null);
            Service.link(id, "phone", phone, null);
            TopicProbe.Received snapshot = topic.await(r -> id.equals(r.key()) && r.type().equals("customer.profile-changed")
                    && PersonalData.opened(r).path("phones").size() == 1);

            String onTheTopic = snapshot.event().toString();
            for (String datum : List.of(name, email, phone)) {
                assertFalse(onTheTopic.contains(datum), "in clear on the topic: " + datum);
            }
            assertTrue(snapshot.data().path("emails").isMissingNode(), "the personal fields are inside the seal only");
            JsonNode opened = PersonalData.opened(snapshot);
            assertEquals(name, opened.path("displayName").asText());
            assertEquals(email, opened.path("emails").get(0).asText());
            assertEquals(phone, opened.path("phones").get(0).asText());
            assertEquals(id, opened.path("customerId").asText(), "ids and the rest stay readable");
            byte[] key = PersonalData.keyOf(id).orElseThrow();
            assertThrows(IllegalArgumentException.class, () -> PersonalDataSeal.open(new ObjectMapper(),
                    (ObjectNode) snapshot.data(), Optional.of(key), Service.newCustomer("Other " + tag)),
                    "a sealed value opens for its own customer only");

            asGateway().delete("/customers/{id}", id).then().statusCode(204);
            assertTrue(PersonalData.keyOf(id).isEmpty(), "the key is destroyed with the profile");
            JsonNode afterErasure = PersonalData.opened(snapshot);
            assertTrue(afterErasure.path("emails").isMissingNode() && afterErasure.path("displayName").isMissingNode(),
                    "what was published can no longer be read: " + afterErasure);
            assertEquals(0, Database.count(pool, "SELECT count(*) FROM personal_data_key WHERE customer_id = $1", id));
        }
    }

    @Test
    void events_about_an_erased_customer_are_ignored() {
        String erased = Service.newCustomer("Gone");
        String alive = Service.newCustomer("Here");
        asGateway().delete("/customers/{id}", erased).then().statusCode(204);

        Events.send(Topics.INTERACTIONS, erased, new InteractionRecorded(erased, "web", "login", null, null, null, Instant.now()));
        // same key, same partition: once this one is applied the first was consumed
        Events.send(Topics.INTERACTIONS, erased, new InteractionRecorded(alive, "web", "login", null, null, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> asGateway().get("/customers/{id}/timeline", alive)
                .then().extract().<Integer>path("total") == 1);
        assertEquals(0, Database.count(pool, "SELECT count(*) FROM timeline_entry WHERE subject_id = $1", UUID.fromString(erased)));
    }

    /** Every table, every column (the row as text), searched for each personal datum. */
    private List<String> tablesHolding(List<String> personalData) {
        List<String> found = new ArrayList<>();
        for (Row table : Database.rows(pool,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            String name = table.getString("table_name");
            for (String datum : personalData) {
                long rows = Database.count(pool, "SELECT count(*) FROM \"" + name + "\" t WHERE t::text ILIKE $1", "%" + datum + "%");
                if (rows > 0) {
                    found.add(name + " holds " + datum);
                }
            }
        }
        return found;
    }
}
