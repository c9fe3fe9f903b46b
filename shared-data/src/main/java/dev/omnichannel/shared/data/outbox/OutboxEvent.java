package dev.omnichannel.shared.data.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An event written in the business transaction and not yet relayed to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(nullable = false)
    public String type;

    /** The trace of the request that wrote the event (W3C traceparent), or null. */
    public String traceparent;

    /** The whole CloudEvent, as JSON: it is the Kafka record's value. */
    @Column(nullable = false)
    public String payload;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID id, String topic, String messageKey, String type, String traceparent, String payload) {
        this.id = id;
        this.topic = topic;
        this.messageKey = messageKey;
        this.type = type;
        this.traceparent = traceparent;
        this.payload = payload;
    }
}
