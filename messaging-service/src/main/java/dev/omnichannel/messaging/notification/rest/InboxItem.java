package dev.omnichannel.messaging.notification.rest;

import dev.omnichannel.messaging.notification.domain.NotificationEntity;
import java.time.Instant;

/**
 * A message of the customer's inbox as it was sent on its channel: {@code title} is the e-mail's
 * subject or the push / in-app title (none for SMS and WhatsApp), {@code body} the text.
 */
public record InboxItem(String id, String templateKey, String channel, String status, String title, String body, String link,
        Instant sentAt, boolean read, Instant readAt) {

    public static InboxItem of(NotificationEntity notification) {
        return new InboxItem(notification.id.toString(), notification.templateKey, notification.channel, notification.status,
                notification.title, notification.body, notification.link, notification.sentAt, notification.readAt != null,
                notification.readAt);
    }
}
