package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.repository.ConversationRepository;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;

/** A customer's conversations removed when they are erased. Runs in the caller's transaction. */
@ApplicationScoped
public class ConversationErasure {

    private final ConversationRepository repository;
    private final ConversationSplits splits;

    ConversationErasure(ConversationRepository repository, ConversationSplits splits) {
        this.repository = repository;
        this.splits = splits;
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
}
