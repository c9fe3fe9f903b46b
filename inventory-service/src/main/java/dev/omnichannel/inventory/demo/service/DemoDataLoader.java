package dev.omnichannel.inventory.demo.service;

import dev.omnichannel.inventory.catalog.rest.ProductRequest;
import dev.omnichannel.inventory.catalog.rest.PromotionRequest;
import dev.omnichannel.inventory.catalog.service.CatalogService;
import dev.omnichannel.inventory.location.rest.LocationRequest;
import dev.omnichannel.inventory.location.service.LocationService;
import dev.omnichannel.inventory.stock.rest.ReceiptRequest;
import dev.omnichannel.inventory.stock.service.StockService;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Sql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The shared demo data (see the helpers' COMMON.md): 4 stores and a warehouse, 12 products, stock
 * in several locations and two promotions. Loaded at start when {@code omni.demo-data} is true and
 * there is no location yet, through the service's own logic: stock arrives as receipts, so every
 * level has its ledger rows and its {@code stock.level-changed} event. An advisory lock keeps
 * replicas starting together from loading it twice.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);
    /** Arbitrary, fixed: the advisory lock of the demo data load. */
    private static final long LOAD_LOCK = 0x64656d6f_0004L;
    private static final Caller LOADER = Caller.system("system:demo-data");

    private static final Set<String> FULL_STORE = Set.of("sells", "pickup", "ship-from", "returns");
    private static final Map<String, String> STORE_HOURS = hours("10:00-20:00", "closed");

    private final LocationService locations;
    private final CatalogService catalog;
    private final StockService stock;
    private final boolean enabled;

    DemoDataLoader(LocationService locations, CatalogService catalog, StockService stock,
            @ConfigProperty(name = "omni.demo-data") boolean enabled) {
        this.locations = locations;
        this.catalog = catalog;
        this.stock = stock;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (enabled) {
            Boolean loaded = VertxContextSupport.subscribeAndAwait(this::loadIfEmpty);
            LOG.infof(loaded ? "demo data loaded" : "demo data already present");
        }
    }

    /** True when this call loaded the data; false when locations already existed. */
    public Uni<Boolean> loadIfEmpty() {
        return Panache.withTransaction(() -> Sql.one("SELECT pg_advisory_xact_lock(?1)", LOAD_LOCK)
                .chain(() -> Sql.one("SELECT count(*) FROM location"))
                .chain(count -> count.longValue(0) > 0 ? Uni.createFrom().item(false) : load().replaceWith(true)));
    }

    private Uni<Void> load() {
        Uni<?> all = Uni.createFrom().voidItem();
        for (Map.Entry<String, LocationRequest> location : locations().entrySet()) {
            all = all.chain(() -> locations.put(location.getKey(), location.getValue()));
        }
        for (Map.Entry<String, ProductRequest> product : products().entrySet()) {
            all = all.chain(() -> catalog.putProduct(product.getKey(), product.getValue()));
        }
        for (Map.Entry<String, PromotionRequest> promotion : promotions().entrySet()) {
            all = all.chain(() -> catalog.putPromotion(promotion.getKey(), promotion.getValue()));
        }
        for (ReceiptRequest receipt : receipts()) {
            all = all.chain(() -> stock.receive(receipt, LOADER));
        }
        return all.replaceWithVoid();
    }

    private static Map<String, LocationRequest> locations() {
        Map<String, LocationRequest> all = new LinkedHashMap<>();
        all.put("paris-louvre", store("Paris Louvre", 48.8606, 2.3376, "99 rue de Rivoli", "75001", "Paris", FULL_STORE));
        all.put("paris-bastille", store("Paris Bastille", 48.8532, 2.3691, "2 place de la Bastille", "75011", "Paris", FULL_STORE));
        all.put("lyon-part-dieu", store("Lyon Part-Dieu", 45.7605, 4.8597, "17 rue du Docteur Bouchut", "69003", "Lyon", FULL_STORE));
        all.put("marseille-vieux-port", store("Marseille Vieux-Port", 43.2951, 5.3740, "10 quai du Port", "13002",
                "Marseille", Set.of("sells", "returns")));
        all.put("wh-orleans", new LocationRequest("Entrepôt Orléans", "warehouse",
                new LocationRequest.Coordinates(47.9030, 1.9093),
                new LocationRequest.Address("1 avenue de la Logistique", "45000", "Orléans", "FR"), "Europe/Paris",
                Set.of("ship-from"), hours("06:00-22:00", "closed")));
        return all;
    }

    private static LocationRequest store(String name, double lat, double lon, String street, String postalCode,
            String city, Set<String> capabilities) {
        return new LocationRequest(name, "store", new LocationRequest.Coordinates(lat, lon),
                new LocationRequest.Address(street, postalCode, city, "FR"), "Europe/Paris", capabilities, STORE_HOURS);
    }

    private static Map<String, String> hours(String weekdays, String sunday) {
        Map<String, String> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat")) {
            hours.put(day, weekdays);
        }
        hours.put("sun", sunday);
        return hours;
    }

    private static Map<String, ProductRequest> products() {
        Map<String, ProductRequest> all = new LinkedHashMap<>();
        all.put("SHOE-RUN-42", product("Trail running shoe 42", "Grippy, cushioned trail shoe for muddy paths, size 42.", "89.90"));
        all.put("JACKET-RAIN-M", product("Rain jacket M", "Waterproof, breathable 2.5-layer shell with a hood, size M.", "129.00"));
        all.put("TENT-2P", product("Two-person tent", "Freestanding 2.4 kg dome tent for two, quick to pitch.", "249.00"));
        all.put("BACKPACK-30L", product("Backpack 30 L", "Day-hike pack with a ventilated back and a rain cover.", "79.90"));
        all.put("BOTTLE-1L", product("Insulated bottle 1 L", "Stainless steel, keeps drinks hot 12 h or cold 24 h.", "24.90"));
        all.put("HEADLAMP-300", product("Headlamp 300 lm", "Rechargeable headlamp, 300 lumens, red light mode.", "39.90"));
        all.put("SLEEPBAG-5C", product("Sleeping bag 5 °C", "Synthetic mummy bag, comfort 5 °C, packs small.", "119.00"));
        all.put("SOCKS-HIKE-3P", product("Hiking socks ×3", "Merino blend hiking socks, pack of three pairs.", "19.90"));
        all.put("POLES-TREK", product("Trekking poles", "Pair of adjustable aluminium poles with cork grips.", "59.90"));
        all.put("STOVE-GAS", product("Gas stove", "Compact canister stove with piezo ignition.", "44.90"));
        all.put("GLOVES-WINTER-L", product("Winter gloves L", "Insulated waterproof gloves with touchscreen fingertips, size L.", "34.90"));
        all.put("CAP-SUN", product("Sun cap", "Light cap with UPF 50+ fabric and a neck flap.", "14.90"));
        return all;
    }

    private static ProductRequest product(String name, String description, String price) {
        return new ProductRequest(name, description, new BigDecimal(price), "EUR");
    }

    private static Map<String, PromotionRequest> promotions() {
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Map<String, PromotionRequest> all = new LinkedHashMap<>();
        all.put("PROMO-WINTER", new PromotionRequest("Winter sale: 20 % off rain jackets and winter gloves",
                "percentage", new BigDecimal("20"), null, today.minus(Duration.ofDays(1)),
                today.plus(Duration.ofDays(90)), false, Set.of("JACKET-RAIN-M", "GLOVES-WINTER-L")));
        all.put("PROMO-VIP", new PromotionRequest("VIP: 10 % off everything", "percentage",
                new BigDecimal("10"), "vip", today.minus(Duration.ofDays(1)), null, true, Set.of()));
        return all;
    }

    /** Stock per location; TENT-2P has none at paris-louvre (the endless aisle demo). */
    private static List<ReceiptRequest> receipts() {
        List<String> locations = List.of("paris-louvre", "paris-bastille", "lyon-part-dieu", "marseille-vieux-port", "wh-orleans");
        Map<String, int[]> units = new LinkedHashMap<>();
        units.put("SHOE-RUN-42", new int[] { 8, 5, 6, 4, 40 });
        units.put("JACKET-RAIN-M", new int[] { 6, 4, 5, 3, 30 });
        units.put("TENT-2P", new int[] { 0, 3, 2, 0, 12 });
        units.put("BACKPACK-30L", new int[] { 5, 5, 4, 2, 25 });
        units.put("BOTTLE-1L", new int[] { 20, 15, 18, 10, 100 });
        units.put("HEADLAMP-300", new int[] { 10, 8, 6, 5, 50 });
        units.put("SLEEPBAG-5C", new int[] { 3, 2, 4, 1, 20 });
        units.put("SOCKS-HIKE-3P", new int[] { 25, 20, 20, 15, 200 });
        units.put("POLES-TREK", new int[] { 4, 3, 5, 2, 30 });
        units.put("STOVE-GAS", new int[] { 6, 4, 3, 2, 25 });
        units.put("GLOVES-WINTER-L", new int[] { 7, 5, 6, 0, 40 });
        units.put("CAP-SUN", new int[] { 12, 10, 8, 15, 60 });
        return units.entrySet().stream()
                .flatMap(entry -> IntStream.range(0, locations.size())
                        .filter(i -> entry.getValue()[i] > 0)
                        .mapToObj(i -> new ReceiptRequest(locations.get(i), entry.getKey(), entry.getValue()[i], "demo-data")))
                .toList();
    }
}
