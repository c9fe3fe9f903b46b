package dev.omnichannel.inventory.stock.service;

import dev.omnichannel.inventory.stock.domain.StockLevel;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stock levels the HTTP request being handled changed, {@code sku@location} to the highest new
 * version, kept in the locals of the request's (duplicated) Vert.x context: an HTTP request starts
 * collecting ({@link #begin}), its 2xx answer names them (read your writes). Changes made outside a
 * request (Kafka consumers, the expiry job) are collected nowhere.
 */
public final class RequestStockVersions {

    private static final String KEY = RequestStockVersions.class.getName();

    private RequestStockVersions() {
    }

    /** The request handled on this Vert.x context collects the levels it changes from now on. */
    public static void begin() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, new ConcurrentHashMap<String, Long>());
        }
    }

    /** What the request handled on this context changed so far (empty outside a request). */
    public static Map<String, Long> collected() {
        Map<String, Long> versions = current();
        return versions == null ? Map.of() : versions;
    }

    /** The live collection of the request handled on this context, or null outside a request. */
    static Map<String, Long> current() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<Map<String, Long>>get(KEY, null) : null;
    }

    /** Levels a statement of the request changed, {@code sku@location -> version} (nothing outside a request). */
    public static void changed(Map<String, Long> changed) {
        Map<String, Long> versions = current();
        if (versions != null) {
            changed.forEach((key, version) -> versions.merge(key, version, Math::max));
        }
    }

    static void changed(Map<String, Long> versions, StockLevel level) {
        versions.merge(level.sku() + "@" + level.locationId(), level.version(), Math::max);
    }
}
