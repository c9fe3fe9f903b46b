package dev.omnichannel.inventory.catalog;

import static dev.omnichannel.inventory.support.Api.asGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.inventory.catalog.events.CatalogPublisher;
import dev.omnichannel.inventory.support.Fixtures;
import dev.omnichannel.inventory.support.Ledger;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.LocationChanged;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import dev.omnichannel.shared.events.inventory.PromotionKind;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every product, promotion and location change is on the real, compacted inventory.catalog topic, with its version. */
@QuarkusTest
class CatalogEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    CatalogPublisher publisher;

    @Test
    void putting_a_product_publishes_it_and_putting_it_again_publishes_the_next_version() throws Exception {
        String sku = Fixtures.uniqueSku();
        String key = ProductChanged.key(sku);

        try (TopicProbe catalog = TopicProbe.open(Topics.INVENTORY_CATALOG)) {
            putProduct(sku, "Lantern", "19.90");
            putProduct(sku, "Lantern, rechargeable", "24.90");

            catalog.await(r -> key.equals(r.key()) && r.data().path("version").asLong() == 2);
            List<TopicProbe.Received> events = catalog.all(r -> key.equals(r.key()), Duration.ZERO);
            assertEquals(List.of(ProductChanged.TYPE, ProductChanged.TYPE), events.stream().map(TopicProbe.Received::type).toList());
            ProductChanged first = JSON.treeToValue(events.getFirst().data(), ProductChanged.class);
            assertEquals(new ProductChanged(sku, "Lantern", "A lantern", first.price(), "EUR", 1), first);
            assertEquals(0, new BigDecimal("19.90").compareTo(first.price()));
            ProductChanged second = JSON.treeToValue(events.getLast().data(), ProductChanged.class);
            assertEquals(new ProductChanged(sku, "Lantern, rechargeable", "A lantern", second.price(), "EUR", 2), second);
            assertEquals(0, new BigDecimal("24.90").compareTo(second.price()));
        }
    }

    @Test
    void putting_a_promotion_publishes_it_with_its_skus_and_putting_it_again_publishes_the_next_version() throws Exception {
        String sku = Fixtures.product("40.00");
        String id = "PROMO-EV-" + sku;
        String key = PromotionChanged.key(id);
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        // a segment of its own: the other tests' prices stay as they are
        String segment = "segment-" + sku.toLowerCase();

        try (TopicProbe catalog = TopicProbe.open(Topics.INVENTORY_CATALOG)) {
            asGateway().body(Map.of("name", "10 %", "kind", "percentage", "value", "10", "segment", segment,
                    "from", from.toString(), "skus", List.of(sku)))
                    .put("/promotions/" + id).then().statusCode(200);
            asGateway().body(Map.of("name", "5 euros off everything", "kind", "fixed", "value", "5.00",
                    "segment", segment, "from", from.toString(), "allProducts", true))
                    .put("/promotions/" + id).then().statusCode(200);

            catalog.await(r -> key.equals(r.key()) && r.data().path("version").asLong() == 2);
            List<TopicProbe.Received> events = catalog.all(r -> key.equals(r.key()), Duration.ZERO);
            assertEquals(List.of(PromotionChanged.TYPE, PromotionChanged.TYPE),
                    events.stream().map(TopicProbe.Received::type).toList());
            PromotionChanged first = JSON.treeToValue(events.getFirst().data(), PromotionChanged.class);
            assertEquals(new PromotionChanged(id, "10 %", PromotionKind.PERCENTAGE, first.value(), segment, from, null,
                    false, List.of(sku), 1), first);
            assertEquals(0, new BigDecimal("10").compareTo(first.value()));
            PromotionChanged second = JSON.treeToValue(events.getLast().data(), PromotionChanged.class);
            assertEquals(2, second.version());
            assertEquals(PromotionKind.FIXED, second.kind());
            assertTrue(second.allProducts());
            assertEquals(List.of(), second.skus());
            assertEquals(segment, second.segment());
        }
    }

    @Test
    void products_and_promotions_stored_before_the_catalog_events_are_published_once_at_start_up() throws Throwable {
        String sku = Fixtures.product("12.00");
        String id = "PROMO-OLD-" + sku;
        asGateway().body(Map.of("name", "old", "kind", "percentage", "value", "20",
                "from", Instant.now().minusSeconds(60).toString(), "skus", List.of(sku)))
                .put("/promotions/" + id).then().statusCode(200);
        // as the migration leaves the rows that existed before it: never published
        Ledger.execute("UPDATE product SET published_version = 0 WHERE sku = ?", sku);
        Ledger.execute("UPDATE promotion SET published_version = 0 WHERE id = ?", id);

        try (TopicProbe catalog = TopicProbe.open(Topics.INVENTORY_CATALOG)) {
            assertEquals(2, VertxContextSupport.<Integer>subscribeAndAwait(() -> publisher.publishUnpublished()));
            assertEquals(0, VertxContextSupport.<Integer>subscribeAndAwait(() -> publisher.publishUnpublished()),
                    "published once");

            assertEquals(1, catalog.await(r -> ProductChanged.key(sku).equals(r.key())).data().path("version").asLong());
            assertEquals(sku, catalog.await(r -> PromotionChanged.key(id).equals(r.key())).data().path("skus").get(0).asText());
            assertEquals(2, catalog.all(r -> r.key().endsWith(sku), Duration.ofSeconds(1)).size());
        }
    }

    @Test
    void putting_a_location_publishes_its_name_type_and_address_and_putting_it_again_publishes_the_next_version()
            throws Exception {
        String id = Fixtures.uniqueLocationId();
        String key = LocationChanged.key(id);

        try (TopicProbe catalog = TopicProbe.open(Topics.INVENTORY_CATALOG)) {
            putLocation(id, "Lille Grand Place", Map.of("street", "1 place du Général de Gaulle", "postalCode", "59800",
                    "city", "Lille", "country", "FR"));
            putLocation(id, "Lille Centre", null);

            catalog.await(r -> key.equals(r.key()) && r.data().path("version").asLong() == 2);
            List<TopicProbe.Received> events = catalog.all(r -> key.equals(r.key()), Duration.ZERO);
            assertEquals(List.of(LocationChanged.TYPE, LocationChanged.TYPE), events.stream().map(TopicProbe.Received::type).toList());
            assertEquals(new LocationChanged(id, "Lille Grand Place", "store", new LocationChanged.Address(
                    "1 place du Général de Gaulle", "59800", "Lille", "FR"), 1),
                    JSON.treeToValue(events.getFirst().data(), LocationChanged.class));
            assertEquals(new LocationChanged(id, "Lille Centre", "store", null, 2),
                    JSON.treeToValue(events.getLast().data(), LocationChanged.class), "renamed, without an address now");
        }
    }

    @Test
    void locations_stored_before_the_location_events_are_published_once_at_start_up() throws Throwable {
        String id = Fixtures.store();
        // as the migration leaves the locations that existed before it: version 1, never published
        Ledger.execute("UPDATE location SET version = 1, published_version = 0 WHERE id = ?", id);

        try (TopicProbe catalog = TopicProbe.open(Topics.INVENTORY_CATALOG)) {
            assertEquals(1, VertxContextSupport.<Integer>subscribeAndAwait(() -> publisher.publishUnpublished()));
            assertEquals(0, VertxContextSupport.<Integer>subscribeAndAwait(() -> publisher.publishUnpublished()),
                    "published once");

            TopicProbe.Received published = catalog.await(r -> LocationChanged.key(id).equals(r.key()));
            assertEquals(LocationChanged.TYPE, published.type());
            assertEquals("Test " + id, published.data().path("name").asText());
            assertEquals("Paris", published.data().path("address").path("city").asText());
            assertEquals(1, published.data().path("version").asLong());
            assertEquals(1, catalog.all(r -> LocationChanged.key(id).equals(r.key()), Duration.ofSeconds(1)).size());
        }
    }

    private static void putLocation(String id, String name, Map<String, String> address) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", name, "type", "store",
                "location", Map.of("lat", 50.6366, "lon", 3.0635), "capabilities", List.of("sells", "pickup")));
        if (address != null) {
            body.put("address", address);
        }
        asGateway().body(body).put("/locations/" + id).then().statusCode(200);
    }

    private static void putProduct(String sku, String name, String price) {
        asGateway().body(Map.of("name", name, "description", "A lantern", "price", price, "currency", "EUR"))
                .put("/products/" + sku).then().statusCode(200);
    }
}
