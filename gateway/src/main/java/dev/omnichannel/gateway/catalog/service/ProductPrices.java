package dev.omnichannel.gateway.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.view.repository.ViewQueries;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import dev.omnichannel.shared.events.inventory.PromotionKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Product pages priced as the personalized view prices the cart, in one place: {@link CatalogModel}'s
 * offers for the caller's segments and its unit price. A signed-in customer's segments are those of
 * their view (the view model's row of the token's subject); anyone else, and a customer the model
 * does not know yet, gets the promotions for everyone. A product the catalogue model does not hold
 * yet keeps inventory-service's answer (promotions for everyone).
 */
@ApplicationScoped
public class ProductPrices {

    private static final Logger LOG = Logger.getLogger(ProductPrices.class);

    /** A promotion as a product carries it, with the price it gives that product (inventory's fields). */
    record Offer(String id, String name, PromotionKind kind, BigDecimal value, String segment, Instant from, Instant to,
            BigDecimal promotionalPrice) {
    }

    private final CatalogModel catalog;
    private final ViewQueries views;
    private final ObjectMapper json;

    public ProductPrices(CatalogModel catalog, ViewQueries views, ObjectMapper json) {
        this.catalog = catalog;
        this.views = views;
        this.json = json;
    }

    /** The promotions in effect now for this caller: everyone's, and a customer's segments'. */
    public Uni<List<PromotionChanged>> offersFor(Caller caller) {
        Uni<List<String>> segments = caller.isCustomer() && !caller.isAnonymous()
                ? views.segmentsOfSubject(caller.subject()).onFailure().recoverWithItem(failure -> {
                    LOG.debugf("product page without segments, the view model did not answer: %s", failure.toString());
                    return List.of();
                })
                : Uni.createFrom().item(List.<String>of());
        return segments.map(found -> catalog.offers(found, Instant.now()));
    }

    /**
     * Sets {@code price}, {@code promotions}, {@code promotionalPrice} (the best of them, null when none)
     * and {@code unitPrice} (what one unit costs this caller, as in their cart) on a product of inventory's answer.
     */
    public void price(JsonNode answer, List<PromotionChanged> offers) {
        if (!(answer instanceof ObjectNode product)) {
            return;
        }
        ProductChanged known = catalog.product(product.path("sku").asText());
        if (known == null) {
            JsonNode promotional = product.get("promotionalPrice");
            product.set("unitPrice", promotional == null || promotional.isNull() ? product.get("price") : promotional);
            return;
        }
        List<Offer> applying = offers.stream().filter(offer -> offer.appliesTo(known.sku()))
                .map(offer -> new Offer(offer.id(), offer.name(), offer.kind(), offer.value(), offer.segment(),
                        offer.from(), offer.to(), offer.priceOf(known.price())))
                .toList();
        product.put("price", known.price());
        product.put("currency", known.currency());
        product.set("promotions", json.valueToTree(applying));
        product.put("promotionalPrice", applying.stream().map(Offer::promotionalPrice)
                .min(Comparator.naturalOrder()).orElse(null));
        product.put("unitPrice", catalog.unitPrice(known, offers));
    }
}
