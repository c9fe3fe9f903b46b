package dev.omnichannel.messaging.recipient.service;

import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.recipient.domain.RecipientAddresses;
import dev.omnichannel.messaging.recipient.domain.RecipientEntity;
import dev.omnichannel.messaging.recipient.domain.SenderAddress;
import dev.omnichannel.messaging.recipient.repository.RecipientRepository;
import dev.omnichannel.messaging.support.Json;
import dev.omnichannel.messaging.support.MessageChannel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recipients read model, kept from {@code customer.events} only ({@link RecipientUpdates}; messaging
 * asks customer-service for nothing but the keys that open the snapshots' personal fields): who a
 * customer is now (the survivor of any merges), how to reach them, who wrote from an address, who is in
 * a segment. Methods run in the caller's transaction.
 */
@ApplicationScoped
public class RecipientService {

    private final RecipientRepository repository;
    private final Json json;

    RecipientService(RecipientRepository repository, Json json) {
        this.repository = repository;
        this.json = json;
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
