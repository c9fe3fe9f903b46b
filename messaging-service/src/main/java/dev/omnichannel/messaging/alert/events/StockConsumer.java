package dev.omnichannel.messaging.alert.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.alert.service.AlertService;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code inventory.stock}: keeps the latest available level per SKU and location (older versions
 * are dropped) and fires the alerts of a store when its level goes from nothing to something.
 */
@ApplicationScoped
public class StockConsumer {

    private static final String CONSUMER = "messaging-service:stock";

    private final IdempotentConsumer consumer;
    private final AlertService alerts;
    private final ObjectMapper mapper;

    StockConsumer(IdempotentConsumer consumer, AlertService alerts, ObjectMapper mapper) {
        this.consumer = consumer;
        this.alerts = alerts;
        this.mapper = mapper;
    }

    @Incoming("stock")
    public Uni<Void> consume(String record) {
        CloudEvent event = consumer.parse(record);
        if (!StockLevelChanged.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return consumer.handleOnce(CONSUMER, event, e -> onLevel(e.dataAs(mapper, StockLevelChanged.class)));
    }

    private Uni<Void> onLevel(StockLevelChanged level) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT available, version FROM stock_level WHERE sku = ?1 AND location_id = ?2 FOR UPDATE", Object[].class)
                .setParameter(1, level.sku()).setParameter(2, level.locationId())
                .getSingleResultOrNull()
                .chain(previous -> {
                    if (previous != null && ((Number) previous[1]).longValue() >= level.version()) {
                        return Uni.createFrom().voidItem(); // stale: a newer level is already known
                    }
                    boolean wasEmpty = previous == null || ((Number) previous[0]).intValue() <= 0;
                    return session.createNativeQuery("""
                            INSERT INTO stock_level (sku, location_id, available, version) VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT (sku, location_id) DO UPDATE SET available = EXCLUDED.available, version = EXCLUDED.version""")
                            .setParameter(1, level.sku()).setParameter(2, level.locationId())
                            .setParameter(3, level.available()).setParameter(4, level.version())
                            .executeUpdate()
                            .chain(() -> wasEmpty && level.available() > 0
                                    ? alerts.fire(level.sku(), level.locationId()).replaceWithVoid()
                                    : Uni.createFrom().voidItem());
                }));
    }
}
