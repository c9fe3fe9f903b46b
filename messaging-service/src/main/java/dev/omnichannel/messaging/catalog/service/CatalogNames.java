package dev.omnichannel.messaging.catalog.service;

import dev.omnichannel.messaging.catalog.domain.CatalogNameEntity;
import dev.omnichannel.shared.events.inventory.LocationChanged;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Products and locations by their names, read when a message is rendered, so that a renamed
 * product is named as it is now. A message's data hold ids only ({@code storeId}, {@code sku},
 * {@code store.id}, {@code product.sku}); {@link #named} adds beside each the name people read:
 * <ul>
 * <li>{@code storeId} → {@code storeName} and {@code storeCity}, {@code deliverToStoreId} →
 * {@code deliverToStoreName} (any {@code …StoreId});</li>
 * <li>{@code sku} → {@code productName};</li>
 * <li>{@code store: {id}} → {@code store.name}, {@code store.city}; {@code product: {sku}} → {@code product.name}.</li>
 * </ul>
 * A name not known yet (its event not read yet) is the id itself; a city not known is empty.
 */
@ApplicationScoped
public class CatalogNames {

    private record Name(String name, String city) {
    }

    /** Keeps a name unless a newer version of it is already held. Runs in the caller's transaction. */
    public Uni<Void> keep(String key, String name, String city, long version) {
        if (name == null || name.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO catalog_name (key, name, city, version) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, city = EXCLUDED.city, version = EXCLUDED.version
                WHERE catalog_name.version < EXCLUDED.version""")
                .setParameter(1, key).setParameter(2, name).setParameter(3, city).setParameter(4, version)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** A copy of the data with the names of the products and locations it names by id. Call inside a session. */
    public Uni<Map<String, Object>> named(Map<String, Object> data) {
        Set<String> keys = new LinkedHashSet<>();
        collect(data, keys);
        if (keys.isEmpty()) {
            return Uni.createFrom().item(copy(data, Map.of()));
        }
        return CatalogNameEntity.<CatalogNameEntity>list("ref in ?1", new ArrayList<>(keys))
                .map(found -> copy(data, found.stream().collect(Collectors.toMap(n -> n.ref, n -> new Name(n.name, n.city)))));
    }

    private static void collect(Map<?, ?> data, Set<String> keys) {
        data.forEach((k, value) -> {
            String key = String.valueOf(k);
            if (value instanceof String id && !id.isBlank()) {
                if (isStoreId(key)) {
                    keys.add(LocationChanged.key(id));
                } else if ("sku".equals(key)) {
                    keys.add(ProductChanged.key(id));
                }
            } else if (value instanceof Map<?, ?> nested) {
                if ("store".equals(key) && nested.get("id") instanceof String id) {
                    keys.add(LocationChanged.key(id));
                }
                collect(nested, keys);
            } else if (value instanceof List<?> list) {
                list.stream().filter(Map.class::isInstance).forEach(item -> collect((Map<?, ?>) item, keys));
            }
        });
    }

    private static Map<String, Object> copy(Map<?, ?> data, Map<String, Name> names) {
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((k, value) -> copy.put(String.valueOf(k), copyValue(String.valueOf(k), value, names)));
        data.forEach((k, value) -> {
            String key = String.valueOf(k);
            if (!(value instanceof String id) || id.isBlank()) {
                return;
            }
            if (isStoreId(key)) {
                String prefix = key.substring(0, key.length() - "Id".length());
                Name name = names.get(LocationChanged.key(id));
                copy.putIfAbsent(prefix + "Name", nameOr(name, id));
                copy.putIfAbsent(prefix + "City", cityOf(name));
            } else if ("sku".equals(key)) {
                copy.putIfAbsent("productName", nameOr(names.get(ProductChanged.key(id)), id));
            }
        });
        return copy;
    }

    private static Object copyValue(String key, Object value, Map<String, Name> names) {
        if (value instanceof Map<?, ?> nested) {
            Map<String, Object> inner = copy(nested, names);
            if ("store".equals(key) && inner.get("id") instanceof String id) {
                Name name = names.get(LocationChanged.key(id));
                inner.putIfAbsent("name", nameOr(name, id));
                inner.putIfAbsent("city", cityOf(name));
            } else if ("product".equals(key) && inner.get("productName") != null) {
                inner.putIfAbsent("name", inner.get("productName"));
            }
            return inner;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> copyValue(key, item, names)).toList();
        }
        return value;
    }

    private static String nameOr(Name name, String id) {
        return name == null ? id : name.name();
    }

    private static String cityOf(Name name) {
        return name == null || name.city() == null ? "" : name.city();
    }

    private static boolean isStoreId(String key) {
        return "storeId".equals(key) || key.endsWith("StoreId");
    }
}
