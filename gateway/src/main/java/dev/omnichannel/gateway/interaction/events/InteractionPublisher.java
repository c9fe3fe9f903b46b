package dev.omnichannel.gateway.interaction.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.events.Channel;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.interaction.InteractionRecorded;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes what customers do on each channel to {@code interactions} (key: customer id) for the
 * timeline and analytics. Fire and forget: the response never waits for Kafka; a record that
 * cannot be sent is logged. These are observations, not business state, so no outbox.
 */
@ApplicationScoped
public class InteractionPublisher {

    public static final String PRODUCT_VIEW = "product-view";
    public static final String CART_CHANGE = "cart-change";
    public static final String WISHLIST_CHANGE = "wishlist-change";
    public static final String STORE_VISIT = "store-visit";
    public static final String QR_SCAN = "qr-scan";
    public static final String LOGIN = "login";

    private static final Logger LOG = Logger.getLogger(InteractionPublisher.class);
    private static final String SOURCE = "/gateway";

    private final Emitter<String> emitter;
    private final ObjectMapper json;

    public InteractionPublisher(@org.eclipse.microprofile.reactive.messaging.Channel("interactions")
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<String> emitter,
            ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    public void record(String customerId, Channel channel, String kind, String sku, String storeId, Integer quantity) {
        if (customerId != null) {
            send(CloudEvent.of(json, SOURCE, customerId, interaction(customerId, channel, kind, sku, storeId, quantity)));
        }
    }

    /**
     * A sign-in: the first request of the identity provider's session {@code session} on a channel. Its
     * event id is the session's, so replicas that each see the session first record one sign-in.
     */
    public void recordSignIn(String customerId, Channel channel, String session) {
        send(CloudEvent.of(json, SOURCE, customerId, interaction(customerId, channel, LOGIN, null, null, null))
                .withIdOf(LOGIN + ":" + session));
    }

    private static InteractionRecorded interaction(String customerId, Channel channel, String kind, String sku,
            String storeId, Integer quantity) {
        return new InteractionRecorded(customerId, channel == null ? null : channel.wireName(), kind, sku, storeId, quantity,
                Instant.now());
    }

    private void send(CloudEvent event) {
        String customerId = event.subject();
        String kind = event.data().path("kind").asText();
        try {
            String value = json.writeValueAsString(event);
            Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(customerId).build());
            emitter.send(Message.of(value, metadata, () -> CompletableFuture.completedFuture(null), failure -> {
                LOG.warnf(failure, "interaction %s of customer %s was not published", kind, customerId);
                return CompletableFuture.completedFuture(null);
            }));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf(e, "interaction %s of customer %s was not published", kind, customerId);
        }
    }
}
