package dev.omnichannel.gateway.messaging.service;

import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.view.service.ViewUpdates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * After a customer's write to their messages (a conversation message, a thread or a notification
 * read), their messaging summary is asked and kept in the view model, so that their next view shows
 * it on every channel (messaging answers the thread or the notification, not the summary). Without
 * it the write still stands; its event brings the summary a moment later.
 */
@ApplicationScoped
public class MessagesKept {

    private final MessagingClient messaging;
    private final ViewUpdates views;

    MessagesKept(MessagingClient messaging, ViewUpdates views) {
        this.messaging = messaging;
        this.views = views;
    }

    public Uni<Void> summaryOf(String customerId) {
        return messaging.conversationSummary(customerId)
                .chain(summary -> views.messagesAnswered(customerId, summary))
                .onFailure().recoverWithNull();
    }
}
