package dev.omnichannel.inventory.catalog.events;

import dev.omnichannel.inventory.catalog.domain.Promotion;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.LocationChanged;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Products, promotions and locations on the compacted {@code inventory.catalog}, through the outbox:
 * the whole product, promotion or location after each change, keyed so the latest state of each one wins.
 */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;

    CatalogEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(ProductChanged product) {
        return outbox.publish(Topics.INVENTORY_CATALOG, ProductChanged.key(product.sku()), product).replaceWithVoid();
    }

    public Uni<Void> publish(Promotion promotion) {
        return outbox.publish(Topics.INVENTORY_CATALOG, PromotionChanged.key(promotion.id()), new PromotionChanged(
                promotion.id(), promotion.name(), promotion.kind(), promotion.value(), promotion.segment(),
                promotion.from(), promotion.to(), promotion.allProducts(), List.copyOf(promotion.skus()),
                promotion.version())).replaceWithVoid();
    }

    public Uni<Void> publish(LocationChanged location) {
        return outbox.publish(Topics.INVENTORY_CATALOG, LocationChanged.key(location.id()), location).replaceWithVoid();
    }
}
