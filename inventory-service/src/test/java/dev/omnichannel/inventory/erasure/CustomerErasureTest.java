package dev.omnichannel.inventory.erasure;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.inventory.support.Api;
import dev.omnichannel.inventory.support.Events;
import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code customer.erased} on customer.events removes what inventory holds of the customer's personal data. */
@QuarkusTest
class CustomerErasureTest {

    private static final String CONSUMER = "inventory-service:customer-events";

    @Inject
    ObjectMapper mapper;

    @Test
    void an_erased_customer_has_no_review_and_no_home_address_left_and_a_second_delivery_changes_nothing() {
        double lat = -60 - Math.random() * 10;
        double lon = 100 + Math.random() * 10;
        String shipping = Fixtures.location("store", lat, lon, List.of("sells", "pickup", "ship-from", "returns"));
        String sku = Fixtures.product("30.00");
        Fixtures.receive(shipping, sku, 5);
        String jane = UUID.randomUUID().toString();
        String street = "12 impasse " + jane;
        String idempotencyKey = "order-" + jane;
        Map<String, Object> janesOrder = homeOrder(jane, street, lat, lon, sku);
        String orderId = order(janesOrder, idempotencyKey).then().statusCode(201)
                .body("deliverTo.address.street", equalTo(street)).extract().path("id");
        String other = UUID.randomUUID().toString();
        String othersOrder = order(homeOrder(other, "1 rue Voisine", lat, lon, sku), null).then().statusCode(201)
                .extract().path("id");
        review(sku, jane, 1, "Broke in a week. Jane, from the impasse").then().statusCode(201);
        review(sku, other, 5, "Great").then().statusCode(201);
        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("reviews.count", equalTo(2)).body("reviews.average", equalTo(3.0f));

        CloudEvent erased = erase(jane);
        Events.awaitProcessed(CONSUMER, erased);

        assertEquals(0, Ledger.count("SELECT count(*) FROM product_review WHERE customer_id = CAST(? AS uuid)", jane));
        asGateway().queryParam("customerId", jane).get("/reviews").then().statusCode(200).body("total", equalTo(0));
        asGateway().get("/products/" + sku).then().statusCode(200)
                .body("reviews.count", equalTo(1)).body("reviews.average", equalTo(5.0f))
                .body("reviews.latest.text", contains("Great"));
        asGateway().get("/products/" + sku + "/reviews").then().statusCode(200)
                .body("total", equalTo(1)).body("average", equalTo(5.0f));
        // the order stays, for the stock ledger, without its address (coordinates included)
        assertEquals(1, Ledger.count("SELECT count(*) FROM fulfilment_order WHERE id = CAST(? AS uuid)"
                + " AND address_erased_at IS NOT NULL AND num_nonnulls(address_street, address_postal_code,"
                + " address_city, address_country, address_lat, address_lon) = 0", orderId), "the address is left");
        asGateway().get("/orders/" + orderId).then().statusCode(200)
                .body("deliverTo", not(hasKey("address"))).body("deliverTo", not(hasKey("storeId")))
                .body("lines", hasSize(1)).body("lines[0].sku", equalTo(sku))
                .body("status", equalTo("CREATED"));
        // nor in the answer kept for a retry: the retry replays it, without the address, and orders nothing more
        assertEquals(0, Ledger.count("SELECT count(*) FROM idempotency_record WHERE strpos(response, ?) > 0", street));
        order(janesOrder, idempotencyKey).then().body("id", equalTo(orderId)).body("deliverTo", not(hasKey("address")));
        assertEquals(1, Ledger.count("SELECT count(*) FROM fulfilment_order WHERE customer_id = CAST(? AS uuid)", jane));
        // another customer keeps theirs
        asGateway().get("/orders/" + othersOrder).then().statusCode(200)
                .body("deliverTo.address.street", equalTo("1 rue Voisine"));

        String before = state(jane);
        Events.publish(mapper, Topics.CUSTOMER_EVENTS, erased);
        // a later erasure of the same customer (same key, same partition) is read after the redelivery
        Events.awaitProcessed(CONSUMER, erase(jane));
        assertEquals(before, state(jane), "a second delivery changed something");
        assertEquals(1, Ledger.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                CONSUMER, erased.id()));
    }

    private CloudEvent erase(String customerId) {
        CloudEvent event = CloudEvent.of(mapper, "urn:omnichannel:test", customerId, new CustomerErased(customerId));
        Events.publish(mapper, Topics.CUSTOMER_EVENTS, event);
        return event;
    }

    /** Everything the erasure could have changed of the customer's. */
    private static String state(String customerId) {
        return Ledger.text("""
                SELECT concat_ws(' / ',
                    (SELECT count(*) FROM product_review WHERE customer_id = CAST(? AS uuid)),
                    (SELECT string_agg(concat_ws('|', id, status, version, updated_at, address_erased_at, address_street,
                            address_lat), ',' ORDER BY id) FROM fulfilment_order WHERE customer_id = CAST(? AS uuid)),
                    (SELECT string_agg(md5(response), ',' ORDER BY key) FROM idempotency_record WHERE strpos(response, ?) > 0))
                """, customerId, customerId, customerId);
    }

    private static Map<String, Object> homeOrder(String customerId, String street, double lat, double lon, String sku) {
        return Map.of("customerId", customerId, "lines", List.of(Map.of("sku", sku, "quantity", 1)),
                "deliverTo", Map.of("address", Map.of("street", street, "postalCode", "75020", "city", "Paris",
                        "country", "FR", "lat", lat + 0.01, "lon", lon)));
    }

    private static Response order(Map<String, Object> order, String idempotencyKey) {
        var request = Api.asGateway("web", "customer:" + order.get("customerId")).body(order);
        return (idempotencyKey == null ? request : request.header(ForwardedHeaders.IDEMPOTENCY_KEY, idempotencyKey))
                .post("/orders");
    }

    private static Response review(String sku, String customerId, int rating, String text) {
        return asGateway("web", "customer:" + customerId).body(Map.of("rating", rating, "text", text))
                .put("/products/" + sku + "/reviews/" + customerId);
    }
}
