package dev.omnichannel.gateway.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.gateway.availability.domain.LocationAvailability;
import dev.omnichannel.gateway.availability.events.StockFeed;
import dev.omnichannel.gateway.availability.service.AvailabilityService;
import dev.omnichannel.gateway.availability.service.LocationDirectory;
import dev.omnichannel.gateway.availability.service.StockReadModel;
import dev.omnichannel.gateway.client.Json;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.interaction.events.InteractionPublisher;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Product pages the same on every channel: inventory-service's product (its reviews included) with
 * its availability per location, priced for the caller as their view prices their cart
 * ({@link ProductPrices}); a customer's view of it is an interaction.
 */
@ApplicationScoped
public class ProductPages {

    private final InventoryClient inventory;
    private final AvailabilityService availability;
    private final StockReadModel stock;
    private final StockFeed stockFeed;
    private final LocationDirectory locations;
    private final InteractionPublisher interactions;
    private final CallerContext context;
    private final ObjectMapper json;
    private final ProductPrices prices;

    public ProductPages(InventoryClient inventory, AvailabilityService availability, StockReadModel stock,
            StockFeed stockFeed, LocationDirectory locations, InteractionPublisher interactions, CallerContext context,
            ObjectMapper json, ProductPrices prices) {
        this.stockFeed = stockFeed;
        this.inventory = inventory;
        this.availability = availability;
        this.stock = stock;
        this.locations = locations;
        this.interactions = interactions;
        this.context = context;
        this.json = json;
        this.prices = prices;
    }

    /** The service's page of products, each priced for the caller and with its availability when the read model has it. */
    public Uni<JsonNode> search(String query, Integer page, Integer size) {
        return Uni.combine().all().unis(inventory.products(query, page, size), prices.offersFor(context.caller()))
                .asTuple().map(found -> {
                    JsonNode answer = found.getItem1();
                    for (JsonNode product : Json.items(answer)) {
                        prices.price(product, found.getItem2());
                        if (stockFeed.isCaughtUp() && product instanceof ObjectNode node) {
                            node.set("availability", json.valueToTree(
                                    stock.availableBySku(node.path("sku").asText()).entrySet().stream()
                                            .filter(level -> level.getValue() > 0)
                                            .map(level -> new LocationAvailability(level.getKey(), null, null,
                                                    level.getValue(), null))
                                            .toList()));
                        }
                    }
                    return answer;
                });
    }

    /** A product with {@code availability}: the locations that have it. */
    public Uni<JsonNode> product(String sku) {
        return Uni.combine().all().unis(inventory.product(sku), availability.ofSku(sku, null, null, null, null),
                prices.offersFor(context.caller()))
                .asTuple()
                .map(found -> {
                    ObjectNode product = (ObjectNode) found.getItem1();
                    prices.price(product, found.getItem3());
                    product.set("availability", json.valueToTree(inStock(found.getItem2())));
                    return (JsonNode) product;
                })
                .call(() -> recordFor(InteractionPublisher.PRODUCT_VIEW, sku, null));
    }

    /**
     * The page a shelf's QR code opens on a customer's phone: the product, its availability in this
     * store, and the stores nearby that have it.
     */
    public Uni<JsonNode> qrLanding(String sku, String storeId) {
        if (storeId == null || storeId.isBlank()) {
            return Uni.createFrom().failure(ProblemException.badRequest("storeId", "the store of the shelf is required"));
        }
        return locations.byId(storeId).chain(found -> {
            var store = found.orElseThrow(() -> ProblemException.notFound("No store " + storeId));
            return Uni.combine().all().unis(inventory.product(sku), availability.ofSku(sku, storeId, null, null, null),
                    availability.storesWithStockNear(sku, store), prices.offersFor(context.caller())).asTuple().map(parts -> {
                        ObjectNode page = json.createObjectNode();
                        JsonNode product = parts.getItem1();
                        prices.price(product, parts.getItem4());
                        for (String field : List.of("sku", "name", "description", "price", "currency", "promotions",
                                "promotionalPrice", "unitPrice", "reviews")) {
                            if (product.has(field)) {
                                page.set(field, product.get(field));
                            }
                        }
                        int here = parts.getItem2().stream().mapToInt(LocationAvailability::available).sum();
                        page.set("store", json.valueToTree(
                                new LocationAvailability(store.id(), store.name(), store.type(), here, null)));
                        page.set("nearby", json.valueToTree(parts.getItem3()));
                        return (JsonNode) page;
                    });
        }).call(() -> recordFor(InteractionPublisher.QR_SCAN, sku, storeId));
    }

    public Uni<List<LocationAvailability>> availability(String sku, String storeId, Double lat, Double lon, Double radiusKm) {
        return availability.ofSku(sku, storeId, lat, lon, radiusKm);
    }

    private static List<LocationAvailability> inStock(List<LocationAvailability> levels) {
        return levels.stream().filter(level -> level.available() > 0).toList();
    }

    /** Interactions are a customer's: anonymous visitors, kiosks and staff browsing record none. */
    private Uni<Void> recordFor(String kind, String sku, String storeId) {
        if (!context.caller().isCustomer()) {
            return Uni.createFrom().voidItem();
        }
        return context.customerId()
                .invoke(customerId -> interactions.record(customerId, context.channel(), kind, sku, storeId, null))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
