package dev.omnichannel.messaging.conversation.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "conversation_message")
public class ConversationMessageEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    /** email, sms, whatsapp, social (inbound) or web, mobile, kiosk, store, call-center (replies). */
    @Column(nullable = false)
    public String channel;

    /** customer, staff or system. */
    @Column(nullable = false)
    public String author;

    /** Who exactly, for staff: the X-Actor. */
    @Column(name = "author_ref")
    public String authorRef;

    @Column(nullable = false)
    public String text;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "provider_message_id")
    public String providerMessageId;
}
