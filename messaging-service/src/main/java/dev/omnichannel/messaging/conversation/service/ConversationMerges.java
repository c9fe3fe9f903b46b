package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.domain.ConversationEntity;
import dev.omnichannel.messaging.conversation.repository.ConversationRepository;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Threads changing customer as {@code customer.events} reveals who is who: provisional threads join the
 * customer a snapshot names, a merge moves the duplicate's threads to the survivor (same topic, one
 * thread; what each was is kept in {@link ConversationSplits}) and an undo gives them back. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class ConversationMerges {

    private final ConversationRepository repository;
    private final ConversationSplits splits;
    private final CustomerSummaries summaries;
    private final Clock clock;

    ConversationMerges(ConversationRepository repository, ConversationSplits splits, CustomerSummaries summaries, Clock clock) {
        this.repository = repository;
        this.splits = splits;
        this.summaries = summaries;
        this.clock = clock;
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
}
