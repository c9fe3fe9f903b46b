package dev.omnichannel.messaging.recipient.service;

import dev.omnichannel.messaging.recipient.domain.RecipientAddresses;
import dev.omnichannel.messaging.recipient.domain.RecipientEntity;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import dev.omnichannel.messaging.recipient.repository.RecipientRepository;
import dev.omnichannel.messaging.support.Json;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Keeps the recipients read model ({@link RecipientService}) from {@code customer.events}: the newest
 * snapshot of each customer wins, a consent withdrawal applies at once, merged-away ids point to their
 * survivor (their newest snapshot kept aside until an undo or an erasure), erased customers keep a
 * tombstone without personal data. Methods run in the caller's transaction.
 */
@ApplicationScoped
public class RecipientUpdates {

    private static final Logger LOG = Logger.getLogger(RecipientUpdates.class);

    private final RecipientRepository repository;
    private final Json json;
    private final Clock clock;

    RecipientUpdates(RecipientRepository repository, Json json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the snapshot if it is newer than the one held; answers the addresses it holds now, or null if ignored. */
    public Uni<RecipientAddresses> applySnapshot(CustomerSnapshot snapshot) {
        String customerId = snapshot.customerId();
        return repository.survivorOf(customerId).chain(survivor -> {
            if (survivor != null) {
                LOG.debugf("snapshot of merged-away customer %s kept aside until an undo", customerId);
                return repository.keepDormant(customerId, snapshot.version(), json.write(snapshot))
                        .replaceWith((RecipientAddresses) null);
            }
            return repository.findById(customerId).chain(existing -> {
                if (existing != null && (existing.erased || existing.version >= snapshot.version())) {
                    return Uni.createFrom().<RecipientAddresses>nullItem();
                }
                RecipientEntity entity = existing != null ? existing : new RecipientEntity();
                RecipientAddresses addresses = addressesOf(snapshot);
                String addressesBefore = existing == null ? null : existing.addresses;
                fill(entity, snapshot, addresses);
                // most snapshots change the cart or the wishlist, not where to write to
                boolean sameAddresses = entity.addresses.equals(addressesBefore);
                Uni<RecipientEntity> saved = existing != null ? Uni.createFrom().item(entity) : repository.persist(entity);
                return saved.chain(() -> Panache.flush())
                        .chain(() -> sameAddresses ? Uni.createFrom().voidItem()
                                : repository.replaceAddresses(customerId, addresses.all()))
                        .chain(() -> repository.replaceSegments(customerId,
                                snapshot.segments() == null ? List.of() : snapshot.segments().stream().filter(Objects::nonNull).distinct().toList()))
                        .replaceWith(addresses);
            });
        });
    }

    /** A withdrawal applies at once, even before the next snapshot: never send on a refused channel. */
    public Uni<Void> withdrawConsent(String customerId, String channel) {
        return repository.findById(customerId).invoke(entity -> {
            if (entity == null) {
                return;
            }
            switch (MessageChannel.find(channel).orElse(MessageChannel.IN_APP)) {
                case EMAIL -> entity.consentEmail = false;
                case SMS -> entity.consentSms = false;
                case PUSH -> entity.consentPush = false;
                case WHATSAPP -> entity.consentWhatsapp = false;
                case IN_APP -> {
                }
            }
        }).replaceWithVoid();
    }

    /** The duplicate's id now means the survivor; its own copy goes (the survivor's next snapshot has it all). */
    public Uni<Void> merge(String mergeId, String survivorId, String duplicateId) {
        return repository.addAlias(duplicateId, survivorId, mergeId)
                .chain(() -> repository.delete("customerId", duplicateId))
                .replaceWithVoid();
    }

    /** The restored customer is itself again, with the newest snapshot that came while it was merged away. */
    public Uni<Void> undoMerge(String restoredId) {
        return repository.removeAlias(restoredId)
                .chain(() -> repository.takeDormant(restoredId))
                .chain(dormant -> dormant == null ? Uni.createFrom().voidItem()
                        : applySnapshot(json.read(dormant, CustomerSnapshot.class)).replaceWithVoid());
    }

    /** Personal data goes; a tombstone stays so that no older snapshot brings it back. */
    public Uni<Void> erase(String customerId) {
        return repository.takeDormant(customerId).chain(() -> repository.findById(customerId)).chain(existing -> {
            RecipientEntity entity = existing != null ? existing : new RecipientEntity();
            entity.customerId = customerId;
            entity.displayName = null;
            entity.preferredChannel = null;
            entity.language = null;
            entity.timeZone = null;
            entity.quietStart = null;
            entity.quietEnd = null;
            entity.consentEmail = false;
            entity.consentSms = false;
            entity.consentPush = false;
            entity.consentWhatsapp = false;
            entity.addresses = "{}";
            entity.erased = true;
            entity.version = Long.MAX_VALUE;
            entity.updatedAt = clock.instant();
            Uni<RecipientEntity> saved = existing != null ? Uni.createFrom().item(entity) : repository.persist(entity);
            return saved.chain(() -> Panache.flush())
                    .chain(() -> repository.replaceAddresses(customerId, List.of()))
                    .chain(() -> repository.replaceSegments(customerId, List.of()));
        });
    }

    private void fill(RecipientEntity entity, CustomerSnapshot snapshot, RecipientAddresses addresses) {
        entity.customerId = snapshot.customerId();
        entity.displayName = snapshot.displayName();
        CustomerSnapshot.Preferences preferences = snapshot.preferences();
        entity.preferredChannel = preferences == null ? null : preferences.preferredChannel();
        entity.language = preferences == null ? null : preferences.language();
        entity.timeZone = preferences == null ? null : preferences.timeZone();
        CustomerSnapshot.QuietHours quiet = preferences == null ? null : preferences.quietHours();
        entity.quietStart = quiet == null ? null : quiet.start();
        entity.quietEnd = quiet == null ? null : quiet.end();
        Map<String, CustomerSnapshot.Consent> consents = snapshot.consents() == null ? Map.of() : snapshot.consents();
        entity.consentEmail = granted(consents, "email");
        entity.consentSms = granted(consents, "sms");
        entity.consentPush = granted(consents, "push");
        entity.consentWhatsapp = granted(consents, "whatsapp");
        entity.addresses = json.write(addresses);
        entity.version = snapshot.version();
        entity.erased = false;
        entity.updatedAt = clock.instant();
    }

    private static boolean granted(Map<String, CustomerSnapshot.Consent> consents, String channel) {
        CustomerSnapshot.Consent consent = consents.get(channel);
        return consent != null && consent.granted();
    }

    private static RecipientAddresses addressesOf(CustomerSnapshot snapshot) {
        return new RecipientAddresses(
                normalized(snapshot.emails(), value -> SenderAddress.email(value).value()),
                normalized(snapshot.phones(), value -> SenderAddress.phone(value).value()),
                normalized(snapshot.deviceTokens(), value -> SenderAddress.device(value).value()),
                normalized(snapshot.socialHandles(), value -> SenderAddress.social(null, value).value()));
    }

    private static List<String> normalized(List<String> values, java.util.function.UnaryOperator<String> normalize) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(value -> value != null && !value.isBlank()).map(normalize).distinct().toList();
    }
}
