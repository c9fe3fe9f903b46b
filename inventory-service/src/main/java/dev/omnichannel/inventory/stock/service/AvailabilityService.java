package dev.omnichannel.inventory.stock.service;

import dev.omnichannel.inventory.catalog.service.CatalogService;
import dev.omnichannel.inventory.location.domain.GeoPoint;
import dev.omnichannel.inventory.location.service.LocationService;
import dev.omnichannel.inventory.stock.repository.StockLevelRepository;
import dev.omnichannel.inventory.stock.rest.AvailabilityView;
import dev.omnichannel.inventory.stock.rest.SkuAvailability;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;

/** What every channel may promise, read from the current levels (never by summing the ledger). */
@ApplicationScoped
public class AvailabilityService {

    private final StockLevelRepository levels;
    private final LocationService locations;
    private final CatalogService catalog;

    AvailabilityService(StockLevelRepository levels, LocationService locations, CatalogService catalog) {
        this.levels = levels;
        this.locations = locations;
        this.catalog = catalog;
    }

    @WithSession
    public Uni<List<AvailabilityView>> atStore(String sku, String storeId) {
        return catalog.requireProduct(sku)
                .chain(() -> locations.require(storeId))
                .chain(store -> levels.available(storeId, List.of(sku))
                        .map(available -> List.of(new AvailabilityView(store.id, store.name,
                                available.getOrDefault(sku, 0), null))));
    }

    /** Selling locations within {@code radiusKm} of the point, nearest first. */
    @WithSession
    public Uni<List<AvailabilityView>> around(String sku, GeoPoint point, double radiusKm) {
        return catalog.requireProduct(sku)
                .chain(() -> levels.availabilityAtSellingLocations(sku))
                .map(rows -> rows.stream()
                        .map(row -> new AvailabilityView(row.string(0), row.string(1), row.intValue(4),
                                point.distanceKm(new GeoPoint(row.doubleValue(2), row.doubleValue(3)))))
                        .filter(view -> view.distanceKm() <= radiusKm)
                        .sorted(Comparator.comparingDouble(AvailabilityView::distanceKm).thenComparing(AvailabilityView::storeId))
                        .map(view -> new AvailabilityView(view.storeId(), view.name(), view.available(),
                                GeoPoint.rounded(view.distanceKm())))
                        .toList());
    }

    /** For carts: each requested SKU at one store, 0 for SKUs without stock there (or unknown). */
    @WithSession
    public Uni<List<SkuAvailability>> bulk(List<String> skus, String storeId) {
        return locations.require(storeId)
                .chain(() -> levels.available(storeId, skus))
                .map(available -> skus.stream()
                        .map(sku -> new SkuAvailability(sku, storeId, available.getOrDefault(sku, 0)))
                        .toList());
    }
}
