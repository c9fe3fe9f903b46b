package dev.omnichannel.messaging.notification;

import java.time.Instant;

/** A message of the customer's in-app inbox. */
public record InboxItem(String id, String templateKey, String title, String body, String link, Instant sentAt, boolean read) {

    static InboxItem of(NotificationEntity notification) {
        return new InboxItem(notification.id.toString(), notification.templateKey, notification.title, notification.body,
                notification.link, notification.sentAt, notification.readAt != null);
    }
}
