package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.domain.ConversationEntity;
import dev.omnichannel.messaging.conversation.domain.ConversationMessageEntity;
import dev.omnichannel.messaging.conversation.repository.ConversationRepository;
import dev.omnichannel.messaging.support.Actor;
import dev.omnichannel.messaging.support.Page;
import dev.omnichannel.messaging.conversation.service.ConversationViews.Conversation;
import dev.omnichannel.messaging.conversation.service.ConversationViews.ConversationItem;
import dev.omnichannel.messaging.conversation.service.ConversationViews.Inbound;
import dev.omnichannel.messaging.conversation.service.ConversationViews.MessageView;
import dev.omnichannel.messaging.conversation.service.ConversationViews.ReplyRequest;
import dev.omnichannel.messaging.conversation.service.ConversationViews.StartRequest;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.messaging.ConversationMessageAdded;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One conversation per customer and topic, whatever the channel: inbound e-mail, SMS, WhatsApp and
 * social messages (identified by the sender's address through the recipients read model) and
 * replies from the web, the app or store staff join the same thread. A message without a known
 * topic continues the customer's latest thread. Unknown senders get a provisional thread keyed by
 * their address, attached to the customer once a snapshot or merge reveals them. Each change of a
 * customer's threads publishes their summary last in its transaction (a merge's, its caller).
 */
@ApplicationScoped
public class ConversationService {

    private final ConversationRepository repository;
    private final RecipientService recipients;
    private final IdempotentRequests idempotentRequests;
    private final Outbox outbox;
    private final CustomerSummaries summaries;
    private final ConversationSplits splits;
    private final Clock clock;

    ConversationService(ConversationRepository repository, RecipientService recipients, IdempotentRequests idempotentRequests,
            Outbox outbox, CustomerSummaries summaries, ConversationSplits splits, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.idempotentRequests = idempotentRequests;
        this.outbox = outbox;
        this.summaries = summaries;
        this.splits = splits;
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
                    return customerThread(id, topic, request.subject(), now)
                            .call(thread -> add(thread, channel, actor.author(), actor.toString(), request.text(), now, null))
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
                    return add(thread, channel, actor.author(), actor.toString(), request.text(), now, null)
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

    /**
     * A message received by a provider (in the caller's transaction). A retry of the same provider
     * message is stored once: the answer then names the message already stored.
     */
    public Uni<Inbound> inbound(String channel, String providerMessageId, SenderAddress from, String subject, String text,
            Instant sentAt) {
        return repository.messageByProviderId(channel, providerMessageId).chain(existing -> {
            if (existing != null) {
                return repository.findById(existing.conversationId).map(thread -> new Inbound(thread.id.toString(),
                        existing.id.toString(), thread.customerId, true));
            }
            Instant now = clock.instant();
            Instant at = sentAt != null ? sentAt : now;
            return recipients.customerByAddress(from)
                    .chain(customerId -> customerId == null ? provisionalThread(from.key(), subject, at)
                            : recipients.resolve(customerId).chain(id -> inboundThread(id, subject, at)))
                    .chain(thread -> add(thread, channel, "customer", from.key(), text, at, providerMessageId)
                            .call(message -> message == null ? Uni.createFrom().voidItem() : summaries.publish(thread.customerId))
                            .map(message -> message == null
                                    ? new Inbound(thread.id.toString(), null, thread.customerId, true)
                                    : new Inbound(thread.id.toString(), message.id.toString(), thread.customerId, false)));
        });
    }

    /** A snapshot revealed who wrote from these addresses: their provisional threads become the customer's. */
    public Uni<Void> attachProvisional(String customerId, List<SenderAddress> addresses) {
        if (addresses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.provisionalOf(addresses.stream().map(SenderAddress::key).toList())
                .chain(threads -> threads.isEmpty() ? Uni.createFrom().voidItem() : Multi.createFrom().iterable(threads)
                        .onItem().transformToUniAndConcatenate(thread -> moveTo(thread, customerId))
                        .collect().last()
                        .chain(() -> summaries.publish(customerId)));
    }

    /**
     * {@code customer.merged}: the duplicate's threads join the survivor's; same topic, one thread.
     * What each thread was, and which messages came from it, is kept for {@link #undoMerge}.
     * The caller publishes both summaries once the rest of the merge is done.
     */
    public Uni<Void> merge(String mergeId, String duplicateId, String survivorId) {
        Instant now = clock.instant();
        return repository.ofCustomer(duplicateId)
                .chain(threads -> Multi.createFrom().iterable(threads)
                        .onItem().transformToUniAndConcatenate(thread -> repository.byTopic(survivorId, thread.topic)
                                .call(target -> splits.remember(mergeId, duplicateId, thread, target, now))
                                .chain(() -> moveTo(thread, survivorId)))
                        .collect().last())
                .replaceWithVoid();
    }

    /**
     * {@code customer.merge-undone}: the restored customer gets its threads back with the messages that
     * came from them and their read marks; what was written since the merge stays with the survivor.
     * The caller publishes both summaries.
     */
    public Uni<Void> undoMerge(String restoredId) {
        return splits.of(restoredId)
                .chain(folded -> Multi.createFrom().iterable(folded)
                        .onItem().transformToUniAndConcatenate(thread -> giveBack(restoredId, thread))
                        .collect().last())
                .chain(() -> splits.forget(restoredId))
                .chain(() -> Panache.flush());
    }

    private Uni<Void> giveBack(String duplicateId, ConversationSplits.Folded folded) {
        if (folded.foldedInto() == null) {
            return repository.findById(folded.conversationId())
                    .chain(thread -> thread == null ? Uni.createFrom().voidItem() : returnWhole(duplicateId, thread, folded));
        }
        return splits.restore(duplicateId, folded)
                .chain(() -> splits.moveBack(duplicateId, folded.conversationId(), folded.conversationId()))
                .chain(moved -> repository.findById(folded.conversationId()).chain(restored -> {
                    if (restored == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (moved == 0) {
                        return repository.delete(restored); // its messages were erased since
                    }
                    return refreshLastMessage(restored);
                }))
                .chain(() -> repository.findById(folded.foldedInto()))
                .chain(into -> {
                    if (into == null) {
                        return Uni.createFrom().voidItem();
                    }
                    into.customerReadAt = later(into.customerReadAt, folded.survivorReadAt());
                    return refreshLastMessage(into);
                });
    }

    /** A thread the merge moved whole goes back; what was written in it since the merge stays with the survivor. */
    private Uni<Void> returnWhole(String duplicateId, ConversationEntity thread, ConversationSplits.Folded folded) {
        String survivorId = thread.customerId;
        Instant survivorRead = thread.customerReadAt;
        thread.customerId = duplicateId;
        thread.customerReadAt = folded.customerReadAt();
        return Panache.flush()
                .chain(() -> splits.writtenSince(duplicateId, thread.id))
                .chain(since -> since == 0 || survivorId == null ? Uni.createFrom().voidItem()
                        : repository.insertForCustomer(UUID.randomUUID(), survivorId, thread.topic, thread.subject,
                                folded.mergedAt())
                                .chain(() -> repository.byTopic(survivorId, thread.topic))
                                .chain(kept -> splits.moveWrittenSince(duplicateId, thread.id, kept.id)
                                        .chain(() -> {
                                            kept.customerReadAt = survivorRead;
                                            return refreshLastMessage(kept);
                                        })))
                .chain(() -> refreshLastMessage(thread));
    }

    private Uni<Void> refreshLastMessage(ConversationEntity thread) {
        return splits.lastMessageAt(thread.id).invoke(last -> {
            if (last != null) {
                thread.lastMessageAt = last;
            }
        }).replaceWithVoid();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }

    /**
     * {@code customer.erased}: their threads go, and the provisional ones of their addresses, with the
     * answers kept for Idempotency-Key retries that show any of their messages.
     */
    public Uni<Void> erase(String customerId, List<SenderAddress> addresses) {
        List<String> provisional = addresses.stream().map(SenderAddress::key).toList();
        return splits.forget(customerId)
                .chain(() -> repository.ofCustomer(customerId))
                .chain(own -> provisional.isEmpty() ? Uni.createFrom().item(own)
                        : repository.provisionalOf(provisional).map(theirs -> Stream.concat(own.stream(), theirs.stream()).toList()))
                .map(threads -> threads.stream().map(thread -> thread.id).toList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().voidItem()
                        : repository.forgetAnswersShowing(ids).chain(() -> repository.delete("id in ?1", ids)).replaceWithVoid());
    }

    private Uni<Void> moveTo(ConversationEntity thread, String customerId) {
        return repository.byTopic(customerId, thread.topic).chain(target -> {
            if (target != null && !target.id.equals(thread.id)) {
                return repository.fold(thread, target);
            }
            thread.customerId = customerId;
            thread.provisionalAddress = null;
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<ConversationEntity> inboundThread(String customerId, String subject, Instant now) {
        String topic = ConversationTopic.of(subject);
        return repository.byTopic(customerId, topic)
                .chain(byTopic -> byTopic != null ? Uni.createFrom().item(byTopic) : repository.latest(customerId))
                .chain(thread -> thread != null ? Uni.createFrom().item(thread) : customerThread(customerId, topic, subject, now));
    }

    private Uni<ConversationEntity> customerThread(String customerId, String topic, String subject, Instant now) {
        return repository.byTopic(customerId, topic).chain(existing -> existing != null
                ? Uni.createFrom().item(existing)
                : repository.insertForCustomer(UUID.randomUUID(), customerId, topic, blankToNull(subject), now)
                        .chain(() -> repository.byTopic(customerId, topic)));
    }

    private Uni<ConversationEntity> provisionalThread(String address, String subject, Instant now) {
        String topic = ConversationTopic.of(subject);
        return repository.provisionalByTopic(address, topic)
                .chain(byTopic -> byTopic != null ? Uni.createFrom().item(byTopic) : repository.provisionalLatest(address))
                .chain(thread -> thread != null ? Uni.createFrom().item(thread)
                        : repository.insertProvisional(UUID.randomUUID(), address, topic, blankToNull(subject), now)
                                .chain(() -> repository.provisionalByTopic(address, topic)));
    }

    /** Adds a message and publishes it; null when the provider already delivered this one. */
    private Uni<ConversationMessageEntity> add(ConversationEntity thread, String channel, String author, String authorRef,
            String text, Instant at, String providerMessageId) {
        ConversationMessageEntity message = new ConversationMessageEntity();
        message.id = UUID.randomUUID();
        message.conversationId = thread.id;
        message.channel = channel;
        message.author = author;
        message.authorRef = authorRef;
        message.text = text;
        message.sentAt = at;
        message.providerMessageId = providerMessageId;
        return repository.insertMessage(message).chain(inserted -> {
            if (!inserted) {
                return Uni.createFrom().nullItem();
            }
            if (at.isAfter(thread.lastMessageAt)) {
                thread.lastMessageAt = at;
            }
            // keyed by customer; a provisional thread's sender is not known yet, and its address is no key to publish
            String key = thread.customerId != null ? thread.customerId : thread.id.toString();
            return outbox.publish(Topics.MESSAGING_EVENTS, key, new ConversationMessageAdded(thread.id.toString(),
                    message.id.toString(), thread.customerId, channel, author, at)).replaceWith(message);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
