package dev.omnichannel.inventory.erasure.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.inventory.fulfilment.repository.OrderRepository;
import dev.omnichannel.inventory.review.repository.ReviewRepository;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.customer.CustomerErased;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code customer.events}: only {@code customer.erased} concerns inventory, whose personal data are the
 * customer's reviews and the home addresses of their orders. Reservations, orders, returns and the
 * ledger otherwise hold ids, codes and amounts only, and stay for the stock history.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private static final String CONSUMER = "inventory-service:customer-events";

    private final IdempotentConsumer consumer;
    private final ReviewRepository reviews;
    private final OrderRepository orders;
    private final ObjectMapper mapper;

    CustomerEventsConsumer(IdempotentConsumer consumer, ReviewRepository reviews, OrderRepository orders,
            ObjectMapper mapper) {
        this.consumer = consumer;
        this.reviews = reviews;
        this.orders = orders;
        this.mapper = mapper;
    }

    @Incoming("customer-events")
    public Uni<Void> consume(String record) {
        CloudEvent event = consumer.parse(record);
        if (!CustomerErased.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return consumer.handleOnce(CONSUMER, event, this::onErased);
    }

    private Uni<Void> onErased(CloudEvent event) {
        UUID customerId = uuidOrNull(event.dataAs(mapper, CustomerErased.class).customerId());
        if (customerId == null) {
            return Uni.createFrom().voidItem();
        }
        return reviews.eraseOf(customerId).chain(() -> orders.eraseAddresses(customerId));
    }

    /** Customer ids are UUIDs here: under any other id inventory holds nothing. */
    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
