package dev.omnichannel.shared.data.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.data.personal.PersonalDataKeys;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.EventData;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.shared.personal.PersonalFields;
import dev.omnichannel.shared.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes events the transactional-outbox way: the event is a row written in the caller's
 * transaction, so it exists if and only if the business change committed. {@link OutboxRelay}
 * sends it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxRelay relay;
    private final PersonalDataKeys keys;
    private final String source;

    Outbox(ObjectMapper mapper, OutboxRelay relay, PersonalDataKeys keys,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.mapper = mapper;
        this.relay = relay;
        this.keys = keys;
        this.source = CloudEvent.sourceOf(applicationName);
    }

    /**
     * Must be called inside a transaction ({@code @WithTransaction} or {@code Panache.withTransaction}).
     * The event's personal fields ({@link PersonalFields}) are sealed under the key of the customer
     * {@code key} names, so the outbox row already holds them sealed.
     */
    public Uni<CloudEvent> publish(String topic, String key, EventData data) {
        CloudEvent event = eventOf(key, data);
        List<String> personal = PersonalFields.of(event.type());
        Uni<CloudEvent> ready = personal.isEmpty() ? Uni.createFrom().item(event)
                : keys.keyFor(key).map(customerKey -> event.withData(
                        PersonalDataSeal.seal(mapper, (ObjectNode) event.data(), personal, customerKey, key)));
        relay.wakeUp();
        return ready.call(sealed -> rowOf(topic, sealed).persist());
    }

    /**
     * The outbox row of an event, for a statement that writes it in its own transaction (a database
     * function); the caller wakes the relay with {@link OutboxRelay#wakeUp()} before it runs.
     */
    public OutboxEvent row(String topic, String key, EventData data) {
        if (!PersonalFields.of(data.eventType()).isEmpty()) {
            throw new IllegalArgumentException(data.eventType() + " carries personal data: publish it with publish()");
        }
        return rowOf(topic, eventOf(key, data));
    }

    private CloudEvent eventOf(String key, EventData data) {
        return CloudEvent.of(mapper, source, key, data).withTraceparent(TraceParent.current());
    }

    private OutboxEvent rowOf(String topic, CloudEvent event) {
        return new OutboxEvent(UUID.fromString(event.id()), topic, event.subject(), event.type(), event.traceparent(),
                toJson(event));
    }

    private String toJson(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
