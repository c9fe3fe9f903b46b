package dev.omnichannel.customer.timeline.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.customer.timeline.service.Happening;
import dev.omnichannel.customer.timeline.service.TimelineService;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.interaction.InteractionRecorded;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** What customers did on each channel, as the gateway saw it ({@code interactions}). */
@ApplicationScoped
public class InteractionConsumer {

    private final IdempotentConsumer consumer;
    private final TimelineService timeline;
    private final ObjectMapper mapper;

    InteractionConsumer(IdempotentConsumer consumer, TimelineService timeline, ObjectMapper mapper) {
        this.consumer = consumer;
        this.timeline = timeline;
        this.mapper = mapper;
    }

    @Incoming("interactions")
    public Uni<Void> consume(String record) {
        CloudEvent event = consumer.parse(record);
        if (!InteractionRecorded.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return consumer.handleOnce("customer-service:timeline:interactions", event, e -> {
            InteractionRecorded interaction = e.dataAs(mapper, InteractionRecorded.class);
            return timeline.record(e, new Happening(interaction.customerId(), interaction.at(), interaction.channel(),
                    interaction.kind(), summary(interaction), interaction.sku(), true), customer -> Uni.createFrom().voidItem());
        });
    }

    static String summary(InteractionRecorded i) {
        String where = i.storeId() != null ? " at " + i.storeId() : "";
        String sku = i.sku() != null ? i.sku() : "a product";
        return switch (i.kind() == null ? "" : i.kind()) {
            case "product-view" -> "Viewed " + sku + where;
            case "cart-change" -> i.quantity() != null && i.quantity() == 0
                    ? "Removed " + sku + " from the cart"
                    : "Cart: " + sku + (i.quantity() != null ? " × " + i.quantity() : "");
            case "wishlist-change" -> "Wishlist: " + sku;
            case "store-visit" -> "Identified in store" + where;
            case "qr-scan" -> "Scanned the shelf QR code of " + sku + where;
            case "login" -> "Logged in";
            default -> (i.kind() == null ? "Interaction" : i.kind()) + (i.sku() != null ? " " + i.sku() : "") + where;
        };
    }
}
