package dev.omnichannel.messaging.catalog.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.catalog.service.CatalogNames;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.LocationChanged;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code inventory.catalog}: the names of products and locations, which messages use at render time
 * (messaging never calls inventory). Promotions and anything else on the topic are ignored.
 */
@ApplicationScoped
public class CatalogConsumer {

    private static final String CONSUMER = "messaging-service:catalog";

    private final IdempotentConsumer consumer;
    private final CatalogNames names;
    private final ObjectMapper mapper;

    CatalogConsumer(IdempotentConsumer consumer, CatalogNames names, ObjectMapper mapper) {
        this.consumer = consumer;
        this.names = names;
        this.mapper = mapper;
    }

    @Incoming("catalog")
    public Uni<Void> consume(String record) {
        if (record == null) {
            return Uni.createFrom().voidItem(); // a tombstone: nothing deletes a name
        }
        CloudEvent event = consumer.parse(record);
        return switch (event.type()) {
            case ProductChanged.TYPE -> consumer.handleOnce(CONSUMER, event, e -> {
                ProductChanged product = e.dataAs(mapper, ProductChanged.class);
                return names.keep(ProductChanged.key(product.sku()), product.name(), null, product.version());
            });
            case LocationChanged.TYPE -> consumer.handleOnce(CONSUMER, event, e -> {
                LocationChanged location = e.dataAs(mapper, LocationChanged.class);
                String city = location.address() == null ? null : location.address().city();
                return names.keep(LocationChanged.key(location.id()), location.name(), city, location.version());
            });
            default -> Uni.createFrom().voidItem();
        };
    }
}
