package dev.omnichannel.gateway.catalog.service;

import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Products and promotions as the compacted {@code inventory.catalog} topic tells them, the highest
 * version of each winning: prices and offers for the personalized view without asking inventory.
 */
@ApplicationScoped
public class CatalogModel {

    private final Map<String, ProductChanged> products = new ConcurrentHashMap<>();
    private final Map<String, PromotionChanged> promotions = new ConcurrentHashMap<>();

    public void apply(ProductChanged product) {
        products.merge(product.sku(), product, (known, incoming) -> incoming.version() > known.version() ? incoming : known);
    }

    public void apply(PromotionChanged promotion) {
        promotions.merge(promotion.id(), promotion,
                (known, incoming) -> incoming.version() > known.version() ? incoming : known);
    }

    /** A tombstone on the compacted topic ({@code product:<sku>} or {@code promotion:<id>}): that entry is gone. */
    public void remove(String key) {
        if (key.startsWith("product:")) {
            products.remove(key.substring("product:".length()));
        } else if (key.startsWith("promotion:")) {
            promotions.remove(key.substring("promotion:".length()));
        }
    }

    public ProductChanged product(String sku) {
        return products.get(sku);
    }

    /**
     * A SKU a customer may put in a cart or a wishlist: one the catalogue sells, else a 404 (a line of
     * a product since withdrawn may still be taken out, so callers check only what they add).
     */
    public Uni<Void> requireProduct(String sku) {
        return products.containsKey(sku) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.notFound("No product " + sku + " in the catalogue"));
    }

    /** The promotions in effect at {@code now} for everyone and for these segments, by id. */
    public List<PromotionChanged> offers(List<String> segments, Instant now) {
        return promotions.values().stream()
                .filter(promotion -> promotion.activeAt(now) && promotion.offeredTo(segments))
                .sorted(Comparator.comparing(PromotionChanged::id))
                .toList();
    }

    /** What one unit costs a customer of these segments now: the lowest promotional price, else the price. */
    public BigDecimal unitPrice(ProductChanged product, List<PromotionChanged> offers) {
        BigDecimal price = product.price();
        for (PromotionChanged offer : offers) {
            if (offer.appliesTo(product.sku())) {
                BigDecimal promotional = offer.priceOf(product.price());
                if (promotional.compareTo(price) < 0) {
                    price = promotional;
                }
            }
        }
        return price;
    }
}
