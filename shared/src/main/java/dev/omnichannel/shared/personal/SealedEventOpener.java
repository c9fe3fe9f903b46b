package dev.omnichannel.shared.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnichannel.shared.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Opens the sealed personal fields of consumed events with the key of their customer, asked of the
 * service that sealed them (the event's {@code source}) and kept a short while: a consumer reads
 * many events of one customer in a row. A key asked for after the erasure is gone, and the event
 * is applied without its personal fields; so is an event sealed under a key destroyed since (the
 * sealer may have made the same id a new key after the erasure).
 */
public final class SealedEventOpener {

    /** Asks the service {@code source} names for a customer's key; empty when it has none (erased). */
    @FunctionalInterface
    public interface KeySource {
        Uni<Optional<byte[]>> keyOf(String source, String customerId);
    }

    private static final Logger LOG = Logger.getLogger(SealedEventOpener.class);
    private static final Duration KEPT_FOR = Duration.ofMinutes(10);
    private static final int CONCURRENT_FETCHES = 16;

    private final ObjectMapper json;
    private final KeySource keys;
    private final Cache<String, Optional<byte[]>> recent = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(KEPT_FOR).build();

    public SealedEventOpener(ObjectMapper json, KeySource keys) {
        this.json = json;
        this.keys = keys;
    }

    public Uni<CloudEvent> open(CloudEvent event) {
        return openAll(List.of(event)).map(List::getFirst);
    }

    /** The events in the same order, opened; the keys not known yet are asked for together. */
    public Uni<List<CloudEvent>> openAll(List<CloudEvent> events) {
        Map<String, Optional<byte[]>> known = new ConcurrentHashMap<>();
        Map<String, CloudEvent> missing = new LinkedHashMap<>();
        for (CloudEvent event : events) {
            if (sealed(event)) {
                Optional<byte[]> cached = recent.getIfPresent(cacheKey(event));
                if (cached != null) {
                    known.put(cacheKey(event), cached);
                } else {
                    missing.putIfAbsent(cacheKey(event), event);
                }
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(() -> events.stream().map(event -> opened(event, known)).toList());
        }
        List<Uni<Optional<byte[]>>> fetches = missing.entrySet().stream()
                .map(entry -> keys.keyOf(entry.getValue().source(), entry.getValue().subject())
                        .invoke(found -> {
                            known.put(entry.getKey(), found);
                            recent.put(entry.getKey(), found);
                        }))
                .toList();
        return Uni.join().all(fetches).usingConcurrencyOf(CONCURRENT_FETCHES).andFailFast()
                .map(fetched -> events.stream().map(event -> opened(event, known)).toList());
    }

    private CloudEvent opened(CloudEvent event, Map<String, Optional<byte[]>> keys) {
        if (!sealed(event)) {
            return event;
        }
        ObjectNode data = (ObjectNode) event.data();
        try {
            return event.withData(PersonalDataSeal.open(json, data, keys.get(cacheKey(event)), event.subject()));
        } catch (IllegalArgumentException sealedUnderAnotherKey) {
            // the key it was sealed with was destroyed, and the sealer has made the customer a new one since
            LOG.debugf("event %s was sealed under a destroyed key: applied without its personal fields", event.id());
            return event.withData(PersonalDataSeal.open(json, data, Optional.empty(), event.subject()));
        }
    }

    private static boolean sealed(CloudEvent event) {
        return event.subject() != null && PersonalDataSeal.isSealed(event.data());
    }

    private static String cacheKey(CloudEvent event) {
        return event.source() + " " + event.subject();
    }

    /** After an erasure: this process keeps no key of the customer. */
    public void forget(String customerId) {
        recent.asMap().keySet().removeIf(cacheKey -> cacheKey.endsWith(" " + customerId));
    }
}
