package dev.omnichannel.shared.events.messaging;

import dev.omnichannel.shared.events.EventData;
import java.time.Instant;
import java.util.List;

/**
 * {@code messaging.summary-changed} on {@code messaging.events}, key the customer id: what the
 * personalized view shows of the customer's messages after any change (a message added to one of
 * their threads, a thread read, a message sent to the customer on any channel or read, a merge or its undo).
 * {@code version} increases with every change of this customer's summary; a consumer keeps the
 * highest it saw.
 *
 * @param unread       messages from staff or the system the customer has not read yet, all threads
 * @param lastMessages the latest messages of all the customer's threads, newest first (at most 5)
 * @param inbox        the inbox: messages sent to the customer on every channel, and how many are unread
 */
public record MessagingSummaryChanged(String customerId, long unread, List<Message> lastMessages, Inbox inbox,
        long version) implements EventData {

    public static final String TYPE = "messaging.summary-changed";

    public record Message(String conversationId, String channel, String author, String text, Instant sentAt) {
    }

    public record Inbox(long total, long unread) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
