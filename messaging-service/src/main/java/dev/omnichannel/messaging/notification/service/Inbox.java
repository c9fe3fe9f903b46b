package dev.omnichannel.messaging.notification.service;

import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.notification.rest.InboxItem;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import dev.omnichannel.messaging.support.Page;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/**
 * The customer's inbox: every message sent to them, on every channel, as it was rendered for that
 * channel. Reading one marks it read and publishes their summary ({@code inbox.unread}) in the same
 * transaction; reading it again changes nothing. A merged-away id sees its survivor's inbox.
 */
@ApplicationScoped
public class Inbox {

    private final NotificationRepository repository;
    private final RecipientService recipients;
    private final CustomerSummaries summaries;
    private final Clock clock;

    Inbox(NotificationRepository repository, RecipientService recipients, CustomerSummaries summaries, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** Call inside a session. */
    public Uni<Page<InboxItem>> list(String customerId, int page, int size) {
        return recipients.resolve(customerId).chain(id -> repository.inbox(id, page, size)
                .chain(items -> repository.inboxSize(id)
                        .map(total -> new Page<>(items.stream().map(InboxItem::of).toList(), page, size, total))));
    }

    @WithTransaction
    public Uni<InboxItem> read(String customerId, String notificationId) {
        UUID id = uuid(notificationId);
        if (id == null) {
            return Uni.createFrom().failure(notFound(notificationId));
        }
        return recipients.resolve(customerId).chain(owner -> repository.inInbox(owner, id)).chain(notification -> {
            if (notification == null) {
                return Uni.createFrom().failure(notFound(notificationId));
            }
            if (notification.readAt != null) {
                return Uni.createFrom().item(InboxItem.of(notification));
            }
            notification.readAt = clock.instant();
            return summaries.publish(notification.customerId).replaceWith(InboxItem.of(notification));
        });
    }

    private static ProblemException notFound(String notificationId) {
        return ProblemException.notFound("No message " + notificationId + " in this inbox");
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
