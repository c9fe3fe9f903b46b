package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.messaging.conversation.repository.ConversationRepository;
import dev.omnichannel.messaging.conversation.service.ConversationViews.Inbound;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Messages received by a provider (inbound e-mail, SMS, WhatsApp and social messages): the sender is
 * identified by their address through the recipients read model and the message joins their thread on
 * its topic, or their latest thread when the topic is new to them. An unknown sender gets a provisional
 * thread keyed by their address ({@link ConversationMerges#attachProvisional} gives it to the customer
 * later). The customer's summary is published last.
 */
@ApplicationScoped
public class InboundMessages {

    private final ConversationRepository repository;
    private final RecipientService recipients;
    private final ConversationThreads threads;
    private final CustomerSummaries summaries;
    private final Clock clock;

    InboundMessages(ConversationRepository repository, RecipientService recipients, ConversationThreads threads,
            CustomerSummaries summaries, Clock clock) {
        this.repository = repository;
        this.recipients = recipients;
        this.threads = threads;
        this.summaries = summaries;
        this.clock = clock;
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
                    .chain(customerId -> customerId == null ? threads.provisionalThread(from.key(), subject, at)
                            : recipients.resolve(customerId).chain(id -> threads.inboundThread(id, subject, at)))
                    .chain(thread -> threads.add(thread, channel, "customer", from.key(), text, at, providerMessageId)
                            .call(message -> message == null ? Uni.createFrom().voidItem() : summaries.publish(thread.customerId))
                            .map(message -> message == null
                                    ? new Inbound(thread.id.toString(), null, thread.customerId, true)
                                    : new Inbound(thread.id.toString(), message.id.toString(), thread.customerId, false)));
        });
    }
}
