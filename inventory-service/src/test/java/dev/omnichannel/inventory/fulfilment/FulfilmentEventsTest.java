package dev.omnichannel.inventory.fulfilment;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each step of a reservation or an order is published on the real inventory.fulfilment topic, keyed by
 * its id, with a version one higher than the step before: the version the REST answer of the step carries.
 */
@QuarkusTest
class FulfilmentEventsTest {

    @Test
    void each_reservation_step_is_published_with_lines_prices_customer_and_channel() {
        String store = Fixtures.store();
        String sku = Fixtures.product("100.00");
        Fixtures.receive(store, sku, 3);
        asGateway().body(Map.of("name", "10 %", "kind", "percentage", "value", "10",
                "from", Instant.now().minusSeconds(60).toString(), "skus", List.of(sku)))
                .put("/promotions/P-" + sku).then().statusCode(200);
        String customer = UUID.randomUUID().toString();

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            Response created = asGateway("mobile", "customer:" + customer)
                    .body(Map.of("customerId", customer, "storeId", store, "lines", List.of(Map.of("sku", sku, "quantity", 2))))
                    .post("/reservations");
            String id = created.path("id");
            asGateway().post("/reservations/" + id + "/ready").then().statusCode(200);
            asGateway().body(Map.of("minutes", 30)).post("/reservations/" + id + "/extend").then().statusCode(200);
            asGateway().body(Map.of("pickupCode", created.path("pickupCode").toString()))
                    .post("/reservations/" + id + "/collect").then().statusCode(200);

            fulfilment.await(r -> id.equals(r.key()) && r.type().equals("reservation.collected"));
            List<TopicProbe.Received> steps = fulfilment.all(r -> id.equals(r.key()), Duration.ZERO);
            assertEquals(List.of("reservation.confirmed", "reservation.ready", "reservation.extended", "reservation.collected"),
                    steps.stream().map(TopicProbe.Received::type).toList());
            var confirmed = steps.getFirst().data();
            assertEquals(customer, confirmed.path("customerId").asText());
            assertEquals(store, confirmed.path("storeId").asText());
            assertEquals("mobile", confirmed.path("channel").asText());
            assertEquals("CONFIRMED", confirmed.path("status").asText());
            assertEquals(sku, confirmed.path("lines").get(0).path("sku").asText());
            assertEquals(2, confirmed.path("lines").get(0).path("quantity").asInt());
            assertEquals(90.0, confirmed.path("lines").get(0).path("unitPrice").asDouble());
            assertEquals(180.0, confirmed.path("total").asDouble());
            assertEquals("EUR", confirmed.path("currency").asText());
            assertEquals(created.path("pickupCode").toString(), confirmed.path("pickupCode").asText());
            assertEquals("click-and-collect", confirmed.path("holdType").asText());
            assertEquals(Instant.parse(created.path("pickupWindow.from")),
                    Instant.parse(confirmed.path("pickupWindow").path("from").asText()));
            assertEquals(Instant.parse(created.path("pickupWindow.to")),
                    Instant.parse(confirmed.path("pickupWindow").path("to").asText()));
            assertEquals(Instant.parse(created.path("createdAt")), Instant.parse(confirmed.path("createdAt").asText()));
            assertEquals("COLLECTED", steps.getLast().data().path("status").asText());
            assertEquals(List.of(1L, 2L, 3L, 4L), steps.stream().map(r -> r.data().path("version").asLong()).toList());
        }
    }

    @Test
    void a_reservation_confirmed_then_cancelled_carries_versions_1_then_2_in_its_events_and_its_answers() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        Fixtures.receive(store, sku, 2);

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            Response created = asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                    "holdType", "cart", "lines", List.of(Map.of("sku", sku, "quantity", 1)))).post("/reservations");
            created.then().statusCode(201).body("version", equalTo(1));
            String id = created.path("id");
            asGateway().delete("/reservations/" + id).then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("version", equalTo(2));

            fulfilment.await(r -> id.equals(r.key()) && r.type().equals("reservation.cancelled"));
            List<TopicProbe.Received> steps = fulfilment.all(r -> id.equals(r.key()), Duration.ZERO);
            assertEquals(List.of("reservation.confirmed", "reservation.cancelled"),
                    steps.stream().map(TopicProbe.Received::type).toList());
            assertEquals(List.of(1L, 2L), steps.stream().map(r -> r.data().path("version").asLong()).toList());
            assertEquals("cart", steps.getFirst().data().path("holdType").asText());
            assertTrue(steps.getFirst().data().path("pickupWindow").isNull(), "a cart hold has no pickup window");

            // cancelling again changes nothing, the version included, and publishes nothing
            asGateway().delete("/reservations/" + id).then().statusCode(200).body("version", equalTo(2));
            asGateway().get("/reservations/" + id).then().statusCode(200).body("version", equalTo(2));
            assertEquals(2, fulfilment.all(r -> id.equals(r.key()), Duration.ofSeconds(1)).size());
        }
    }

    @Test
    void each_order_step_is_published_with_its_allocations() {
        String store = Fixtures.location("store", -60, 100, List.of("sells", "pickup", "ship-from"));
        String source = Fixtures.location("warehouse", -60.1, 100, List.of("ship-from"));
        String sku = Fixtures.product("20.00");
        Fixtures.receive(source, sku, 2);

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            String id = asGateway("kiosk", "kiosk:" + store)
                    .body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 2)), "deliverTo", Map.of("storeId", store)))
                    .post("/orders").then().statusCode(201).extract().path("id");
            for (String status : List.of("SHIPPED", "DELIVERED", "COLLECTED")) {
                asGateway().body(Map.of("status", status)).post("/orders/" + id + "/status").then().statusCode(200);
            }

            fulfilment.await(r -> id.equals(r.key()) && r.type().equals("order.collected"));
            List<TopicProbe.Received> steps = fulfilment.all(r -> id.equals(r.key()), Duration.ZERO);
            assertEquals(List.of("order.created", "order.shipped", "order.delivered", "order.collected"),
                    steps.stream().map(TopicProbe.Received::type).toList());
            var created = steps.getFirst().data();
            assertEquals(store, created.path("deliverToStoreId").asText());
            assertEquals(source, created.path("allocations").get(0).path("storeId").asText());
            assertEquals("kiosk", created.path("channel").asText());
            assertEquals(40.0, created.path("total").asDouble());
        }
    }

    @Test
    void an_order_carries_a_version_one_higher_at_each_step_in_its_events_and_its_answers() {
        String store = Fixtures.location("store", -61, 100, List.of("sells", "pickup", "ship-from"));
        String source = Fixtures.location("warehouse", -61.1, 100, List.of("ship-from"));
        String sku = Fixtures.product("20.00");
        Fixtures.receive(source, sku, 1);

        try (TopicProbe fulfilment = TopicProbe.open(Topics.INVENTORY_FULFILMENT)) {
            Response created = asGateway("kiosk", "kiosk:" + store)
                    .body(Map.of("lines", List.of(Map.of("sku", sku, "quantity", 1)), "deliverTo", Map.of("storeId", store)))
                    .post("/orders");
            created.then().statusCode(201).body("version", equalTo(1));
            String id = created.path("id");
            asGateway().body(Map.of("status", "SHIPPED")).post("/orders/" + id + "/status")
                    .then().statusCode(200).body("version", equalTo(2));
            asGateway().body(Map.of("status", "DELIVERED")).post("/orders/" + id + "/status")
                    .then().statusCode(200).body("version", equalTo(3));
            // the same status again changes nothing
            asGateway().body(Map.of("status", "DELIVERED")).post("/orders/" + id + "/status")
                    .then().statusCode(200).body("version", equalTo(3));

            fulfilment.await(r -> id.equals(r.key()) && r.type().equals("order.delivered"));
            List<TopicProbe.Received> steps = fulfilment.all(r -> id.equals(r.key()), Duration.ofSeconds(1));
            assertEquals(List.of("order.created", "order.shipped", "order.delivered"),
                    steps.stream().map(TopicProbe.Received::type).toList());
            assertEquals(List.of(1L, 2L, 3L), steps.stream().map(r -> r.data().path("version").asLong()).toList());
            assertEquals(Instant.parse(created.path("createdAt")),
                    Instant.parse(steps.getLast().data().path("createdAt").asText()));
        }
    }
}
