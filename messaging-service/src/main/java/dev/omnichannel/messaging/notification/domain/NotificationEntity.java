package dev.omnichannel.messaging.notification.domain;

import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** One message to one customer and its delivery state (rows are inserted with SQL, once per trigger). */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String OPENED = "opened";
    public static final String CLICKED = "clicked";

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "template_key", nullable = false)
    public String templateKey;

    @Column(name = "trigger_id", nullable = false)
    public String triggerId;

    /** The template data (JSON) — ids and facts, no personal data; names and addresses are read at send time. */
    @Column(nullable = false)
    public String data;

    @Column(nullable = false)
    public boolean critical;

    @Column(nullable = false)
    public String status;

    /** The channel of the current or last attempt. */
    public String channel;

    /** Channels that failed for this notification, comma separated: they are not tried again. */
    @Column(name = "failed_channels", nullable = false)
    public String failedChannels;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** Attempts on the current channel. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "total_attempts", nullable = false)
    public int totalAttempts;

    @Column(name = "last_error")
    public String lastError;

    public String address;

    public String language;

    /** As rendered for the channel: email subject or push/in-app title. */
    public String title;

    /** As rendered for the channel: the text body. */
    public String body;

    public String link;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** Listed in the customer's inbox, which shows what was sent on every channel (the inbox query of {@link NotificationRepository}). */
    public boolean inInbox() {
        return sentAt != null;
    }

    public Set<String> failedChannelSet() {
        Set<String> failed = new LinkedHashSet<>();
        Arrays.stream(failedChannels.split(",")).filter(s -> !s.isBlank()).forEach(failed::add);
        return failed;
    }

    public void addFailedChannel(String failedChannel) {
        Set<String> failed = failedChannelSet();
        failed.add(failedChannel);
        failedChannels = String.join(",", failed);
    }
}
