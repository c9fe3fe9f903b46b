package dev.omnichannel.inventory.stock;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every stock change reaches the real inventory.stock topic, keyed sku@location, with the level's version. */
@QuarkusTest
class StockEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void each_stock_change_appears_on_the_topic_with_its_key_and_an_increasing_version() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        String key = sku + "@" + store;

        try (TopicProbe stock = TopicProbe.open(Topics.INVENTORY_STOCK)) {
            Fixtures.receive(store, sku, 5);
            String reservation = asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                    "lines", List.of(Map.of("sku", sku, "quantity", 2)))).post("/reservations").then().statusCode(201)
                    .extract().path("id");
            asGateway().delete("/reservations/" + reservation).then().statusCode(200);
            asGateway().body(Map.of("storeId", store, "sku", sku, "quantity", -1, "reason", "broken on the shelf"))
                    .post("/stock/adjustments").then().statusCode(201);

            stock.await(r -> key.equals(r.key()) && r.data().path("version").asLong() == 4);
            List<TopicProbe.Received> events = stock.all(r -> key.equals(r.key()), Duration.ZERO);

            assertEquals(List.of("receipt", "reservation", "release", "adjustment"),
                    events.stream().map(r -> r.data().path("movementType").asText()).toList());
            assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(r -> r.data().path("version").asLong()).toList());
            assertEquals(List.of(5, 3, 5, 4), events.stream().map(r -> r.data().path("available").asInt()).toList());
            assertEquals(List.of(0, 2, 0, 0), events.stream().map(r -> r.data().path("reserved").asInt()).toList());
            TopicProbe.Received first = events.getFirst();
            assertEquals("stock.level-changed", first.type());
            assertEquals(key, first.event().path("subject").asText());
            assertEquals(sku, first.data().path("sku").asText());
            assertEquals(store, first.data().path("locationId").asText());
            assertEquals(reservation, events.get(1).data().path("reference").asText());
        }
    }

    @Test
    void a_stock_event_is_a_cloud_event_carrying_the_shared_stock_level_changed_record() throws Exception {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        String key = sku + "@" + store;

        try (TopicProbe stock = TopicProbe.open(Topics.INVENTORY_STOCK)) {
            Fixtures.receive(store, sku, 3);

            JsonNode raw = stock.await(r -> key.equals(r.key())).event();
            CloudEvent event = JSON.treeToValue(raw, CloudEvent.class);
            assertEquals(CloudEvent.SPEC_VERSION, event.specversion());
            assertEquals(StockLevelChanged.TYPE, event.type());
            assertEquals("urn:omnichannel:inventory-service", event.source());
            assertEquals(key, event.subject());
            assertEquals(CloudEvent.CONTENT_TYPE, event.datacontenttype());
            assertTrue(Duration.between(event.time(), Instant.now()).abs().toMinutes() < 5, "time is now: " + event.time());
            assertEquals(new StockLevelChanged(sku, store, 3, 0, 3, 0, 1, "receipt", 3, null),
                    event.dataAs(JSON, StockLevelChanged.class));
            UUID.fromString(event.id());
        }
    }

    @Test
    void a_refused_change_publishes_nothing() {
        String store = Fixtures.store();
        String sku = Fixtures.product();
        String key = sku + "@" + store;
        Fixtures.receive(store, sku, 1);

        try (TopicProbe stock = TopicProbe.open(Topics.INVENTORY_STOCK)) {
            asGateway().body(Map.of("customerId", UUID.randomUUID().toString(), "storeId", store,
                    "lines", List.of(Map.of("sku", sku, "quantity", 2)))).post("/reservations").then().statusCode(409);
            Fixtures.receive(store, sku, 1);

            // the refused reservation changed no level: the next movement is version 2, and nothing came between
            stock.await(r -> key.equals(r.key()) && r.data().path("version").asLong() == 2);
            assertEquals(List.of("receipt"), stock.all(r -> key.equals(r.key()) && r.data().path("version").asLong() >= 2,
                    Duration.ZERO).stream().map(r -> r.data().path("movementType").asText()).toList());
        }
    }
}
