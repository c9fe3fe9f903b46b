package dev.omnichannel.inventory.fulfilment;

import static dev.omnichannel.inventory.testing.Api.asGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.inventory.testing.Fixtures;
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

/** Each step of a reservation or an order is published on the real inventory.fulfilment topic, keyed by its id. */
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
            assertEquals("COLLECTED", steps.getLast().data().path("status").asText());
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
}
