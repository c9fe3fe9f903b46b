package dev.omnichannel.gateway.support;

import dev.omnichannel.gateway.catalog.service.CatalogModel;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import dev.omnichannel.shared.events.inventory.PromotionKind;
import io.quarkus.arc.Arc;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;

/** Products as inventory publishes them on the catalogue topic, known to the running gateway before a test goes on. */
public final class Catalogue {

    private Catalogue() {
    }

    public static void product(String sku, String name, String price) {
        Events.publish(GatewayTestStack.CATALOG_TOPIC, ProductChanged.key(sku),
                new ProductChanged(sku, name, "", new BigDecimal(price), "EUR", 1));
        CatalogModel catalog = Arc.container().instance(CatalogModel.class).get();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> catalog.product(sku) != null);
    }

    public static void promotion(String id, String segment, String percent, String sku) {
        Events.publish(GatewayTestStack.CATALOG_TOPIC, PromotionChanged.key(id), new PromotionChanged(id, id,
                PromotionKind.PERCENTAGE, new BigDecimal(percent), segment, Instant.now().minus(1, ChronoUnit.DAYS), null,
                false, List.of(sku), 1));
    }
}
