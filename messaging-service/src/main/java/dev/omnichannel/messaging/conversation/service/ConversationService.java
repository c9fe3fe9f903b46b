package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.domain.ConversationEntity;
import dev.omnichannel.messaging.conversation.repository.ConversationRepository;
import dev.omnichannel.messaging.conversation.service.ConversationViews.Conversation;
import dev.omnichannel.messaging.conversation.service.ConversationViews.ConversationItem;
import dev.omnichannel.messaging.conversation.service.ConversationViews.MessageView;
import dev.omnichannel.messaging.conversation.service.ConversationViews.ReplyRequest;
import dev.omnichannel.messaging.conversation.service.ConversationViews.StartRequest;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import dev.omnichannel.messaging.support.Actor;
import dev.omnichannel.messaging.support.Page;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One conversation per customer and topic, whatever the channel: inbound e-mail, SMS, WhatsApp and
 * social messages (identified by the sender's address through the recipients read model) and
 * replies from the web, the app or store staff join the same thread. A message without a known
 * topic continues the customer's latest thread. Unknown senders get a provisional thread keyed by
 * their address, attached to the customer once a snapshot or merge reveals them. Each change of a
 * customer's threads publishes their summary last in its transaction (a merge's, its caller).
 *
 * <p>This class is what customers and staff do over the API (start, reply, read, list), each call its own
 * transaction; {@link InboundMessages} takes what providers receive, {@link ConversationMerges} and
 * {@link ConversationErasure} what {@code customer.events} changes, all three in their caller's transaction;
 * {@link ConversationThreads} finds the thread a message goes to and adds it.
 */
@ApplicationScoped
public class ConversationService {

    private final ConversationRepository repository;
    private final RecipientService recipients;
    private final IdempotentRequests idempotentRequests;
    private final ConversationThreads conversationThreads;
    private final CustomerSummaries summaries;
    private final Clock clock;

    ConversationService(ConversationRepository repository, RecipientService recipients, IdempotentRequests idempotentRequests,
            ConversationThreads conversationThreads, CustomerSummaries summaries, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.idempotentRequests = idempotentRequests;
        this.conversationThreads = conversationThreads;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** A customer (or staff for them) writes on a topic: its thread, created if it is the first message. */
    @WithTransaction
    public Uni<Conversation> start(String customerId, StartRequest request, Actor actor, String channel, String idempotencyKey) {
        return idempotentRequests.once(idempotencyKey, "conversation:start:" + customerId, request, Conversation.class,
                () -> recipients.resolve(customerId).chain(id -> {
                    if (actor.isCustomer() && !actor.ref().equals(customerId) && !actor.ref().equals(id)) {
                        return Uni.createFrom().failure(ProblemException.notFound("No customer " + customerId));
                    }
                    Instant now = clock.instant();
                    String topic = ConversationTopic.of(request.subject());
                    return conversationThreads.customerThread(id, topic, request.subject(), now)
                            .call(thread -> conversationThreads.add(thread, channel, actor.author(), actor.toString(),
                                    request.text(), now, null))
                            .invoke(thread -> {
                                if (actor.isCustomer()) {
                                    markRead(thread, now);
                                }
                            })
                            .call(thread -> summaries.publish(thread.customerId))
                            .chain(thread -> view(thread));
                }));
    }

    @WithTransaction
    public Uni<Conversation> reply(UUID conversationId, ReplyRequest request, Actor actor, String channel, String idempotencyKey) {
        return idempotentRequests.once(idempotencyKey, "conversation:reply:" + conversationId, request, Conversation.class,
                () -> visible(conversationId, actor).chain(thread -> {
                    Instant now = clock.instant();
                    return conversationThreads.add(thread, channel, actor.author(), actor.toString(), request.text(), now, null)
                            .invoke(() -> {
                                if (actor.isCustomer()) {
                                    markRead(thread, now);
                                }
                            })
                            .chain(() -> summaries.publish(thread.customerId))
                            .chain(() -> view(thread));
                }));
    }

    /** The whole thread; the customer reading it reads its messages. */
    @WithTransaction
    public Uni<Conversation> get(UUID conversationId, Actor actor) {
        return visible(conversationId, actor)
                .call(thread -> actor != null && actor.isCustomer() ? readByCustomer(thread) : Uni.createFrom().voidItem())
                .chain(this::view);
    }

    @WithSession
    public Uni<Page<ConversationItem>> list(String customerId, int page, int size) {
        return recipients.resolve(customerId).chain(id -> repository.ofCustomer(id)).chain(threads -> {
            List<ConversationEntity> slice = threads.stream().skip((long) page * size).limit(size).toList();
            return Multi.createFrom().iterable(slice)
                    .onItem().transformToUniAndConcatenate(this::item)
                    .collect().asList()
                    .map(items -> new Page<>(items, page, size, threads.size()));
        });
    }

    private static void markRead(ConversationEntity thread, Instant now) {
        if (thread.customerReadAt == null || now.isAfter(thread.customerReadAt)) {
            thread.customerReadAt = now;
        }
    }

    /** The customer reads the thread: their summary changes only if it had unread messages. */
    private Uni<Void> readByCustomer(ConversationEntity thread) {
        return repository.unread(thread).chain(unread -> {
            markRead(thread, clock.instant());
            return unread > 0 ? summaries.publish(thread.customerId) : Uni.createFrom().voidItem();
        });
    }

    /** A thread the actor may see: staff see every thread, a customer only theirs (else 404). */
    private Uni<ConversationEntity> visible(UUID conversationId, Actor actor) {
        return repository.findById(conversationId).chain(thread -> {
            if (thread == null || thread.customerId == null) {
                return Uni.createFrom().failure(ProblemException.notFound("No conversation " + conversationId));
            }
            if (actor == null || !actor.isCustomer() || actor.ref().equals(thread.customerId)) {
                return Uni.createFrom().item(thread);
            }
            return recipients.resolve(actor.ref()).map(id -> {
                if (!id.equals(thread.customerId)) {
                    throw ProblemException.notFound("No conversation " + conversationId);
                }
                return thread;
            });
        });
    }

    private Uni<Conversation> view(ConversationEntity thread) {
        return repository.messages(thread.id).chain(messages -> repository.unread(thread).map(unread -> new Conversation(
                thread.id.toString(), thread.customerId, thread.subject, thread.topic, thread.createdAt, thread.lastMessageAt,
                unread, messages.stream().map(MessageView::of).toList())));
    }

    private Uni<ConversationItem> item(ConversationEntity thread) {
        return repository.messages(thread.id).chain(messages -> repository.unread(thread).map(unread -> new ConversationItem(
                thread.id.toString(), thread.subject, thread.topic, thread.lastMessageAt, unread,
                messages.isEmpty() ? null : MessageView.of(messages.getLast()))));
    }
}
