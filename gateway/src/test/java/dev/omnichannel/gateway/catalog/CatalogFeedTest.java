package dev.omnichannel.gateway.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.omnichannel.gateway.catalog.service.CatalogModel;
import dev.omnichannel.gateway.support.Events;
import dev.omnichannel.gateway.support.GatewayTestStack;
import dev.omnichannel.gateway.support.StockLevels;
import dev.omnichannel.shared.events.inventory.LocationChanged;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The catalogue feed reads products and promotions and passes over what else inventory.catalog carries. */
@QuarkusTest
@WithTestResource(GatewayTestStack.class)
class CatalogFeedTest {

    @Inject
    CatalogModel model;

    @Test
    void a_location_on_the_catalog_topic_is_passed_over_and_the_products_after_it_are_read() {
        String sku = StockLevels.newSku("LANTERN");
        String location = "t-" + sku.toLowerCase();
        Events.publish(GatewayTestStack.CATALOG_TOPIC, LocationChanged.key(location), new LocationChanged(location,
                "Lille Grand Place", "store", new LocationChanged.Address("1 place du Général de Gaulle", "59800", "Lille", "FR"),
                1));
        Events.publish(GatewayTestStack.CATALOG_TOPIC, ProductChanged.key(sku),
                new ProductChanged(sku, "Lantern", "", new BigDecimal("19.90"), "EUR", 1));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> model.product(sku) != null);
        assertEquals("Lantern", model.product(sku).name());
        assertNull(model.product(location), "a location is no product");
    }
}
