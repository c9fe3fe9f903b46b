package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.channel.domain.Outgoing;
import java.util.UUID;

/** What {@link Routing} decided to send for a notification: its message on one channel. */
record Attempt(UUID notificationId, Outgoing message) {
}
