package dev.omnichannel.messaging.channel.domain;

import dev.omnichannel.messaging.support.MessageChannel;
import java.util.UUID;

/**
 * One rendered message ready for a channel. {@code to} is the e-mail address, the phone number,
 * the device tokens (comma separated) or the customer id for the in-app inbox.
 */
public record Outgoing(UUID notificationId, MessageChannel channel, String to, String subject, String html, String text,
        String title, String body, String deepLink, String link) {

    /** Sent along to providers so that they can deduplicate our retries and quote it in their receipts. */
    public String reference() {
        return notificationId.toString();
    }
}
