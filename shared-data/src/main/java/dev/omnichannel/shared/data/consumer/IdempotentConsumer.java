package dev.omnichannel.shared.data.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies each event at most once per consumer: the effect and the record that the event was
 * processed commit in one transaction, so a redelivery (Kafka is at-least-once) changes nothing.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ObjectMapper mapper;

    IdempotentConsumer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CloudEvent parse(String json) {
        try {
            return mapper.readValue(json, CloudEvent.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("record is not a CloudEvent", e);
        }
    }

    /** Runs {@code handler} in a new transaction unless {@code consumer} already processed this event. */
    public Uni<Void> handleOnce(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> handler) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, consumer).setParameter(2, event.id())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.debugf("%s skips event %s, already processed", consumer, event.id());
                        return Uni.createFrom().voidItem();
                    }
                    return handler.apply(event);
                }));
    }
}
