package dev.omnichannel.messaging.summary.events;

import dev.omnichannel.messaging.conversation.repository.ConversationRepository;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.summary.service.SummaryVersions;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the personalized view shows of a customer's messages: unread messages and the latest ones
 * of all their threads, and their inbox (what was sent to them on every channel: total, unread). Every change of it publishes
 * {@code messaging.summary-changed} with the whole summary and a higher {@code version}. A
 * merged-away id shows its survivor's summary (under its own version).
 */
@ApplicationScoped
public class CustomerSummaries {

    static final int LAST_MESSAGES = 5;

    private final ConversationRepository conversations;
    private final NotificationRepository notifications;
    private final RecipientService recipients;
    private final SummaryVersions versions;
    private final Outbox outbox;

    CustomerSummaries(ConversationRepository conversations, NotificationRepository notifications, RecipientService recipients,
            SummaryVersions versions, Outbox outbox) {
        this.conversations = conversations;
        this.notifications = notifications;
        this.recipients = recipients;
        this.versions = versions;
        this.outbox = outbox;
    }

    /** See {@link #publish(Collection)}; nothing for a null id (a provisional thread's unknown sender). */
    public Uni<Void> publish(String customerId) {
        return customerId == null ? Uni.createFrom().voidItem() : publish(List.of(customerId));
    }

    /**
     * Publishes the summary of each customer (through the outbox). Call it last in the transaction
     * that changed what they show, once per transaction.
     *
     * <p>Why the version is raised after every other write of the transaction (the flush) and before
     * the summary is read: raising it
     * locks the customer's counter row until the commit, so two transactions publishing for one
     * customer take turns, on every replica. The second raises the version only once the first
     * committed, and its summary, read after that, sees everything the first did: a higher version
     * always shows at least what a lower one showed. Several customers are locked in id order, so
     * that two transactions publishing for the same customers cannot deadlock.
     */
    public Uni<Void> publish(Collection<String> customerIds) {
        List<String> ids = customerIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.flush().chain(() -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> versions.next(id)
                        .chain(version -> summarise(id, version))
                        .chain(summary -> outbox.publish(Topics.MESSAGING_EVENTS, id, summary)))
                .collect().last())
                .replaceWithVoid();
    }

    /**
     * The summary now, with the version of the last one published. The version is read first: the
     * summary read after it shows at least what that version showed, so a consumer keeping the
     * highest version it saw loses nothing by applying this answer.
     */
    public Uni<MessagingSummaryChanged> current(String customerId) {
        return versions.current(customerId).chain(version -> summarise(customerId, version));
    }

    private Uni<MessagingSummaryChanged> summarise(String customerId, long version) {
        return recipients.resolve(customerId).chain(id -> unread(id)
                .chain(unread -> conversations.latestMessages(id, LAST_MESSAGES).map(messages -> messages.stream()
                        .map(m -> new MessagingSummaryChanged.Message(m.conversationId.toString(), m.channel, m.author, m.text,
                                m.sentAt))
                        .toList())
                        .chain(lastMessages -> inbox(id).map(inbox -> new MessagingSummaryChanged(customerId, unread,
                                lastMessages, inbox, version)))));
    }

    private Uni<Long> unread(String customerId) {
        return conversations.ofCustomer(customerId)
                .chain(threads -> Multi.createFrom().iterable(threads)
                        .onItem().transformToUniAndConcatenate(conversations::unread)
                        .collect().with(Collectors.summingLong(Long::longValue)));
    }

    private Uni<MessagingSummaryChanged.Inbox> inbox(String customerId) {
        return notifications.inboxSize(customerId)
                .chain(total -> notifications.inboxUnread(customerId).map(unread -> new MessagingSummaryChanged.Inbox(total, unread)));
    }
}
