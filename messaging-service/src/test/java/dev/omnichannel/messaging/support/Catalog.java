package dev.omnichannel.messaging.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.LocationChanged;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Products and locations as inventory-service publishes them on the real inventory.catalog topic,
 * for messages to name them. Versions rise with the clock, so a test's names win over what an
 * earlier run (or inventory's own tests, on the same test topic) left there.
 */
public final class Catalog {

    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());

    private Catalog() {
    }

    public static void product(ObjectMapper mapper, String sku, String name) {
        Events.publish(mapper, Topics.INVENTORY_CATALOG, ProductChanged.key(sku),
                new ProductChanged(sku, name, "", new BigDecimal("10.00"), "EUR", VERSIONS.incrementAndGet()));
    }

    public static void location(ObjectMapper mapper, String id, String name, String city) {
        Events.publish(mapper, Topics.INVENTORY_CATALOG, LocationChanged.key(id), new LocationChanged(id, name, "store",
                new LocationChanged.Address("1 rue de Rivoli", "75001", city, "FR"), VERSIONS.incrementAndGet()));
    }

    /** The names of what {@link Events#reservation} names by id, held by messaging once this returns. */
    public static void fixtures(ObjectMapper mapper, TestDb db) {
        location(mapper, "paris-louvre", "Paris Louvre", "Paris");
        product(mapper, "TENT-2P", "Two-person tent");
        product(mapper, "BOTTLE-1L", "Insulated bottle 1 L");
        db.awaitName(LocationChanged.key("paris-louvre"), "Paris Louvre");
        db.awaitName(ProductChanged.key("TENT-2P"), "Two-person tent");
        db.awaitName(ProductChanged.key("BOTTLE-1L"), "Insulated bottle 1 L");
    }
}
