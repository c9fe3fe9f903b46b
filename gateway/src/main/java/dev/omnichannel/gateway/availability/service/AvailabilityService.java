package dev.omnichannel.gateway.availability.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.availability.config.AvailabilityConfig;
import dev.omnichannel.gateway.availability.domain.Location;
import dev.omnichannel.gateway.availability.domain.LocationAvailability;
import dev.omnichannel.gateway.availability.events.StockFeed;
import dev.omnichannel.gateway.client.Json;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Availability for every channel, answered from the stock read model once it has caught up (no
 * call to inventory-service on the hot path), and from inventory-service before that. A signed-in
 * caller's read first waits (bounded) for the levels its own writes changed.
 */
@ApplicationScoped
public class AvailabilityService {

    private final StockReadModel model;
    private final StockFeed feed;
    private final StockReads reads;
    private final LocationDirectory locations;
    private final InventoryClient inventory;
    private final AvailabilityConfig config;

    public AvailabilityService(StockReadModel model, StockFeed feed, StockReads reads, LocationDirectory locations,
            InventoryClient inventory, AvailabilityConfig config) {
        this.model = model;
        this.feed = feed;
        this.reads = reads;
        this.locations = locations;
        this.inventory = inventory;
        this.config = config;
    }

    /** Available units of each SKU at one location. */
    public Uni<Map<String, Integer>> atLocation(Collection<String> skus, String locationId) {
        if (skus.isEmpty() || locationId == null) {
            return Uni.createFrom().item(Map.of());
        }
        if (feed.isCaughtUp()) {
            return reads.ownWritesVisible().map(visible -> {
                Map<String, Integer> available = new HashMap<>();
                skus.forEach(sku -> available.put(sku, model.available(sku, locationId)));
                return available;
            });
        }
        return inventory.availabilityAt(skus, locationId).map(answer -> {
            Map<String, Integer> available = new HashMap<>();
            Json.items(answer).forEach(level -> available.put(level.path("sku").asText(), level.path("available").asInt()));
            return available;
        });
    }

    /** Per location, nearest first when coordinates are given: one store, the stores near a point, or everywhere. */
    public Uni<List<LocationAvailability>> ofSku(String sku, String storeId, Double lat, Double lon, Double radiusKm) {
        if ((lat == null) != (lon == null)) {
            return Uni.createFrom().failure(ProblemException.badRequest(lat == null ? "lat" : "lon",
                    "lat and lon go together"));
        }
        double radius = radiusKm == null ? config.defaultRadiusKm() : radiusKm;
        if (!feed.isCaughtUp()) {
            return inventory.availability(sku, storeId, lat, lon, lat == null ? null : radius).map(AvailabilityService::parse);
        }
        Uni<List<Location>> known = lat == null
                ? locations.all().onFailure().recoverWithItem(List.of())
                : locations.all();
        return Uni.combine().all().unis(known, reads.ownWritesVisible()).with((all, visible) -> {
            Map<String, Location> byId = new LinkedHashMap<>();
            all.forEach(location -> byId.put(location.id(), location));
            // a level the read model has for a location the directory could not name still counts
            model.availableBySku(sku).keySet().forEach(id -> byId.putIfAbsent(id, new Location(id, null, null, null,
                    null, false, List.of())));
            if (storeId != null && !byId.containsKey(storeId)) {
                throw ProblemException.notFound("No store " + storeId);
            }
            return byId.values().stream()
                    .filter(location -> storeId == null || location.id().equals(storeId))
                    .map(location -> new LocationAvailability(location.id(), location.name(), location.type(),
                            model.available(sku, location.id()), lat == null ? null : location.distanceKm(lat, lon)))
                    .filter(level -> lat == null || (level.distanceKm() != null && level.distanceKm() <= radius))
                    .sorted(Comparator.comparing(LocationAvailability::distanceKm,
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
        });
    }

    /** Stores (not warehouses) near a location that have the SKU, nearest first, the location itself excluded. */
    public Uni<List<LocationAvailability>> storesWithStockNear(String sku, Location origin) {
        if (origin.lat() == null || origin.lon() == null) {
            return Uni.createFrom().item(List.of());
        }
        return ofSku(sku, null, origin.lat(), origin.lon(), config.defaultRadiusKm()).map(levels -> levels.stream()
                .filter(level -> !level.storeId().equals(origin.id()))
                .filter(level -> level.type() == null || "store".equals(level.type()))
                .filter(level -> level.available() > 0)
                .toList());
    }

    private static List<LocationAvailability> parse(JsonNode answer) {
        return Json.items(answer).stream()
                .map(level -> new LocationAvailability(level.path("storeId").asText(), level.path("name").asText(null),
                        level.path("type").asText(null), level.path("available").asInt(),
                        level.hasNonNull("distanceKm") ? level.get("distanceKm").asDouble() : null))
                .toList();
    }
}
