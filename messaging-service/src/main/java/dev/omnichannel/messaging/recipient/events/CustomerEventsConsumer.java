package dev.omnichannel.messaging.recipient.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.alert.repository.AlertRepository;
import dev.omnichannel.messaging.analytics.service.Conversions;
import dev.omnichannel.messaging.conversation.service.ConversationErasure;
import dev.omnichannel.messaging.conversation.service.ConversationMerges;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.recipient.service.RecipientUpdates;
import dev.omnichannel.messaging.summary.events.CustomerSummaries;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.data.personal.PersonalDataKeys;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.customer.ConsentChanged;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.events.customer.CustomerMergeUndone;
import dev.omnichannel.shared.events.customer.CustomerMerged;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.personal.SealedEventOpener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code customer.events}: the recipients read model and what follows a customer — a snapshot
 * reveals who wrote from an address (their provisional threads join them), a merge moves the
 * duplicate's threads, inbox, alerts and history to the survivor (an undo gives the threads back),
 * an erasure removes their personal data. Snapshots carry their personal fields sealed with
 * customer-service's key of the customer: they are opened first (the key is asked of
 * customer-service), outside the transaction.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private static final String CONSUMER = "messaging-service:customer-events";
    /** Not in {@link CustomerSnapshot} yet: {@code provider:handle} of each social identity, read when present. */

    private final IdempotentConsumer consumer;
    private final RecipientService recipients;
    private final RecipientUpdates recipientUpdates;
    private final ConversationMerges conversationMerges;
    private final ConversationErasure conversationErasure;
    private final NotificationRepository notifications;
    private final AlertRepository alerts;
    private final Conversions conversions;
    private final CustomerSummaries summaries;
    private final ObjectMapper mapper;
    private final SealedEventOpener opener;
    private final PersonalDataKeys keys;

    CustomerEventsConsumer(IdempotentConsumer consumer, RecipientService recipients, RecipientUpdates recipientUpdates,
            ConversationMerges conversationMerges, ConversationErasure conversationErasure, NotificationRepository notifications,
            AlertRepository alerts, Conversions conversions, CustomerSummaries summaries, ObjectMapper mapper,
            SealedEventOpener opener, PersonalDataKeys keys) {
        this.consumer = consumer;
        this.recipients = recipients;
        this.recipientUpdates = recipientUpdates;
        this.conversationMerges = conversationMerges;
        this.conversationErasure = conversationErasure;
        this.notifications = notifications;
        this.alerts = alerts;
        this.conversions = conversions;
        this.summaries = summaries;
        this.mapper = mapper;
        this.opener = opener;
        this.keys = keys;
    }

    @Incoming("customer-events")
    public Uni<Void> consume(String record) {
        CloudEvent event = consumer.parse(record);
        return switch (event.type()) {
            case CustomerSnapshot.TYPE -> opener.open(event).chain(opened -> consumer.handleOnce(CONSUMER, opened, this::onSnapshot));
            case ConsentChanged.TYPE -> consumer.handleOnce(CONSUMER, event, this::onConsent);
            case CustomerMerged.TYPE -> consumer.handleOnce(CONSUMER, event, this::onMerged);
            case CustomerMergeUndone.TYPE -> consumer.handleOnce(CONSUMER, event, this::onMergeUndone);
            case CustomerErased.TYPE -> consumer.handleOnce(CONSUMER, event, this::onErased);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> onSnapshot(CloudEvent event) {
        CustomerSnapshot snapshot = event.dataAs(mapper, CustomerSnapshot.class);
        if (snapshot.customerId() == null) {
            return Uni.createFrom().voidItem();
        }
        return recipientUpdates.applySnapshot(snapshot)
                .chain(addresses -> addresses == null ? Uni.createFrom().voidItem()
                        : conversationMerges.attachProvisional(snapshot.customerId(), addresses.all()));
    }

    /** Withdrawals apply at once; grants wait for the snapshot that carries them with its version. */
    private Uni<Void> onConsent(CloudEvent event) {
        ConsentChanged consent = event.dataAs(mapper, ConsentChanged.class);
        if (consent.granted() || consent.customerId() == null) {
            return Uni.createFrom().voidItem();
        }
        return recipients.resolve(consent.customerId()).chain(id -> recipientUpdates.withdrawConsent(id, consent.channel()));
    }

    private Uni<Void> onMerged(CloudEvent event) {
        CustomerMerged merged = event.dataAs(mapper, CustomerMerged.class);
        String duplicate = merged.duplicateId();
        String survivor = merged.survivorId();
        if (duplicate == null || survivor == null || duplicate.equals(survivor)) {
            return Uni.createFrom().voidItem();
        }
        return recipientUpdates.merge(merged.mergeId(), survivor, duplicate)
                .chain(() -> conversationMerges.merge(merged.mergeId(), duplicate, survivor))
                .chain(() -> notifications.reassign(duplicate, survivor))
                .chain(() -> alerts.reassign(duplicate, survivor))
                .chain(() -> conversions.reassign(duplicate, survivor))
                // the duplicate's id now shows the survivor's threads and inbox too
                .chain(() -> summaries.publish(List.of(survivor, duplicate)));
    }

    /**
     * The restored id is itself again and gets its own conversation threads back (what was written
     * since the merge stays with the survivor); its inbox, alerts and history stay with the survivor.
     */
    private Uni<Void> onMergeUndone(CloudEvent event) {
        CustomerMergeUndone undone = event.dataAs(mapper, CustomerMergeUndone.class);
        String restoredId = undone.restoredId();
        if (restoredId == null) {
            return Uni.createFrom().voidItem();
        }
        return recipientUpdates.undoMerge(restoredId)
                .chain(() -> conversationMerges.undoMerge(restoredId))
                .chain(() -> summaries.publish(undone.survivorId() == null ? List.of(restoredId)
                        : List.of(restoredId, undone.survivorId())));
    }

    private Uni<Void> onErased(CloudEvent event) {
        String customerId = event.dataAs(mapper, CustomerErased.class).customerId();
        if (customerId == null) {
            return Uni.createFrom().voidItem();
        }
        return recipients.find(customerId)
                .chain(recipient -> conversationErasure.erase(customerId,
                        recipient.map(r -> r.addresses().all()).orElse(List.of())))
                .chain(() -> notifications.erase(customerId))
                .chain(() -> alerts.erase(customerId))
                .chain(() -> recipientUpdates.erase(customerId))
                // the summaries messaging published of them (their last messages) can no longer be read
                .chain(() -> keys.destroy(List.of(customerId)))
                .invoke(() -> opener.forget(customerId));
    }
}
