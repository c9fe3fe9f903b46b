package dev.omnichannel.messaging.conversation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One thread of a customer on one topic, whatever the channels its messages came on. */
@Entity
@Table(name = "conversation")
public class ConversationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Null while the sender is not known yet (provisional thread). */
    @Column(name = "customer_id")
    public String customerId;

    /** {@code kind:value} of an unknown sender, until a snapshot or merge reveals who they are. */
    @Column(name = "provisional_address")
    public String provisionalAddress;

    @Column(nullable = false)
    public String topic;

    public String subject;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_message_at", nullable = false)
    public Instant lastMessageAt;

    /** Messages from the retailer after this are unread by the customer. */
    @Column(name = "customer_read_at")
    public Instant customerReadAt;
}
