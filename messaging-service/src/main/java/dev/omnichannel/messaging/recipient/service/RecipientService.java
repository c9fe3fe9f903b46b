package dev.omnichannel.messaging.recipient.service;

import dev.omnichannel.messaging.recipient.domain.Recipient;
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
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The recipients read model, kept from {@code customer.events} only (messaging asks customer-service
 * for nothing but the keys that open the snapshots' personal fields): the newest snapshot of each
 * customer wins, merged-away ids point to their survivor (their newest snapshot kept aside, opened,
 * until an undo or an erasure), erased customers keep a tombstone without personal data. Methods run
 * in the caller's transaction.
 */
@ApplicationScoped
public class RecipientService {

    private static final Logger LOG = Logger.getLogger(RecipientService.class);

    private final RecipientRepository repository;
    private final Json json;
    private final Clock clock;

    RecipientService(RecipientRepository repository, Json json, Clock clock) {
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
                fill(entity, snapshot, addresses);
                Uni<RecipientEntity> saved = existing != null ? Uni.createFrom().item(entity) : repository.persist(entity);
                return saved.chain(() -> Panache.flush())
                        .chain(() -> repository.replaceAddresses(customerId, addresses.all()))
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

    /** The id a customer is known by now (the survivor of any merges). */
    public Uni<String> resolve(String customerId) {
        return resolve(customerId, 0);
    }

    private Uni<String> resolve(String customerId, int depth) {
        if (depth > 8) {
            return Uni.createFrom().item(customerId);
        }
        return repository.survivorOf(customerId)
                .chain(survivor -> survivor == null ? Uni.createFrom().item(customerId) : resolve(survivor, depth + 1));
    }

    public Uni<Optional<Recipient>> find(String customerId) {
        return repository.findById(customerId)
                .map(entity -> entity == null || entity.erased ? Optional.<Recipient>empty() : Optional.of(toRecipient(entity)));
    }

    public Uni<String> customerByAddress(SenderAddress address) {
        return repository.customerByAddress(address);
    }

    public Uni<List<String>> segmentMembers(String segment) {
        return repository.segmentMembers(segment);
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

    private Recipient toRecipient(RecipientEntity entity) {
        Map<MessageChannel, Boolean> consents = new EnumMap<>(MessageChannel.class);
        consents.put(MessageChannel.EMAIL, entity.consentEmail);
        consents.put(MessageChannel.SMS, entity.consentSms);
        consents.put(MessageChannel.PUSH, entity.consentPush);
        consents.put(MessageChannel.WHATSAPP, entity.consentWhatsapp);
        return new Recipient(entity.customerId, entity.displayName, MessageChannel.find(entity.preferredChannel),
                entity.language, zone(entity.timeZone), time(entity.quietStart), time(entity.quietEnd), consents,
                json.read(entity.addresses, RecipientAddresses.class));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static LocalTime time(String value) {
        try {
            return value == null ? null : LocalTime.parse(value);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
