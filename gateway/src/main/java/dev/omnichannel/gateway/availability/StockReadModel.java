package dev.omnichannel.gateway.availability;

import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The available stock of every SKU at every location, as the compacted {@code inventory.stock}
 * topic tells it: for each {@code sku@location} the level of the highest version seen wins, so
 * records replayed or arriving late change nothing.
 */
@ApplicationScoped
public class StockReadModel {

    record Level(int available, long version) {
    }

    private final Map<String, Map<String, Level>> bySku = new ConcurrentHashMap<>();
    private volatile boolean caughtUp;

    public void apply(StockLevelChanged change) {
        bySku.computeIfAbsent(change.sku(), sku -> new ConcurrentHashMap<>())
                .merge(change.locationId(), new Level(change.available(), change.version()),
                        (known, incoming) -> incoming.version() > known.version() ? incoming : known);
    }

    /** A tombstone on the compacted topic: the level of this key is gone. */
    public void remove(String sku, String locationId) {
        Map<String, Level> levels = bySku.get(sku);
        if (levels != null) {
            levels.remove(locationId);
        }
    }

    /** Available units of a SKU at a location; 0 when no level was ever published for it. */
    public int available(String sku, String locationId) {
        Level level = bySku.getOrDefault(sku, Map.of()).get(locationId);
        return level == null ? 0 : Math.max(0, level.available());
    }

    /** Available units of a SKU per location, for the locations that have a level. */
    public Map<String, Integer> availableBySku(String sku) {
        Map<String, Integer> levels = new HashMap<>();
        bySku.getOrDefault(sku, Map.of()).forEach((location, level) -> levels.put(location, Math.max(0, level.available())));
        return levels;
    }

    /** True once the model has read the topic up to its end as it was at start: answers are then current. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    void caughtUp() {
        caughtUp = true;
    }
}
