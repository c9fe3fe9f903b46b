package dev.omnichannel.customer.cart;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.customer.support.PersonalData;
import dev.omnichannel.customer.support.Service;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Cart and wishlist changes publish the customer's snapshot, which carries them, and answer the
 * version of that snapshot: the gateway's view applies either, whichever comes first.
 */
@QuarkusTest
class CartSnapshotTest {

    private static long versionOf(String customerId) {
        return asGateway().get("/customers/{id}", customerId).then().statusCode(200).extract().<Number>path("version")
                .longValue();
    }

    private static TopicProbe.Received snapshot(TopicProbe topic, String customerId, long version) {
        return topic.await(r -> customerId.equals(r.key()) && r.type().equals("customer.profile-changed")
                && r.data().path("version").asLong() == version);
    }

    private static List<Long> snapshotVersions(TopicProbe topic, String customerId) {
        return topic.all(r -> customerId.equals(r.key()) && r.type().equals("customer.profile-changed"), Duration.ZERO)
                .stream().map(r -> r.data().path("version").asLong()).toList();
    }

    private static List<String> skus(JsonNode lines) {
        return lines.findValuesAsText("sku");
    }

    private static List<String> textList(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void a_cart_change_publishes_the_snapshot_with_the_cart_and_answers_its_version() {
        String id = Service.newCustomer("Cart snapshot");
        String sku = Service.uniqueSku();
        long before = versionOf(id);
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            long version = asGateway().body(Map.of("quantity", 2)).put("/customers/{id}/cart/items/{sku}", id, sku)
                    .then().statusCode(200).extract().<Number>path("version").longValue();
            assertTrue(version > before, version + " after " + before);

            JsonNode cart = snapshot(topic, id, version).data().path("cart");
            assertEquals(1, cart.size());
            assertEquals(sku, cart.get(0).path("sku").asText());
            assertEquals(2, cart.get(0).path("quantity").asInt());
            assertFalse(cart.get(0).path("addedAt").isMissingNode() || cart.get(0).path("addedAt").isNull());
            asGateway().get("/customers/{id}/cart", id).then().body("version", equalTo((int) version));

            long removed = asGateway().delete("/customers/{id}/cart/items/{sku}", id, sku)
                    .then().statusCode(200).extract().<Number>path("version").longValue();
            assertTrue(removed > version);
            assertEquals(0, snapshot(topic, id, removed).data().path("cart").size());
        }
    }

    @Test
    void a_wishlist_change_publishes_the_snapshot_with_the_wishlist_and_answers_its_version() {
        String id = Service.newCustomer("Wishlist snapshot");
        String first = Service.uniqueSku();
        String second = Service.uniqueSku();
        Service.wish(id, first);
        long before = versionOf(id);
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            long version = asGateway().put("/customers/{id}/wishlist/{sku}", id, second)
                    .then().statusCode(200).extract().<Number>path("version").longValue();
            assertTrue(version > before, version + " after " + before);

            JsonNode wishlist = snapshot(topic, id, version).data().path("wishlist");
            assertEquals(List.of(first, second), skus(wishlist), "oldest first");
            assertFalse(wishlist.get(1).path("addedAt").isNull());
            asGateway().get("/customers/{id}/wishlist", id).then().body("version", equalTo((int) version));

            long removed = asGateway().delete("/customers/{id}/wishlist/{sku}", id, first)
                    .then().statusCode(200).extract().<Number>path("version").longValue();
            assertEquals(List.of(second), skus(snapshot(topic, id, removed).data().path("wishlist")));
        }
    }

    @Test
    void the_snapshot_carries_the_oidc_subjects_of_the_customer_and_no_other_identity() {
        String subject = "sub-" + UUID.randomUUID();
        String email = "subject-" + UUID.randomUUID() + "@example.com";
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            String id = Service.resolveOidc(subject);
            Service.link(id, "email", email, null);

            JsonNode data = PersonalData.opened(topic.await(r -> id.equals(r.key())
                    && r.type().equals("customer.profile-changed") && PersonalData.opened(r).path("emails").size() == 1));
            assertEquals(List.of(subject), textList(data.path("subjects")));
            assertEquals(List.of(email), textList(data.path("emails")));
            assertEquals(0, data.path("cart").size());
            assertEquals(0, data.path("wishlist").size());
        }
    }

    @Test
    void a_retry_with_the_same_idempotency_key_publishes_no_second_snapshot_and_a_change_of_nothing_none_either() {
        String id = Service.newCustomer("Retrying cart");
        String sku = Service.uniqueSku();
        String wished = Service.uniqueSku();
        String key = UUID.randomUUID().toString();
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            long first = asGateway().header("Idempotency-Key", key).body(Map.of("quantity", 3))
                    .put("/customers/{id}/cart/items/{sku}", id, sku).then().statusCode(200)
                    .extract().<Number>path("version").longValue();
            asGateway().header("Idempotency-Key", key).body(Map.of("quantity", 3))
                    .put("/customers/{id}/cart/items/{sku}", id, sku).then().statusCode(200)
                    .body("version", equalTo((int) first)).body("items[0].quantity", equalTo(3));
            // the same quantity again, a missing line removed: nothing changes, the answer says the current version
            asGateway().body(Map.of("quantity", 3)).put("/customers/{id}/cart/items/{sku}", id, sku)
                    .then().statusCode(200).body("version", equalTo((int) first));
            asGateway().delete("/customers/{id}/cart/items/{sku}", id, Service.uniqueSku())
                    .then().statusCode(200).body("version", equalTo((int) first));
            asGateway().delete("/customers/{id}/wishlist/{sku}", id, wished)
                    .then().statusCode(200).body("version", equalTo((int) first));

            // a later change on the same key (same partition, in order): once it is there, anything before it is too
            long later = asGateway().put("/customers/{id}/wishlist/{sku}", id, wished)
                    .then().statusCode(200).extract().<Number>path("version").longValue();
            asGateway().put("/customers/{id}/wishlist/{sku}", id, wished)
                    .then().statusCode(200).body("version", equalTo((int) later));
            snapshot(topic, id, later);
            assertEquals(List.of(first, later), snapshotVersions(topic, id));
            assertEquals(first + 1, later);
        }
    }

    @Test
    void a_guest_cart_joining_at_login_publishes_the_merged_cart() {
        String id = Service.newCustomer("Guest at login");
        String owned = Service.uniqueSku();
        String guestSku = Service.uniqueSku();
        Service.putCartItem(id, owned, 1);
        var created = asGateway().post("/carts").then().statusCode(201).extract();
        String cartId = created.path("id");
        String token = created.path("cartToken");
        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 2)).put("/carts/{id}/items/{sku}", cartId, guestSku)
                .then().statusCode(200);
        asGateway().header("X-Cart-Token", token).body(Map.of("quantity", 4)).put("/carts/{id}/items/{sku}", cartId, owned)
                .then().statusCode(200);
        long before = versionOf(id);

        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            long version = asGateway().body(Map.of("cartId", cartId, "cartToken", token)).post("/customers/{id}/cart/merge", id)
                    .then().statusCode(200).extract().<Number>path("version").longValue();
            assertTrue(version > before);

            JsonNode cart = snapshot(topic, id, version).data().path("cart");
            assertEquals(List.of(owned, guestSku), skus(cart), "oldest first");
            assertEquals(5, cart.get(0).path("quantity").asInt());
            assertEquals(2, cart.get(1).path("quantity").asInt());
        }
    }
}
