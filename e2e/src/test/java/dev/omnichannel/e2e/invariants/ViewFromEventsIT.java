package dev.omnichannel.e2e.invariants;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_MOBILE;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.BOB_ON_WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.Eventually;
import dev.omnichannel.e2e.support.GatewayDatabase;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.testing.ServiceReplica;
import dev.omnichannel.testing.LocalStack;
import java.io.File;
import java.time.Duration;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The personalized view is read from the gateway's model of the services' events: a write made
 * through any replica is in the next read on any channel and any replica, without waiting; the view
 * is whole with a service stopped and after a fresh start; it is rebuilt from the topics alone; an
 * erased customer leaves nothing in it. Over the running suite, with a second gateway replica.
 */
class ViewFromEventsIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SKU = "HEADLAMP-300";
    static final String STORE = "paris-bastille";

    @Test
    void a_write_through_one_replica_is_in_the_very_next_read_through_the_other_on_another_channel() {
        Stock.ensureAtLeast(SKU, STORE, 12);
        try (ServiceReplica replica = ServiceReplica.start(new File(System.getProperty("omni.root", "..")), "gateway", 8090,
                Map.of("OMNI_RATE_LIMIT_ENABLED", "false"), new File("target/gateway-replica.log"))) {
            for (int quantity = 1; quantity <= 5; quantity++) {
                ALICE_ON_MOBILE.api().body(Map.of("quantity", quantity)).put("/me/cart/items/{sku}", SKU)
                        .then().statusCode(200);
                JsonPath view = ALICE_ON_WEB.apiAt(replica.url()).get("/me/view").then().statusCode(200)
                        .extract().jsonPath();
                assertEquals(quantity, view.getInt("cart.items.find { it.sku == '" + SKU + "' }.quantity"),
                        "the laptop's next view, through the other replica, holds the phone's cart");
            }
            ALICE_ON_MOBILE.api().delete("/me/cart/items/{sku}", SKU).then().statusCode(200);

            for (int round = 0; round < 5; round++) {
                int before = availableThrough(LocalStack.GATEWAY);
                String reservation = ALICE_ON_WEB.apiAt(replica.url())
                        .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", SKU, "quantity", 1))))
                        .post("/reservations").then().statusCode(201).extract().path("id");
                assertEquals(before - 1, availableThrough(LocalStack.GATEWAY),
                        "the next availability read, through the other replica, shows the unit taken");
                assertTrue(ALICE_ON_MOBILE.api().get("/me/view").then().statusCode(200).extract().jsonPath()
                        .getList("reservations.id").contains(reservation), "and the next view holds the reservation");
                ALICE_ON_MOBILE.api().delete("/reservations/{id}", reservation).then().statusCode(200);
                assertEquals(before, availableThrough(replica.url()), "the cancellation is seen at once too");
            }

            String text = "Is the headlamp waterproof? " + UUID.randomUUID();
            ALICE_ON_WEB.apiAt(replica.url()).body(Map.of("subject", "Headlamp", "text", text))
                    .post("/me/conversations").then().statusCode(201);
            assertTrue(ALICE_ON_MOBILE.api().get("/me/view").then().statusCode(200).extract().jsonPath()
                    .getList("conversation.lastMessages.text").contains(text), "the message is in the next view");

            String preferred = ALICE_ON_WEB.api().get("/me/view").then().extract().path("customer.preferredStoreId");
            String other = "paris-louvre".equals(preferred) ? "lyon-part-dieu" : "paris-louvre";
            ALICE_ON_MOBILE.api().body(Map.of("preferredStoreId", other)).patch("/me/preferences").then().statusCode(200);
            assertEquals(other, ALICE_ON_WEB.apiAt(replica.url()).get("/me/view").then().statusCode(200)
                    .extract().path("customer.preferredStoreId"), "the preferences changed on the phone");
            ALICE_ON_MOBILE.api().body(Map.of("preferredStoreId", preferred)).patch("/me/preferences").then().statusCode(200);
        }
    }

    @Test
    void with_each_service_stopped_the_view_is_whole_and_says_when_each_part_last_changed() {
        ALICE_ON_WEB.api().body(Map.of("quantity", 1)).put("/me/cart/items/{sku}", SKU).then().statusCode(200);
        JsonNode before = settledViewOf(ALICE_ON_WEB);
        for (String service : List.of("customer-service", "inventory-service", "messaging-service")) {
            Stack.stop(service);
            try {
                JsonPath view = ALICE_ON_WEB.api().get("/me/view").then().statusCode(200).extract().jsonPath();
                assertFalse(view.getBoolean("partial"), "whole without " + service);
                assertNotNull(view.getString("asOf.customer"), "the profile says when it last changed");
                assertNotNull(view.getString("asOf.cart"), "the cart says when it last changed");
                assertNotNull(view.getString("asOf.offers"), "the offers say how recent they are");
                assertEquals(before, withoutAsOf(viewOf(ALICE_ON_WEB)), "the same view without " + service);
            } finally {
                Stack.start(service);
            }
        }
        ALICE_ON_WEB.api().delete("/me/cart/items/{sku}", SKU).then().statusCode(200);
    }

    @Test
    void the_first_view_after_a_fresh_start_is_whole_and_a_rebuilt_model_gives_the_same_views() {
        ALICE_ON_WEB.api().body(Map.of("quantity", 2)).put("/me/cart/items/{sku}", SKU).then().statusCode(200);
        BOB_ON_WEB.api().put("/me/wishlist/{sku}", SKU).then().statusCode(200);
        JsonNode alice = settledViewOf(ALICE_ON_WEB);
        JsonNode bob = settledViewOf(BOB_ON_WEB);

        Stack.stop("gateway");
        Stack.start("gateway"); // ready only once its models caught up with the topics
        JsonPath first = ALICE_ON_WEB.api().get("/me/view").then().statusCode(200).extract().jsonPath();
        assertFalse(first.getBoolean("partial"), "the first view after a start is whole");
        assertEquals(alice, withoutAsOf(viewOf(ALICE_ON_WEB)));

        Stack.stop("gateway");
        GatewayDatabase.emptyTheViewModel();
        Stack.start("gateway");
        assertEquals(alice, withoutAsOf(viewOf(ALICE_ON_WEB)), "alice's view rebuilt from the topics");
        assertEquals(bob, withoutAsOf(viewOf(BOB_ON_WEB)), "bob's view rebuilt from the topics");

        ALICE_ON_WEB.api().delete("/me/cart/items/{sku}", SKU).then().statusCode(200);
        BOB_ON_WEB.api().delete("/me/wishlist/{sku}", SKU).then().statusCode(200);
    }

    @Test
    void an_erased_customer_leaves_nothing_in_the_view_model() {
        String username = "erased-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomers(List.of(username));
        Caller customer = Caller.user("storefront", username);
        String id = customer.customerId();
        customer.api().body(Map.of("quantity", 1)).put("/me/cart/items/{sku}", SKU).then().statusCode(200);
        customer.api().body(Map.of("subject", "Hello", "text", "A question")).post("/me/conversations")
                .then().statusCode(201);
        assertTrue(GatewayDatabase.rowsAbout(id) > 0, "the model holds the customer");

        customer.api().delete("/me").then().statusCode(204);

        dev.omnichannel.e2e.support.Eventually.eventually().alias("the erasure reaches the view model")
                .until(() -> GatewayDatabase.rowsAbout(id) == 0);
    }

    private static int availableThrough(String gateway) {
        return ALICE_ON_MOBILE.apiAt(gateway).get("/products/{sku}/availability?storeId={store}", SKU, STORE)
                .then().statusCode(200).extract().path("[0].available");
    }

    private static JsonNode viewOf(Caller caller) {
        try {
            return JSON.readTree(caller.api().get("/me/view").then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The view once what earlier steps set going (a notification still being sent, say) has stopped changing it: the
     * same content twice, two seconds apart. What is compared to it is about the services stopped, not about those.
     */
    private static JsonNode settledViewOf(Caller caller) {
        AtomicReference<JsonNode> last = new AtomicReference<>(withoutAsOf(viewOf(caller)));
        Eventually.eventually().pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> last.get().equals(last.getAndSet(withoutAsOf(viewOf(caller)))));
        return last.get();
    }

    /** The content of a view: when each part last changed may differ between its sources, the content may not. */
    private static JsonNode withoutAsOf(JsonNode view) {
        ((ObjectNode) view).remove("asOf");
        return view;
    }
}
