package dev.omnichannel.shared.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: the value of every record on every topic.
 * {@code subject} is the record key (customer id, {@code sku@location}, reservation id...);
 * {@code id} is what consumers deduplicate on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String datacontenttype,
        JsonNode data,
        String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    /** The {@code source} of the events an application (its {@code quarkus.application.name}) publishes. */
    public static String sourceOf(String application) {
        return "urn:omnichannel:" + application;
    }

    public static CloudEvent of(ObjectMapper mapper, String source, String subject, EventData data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), data.eventType(), source,
                Instant.now(), subject, CONTENT_TYPE, mapper.valueToTree(data), null);
    }

    /**
     * This event under an id derived from what it records (a name-based UUID of {@code name}): the same
     * fact published twice, by two replicas or after a restart, is one event for its consumers.
     */
    public CloudEvent withIdOf(String name) {
        return new CloudEvent(specversion, UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                .toString(), type, source, time, subject, datacontenttype, data, traceparent);
    }

    /**
     * This event as part of the trace the W3C {@code traceparent} names (the CloudEvents distributed
     * tracing extension): its consumers' work joins the request that caused it.
     */
    public CloudEvent withTraceparent(String traceparent) {
        return new CloudEvent(specversion, id, type, source, time, subject, datacontenttype, data, traceparent);
    }

    /** This event with other data (its personal fields sealed or opened). */
    public CloudEvent withData(JsonNode data) {
        return new CloudEvent(specversion, id, type, source, time, subject, datacontenttype, data, traceparent);
    }

    public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("event " + id + " of type " + this.type
                    + " does not carry a valid " + type.getSimpleName(), e);
        }
    }
}
