package dev.omnichannel.gateway.availability.service;

import dev.omnichannel.gateway.support.CallerContexts;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The available stock of every SKU at every location, as the compacted {@code inventory.stock}
 * topic tells it: for each {@code sku@location} the level of the highest version seen wins, so
 * records replayed or arriving late change nothing.
 */
@ApplicationScoped
public class StockReadModel {

    record Level(int available, long version) {
    }

    private record VersionWaiter(Map<String, Long> versions, CompletableFuture<Void> reached) {
    }

    private final Map<String, Map<String, Level>> bySku = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<VersionWaiter> waiters = new ConcurrentLinkedQueue<>();

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

    /**
     * Completes (on the caller's Vert.x context) once the model holds at least these versions
     * ({@code sku@location -> version}), or after {@code atMost}: a write's answer waits for its own
     * levels, so the writer's next read shows them.
     */
    public Uni<Void> awaitVersions(Map<String, Long> versions, Duration atMost) {
        if (versions.isEmpty() || holds(versions)) {
            return Uni.createFrom().voidItem();
        }
        VersionWaiter waiter = new VersionWaiter(versions, new CompletableFuture<>());
        waiters.add(waiter);
        versionsMayHaveChanged();
        Executor caller = CallerContexts.current();
        return Uni.createFrom().completionStage(waiter.reached())
                .ifNoItem().after(atMost).recoverWithItem((Void) null)
                .invoke(() -> waiters.remove(waiter))
                .emitOn(caller)
                .replaceWithVoid();
    }

    /** The feed applied a batch: the writes waiting for their levels look again. */
    public void versionsMayHaveChanged() {
        waiters.removeIf(waiter -> {
            if (!holds(waiter.versions())) {
                return false;
            }
            waiter.reached().complete(null);
            return true;
        });
    }

    private boolean holds(Map<String, Long> versions) {
        return versions.entrySet().stream().allMatch(entry -> {
            int at = entry.getKey().indexOf('@');
            Level level = at < 0 ? null
                    : bySku.getOrDefault(entry.getKey().substring(0, at), Map.of()).get(entry.getKey().substring(at + 1));
            return level != null && level.version() >= entry.getValue();
        });
    }
}
