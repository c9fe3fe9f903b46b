package dev.omnichannel.customer.profile.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.profile.rest.CustomerProfile;
import dev.omnichannel.customer.profile.rest.PreferencesPatch;
import dev.omnichannel.customer.support.MessageChannel;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Channel preferences, preferred store, language, time zone and quiet hours. */
@ApplicationScoped
public class PreferenceService {

    private final CustomerRepository customers;
    private final ProfileLoader loader;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;

    PreferenceService(CustomerRepository customers, ProfileLoader loader, ProfileChanges changes,
            IdempotentRequests idempotent) {
        this.customers = customers;
        this.loader = loader;
        this.changes = changes;
        this.idempotent = idempotent;
    }

    @WithTransaction
    public Uni<CustomerProfile> update(UUID id, PreferencesPatch patch, String idempotencyKey) {
        validate(patch);
        return idempotent.once(idempotencyKey, "preferences:" + id, patch, CustomerProfile.class,
                () -> customers.requireLockedActive(id).chain(customer -> {
                    List<String> before = values(customer);
                    apply(customer, patch);
                    return (before.equals(values(customer)) ? loader.load(customer) : changes.changed(customer))
                            .map(ProfileState::toProfile);
                }));
    }

    private static void validate(PreferencesPatch patch) {
        if (patch == null) {
            throw ProblemException.badRequest("request", "a JSON body is required");
        }
        if (patch.preferredChannel() != null) {
            MessageChannel.parse(patch.preferredChannel(), "preferredChannel");
        }
        if (patch.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(patch.timeZone())) {
            throw ProblemException.badRequest("timeZone", "an IANA time zone such as Europe/Paris");
        }
        if (patch.quietHours() != null && (patch.quietHours().start() == null) != (patch.quietHours().end() == null)) {
            throw ProblemException.badRequest("quietHours", "give both start and end, or neither to remove quiet hours");
        }
    }

    private static void apply(Customer customer, PreferencesPatch patch) {
        if (patch.preferredChannel() != null) {
            customer.preferredChannel = MessageChannel.parse(patch.preferredChannel(), "preferredChannel").wireName();
        }
        if (patch.preferredStoreId() != null) {
            customer.preferredStoreId = patch.preferredStoreId();
        }
        if (patch.language() != null) {
            customer.language = patch.language();
        }
        if (patch.timeZone() != null) {
            customer.timeZone = patch.timeZone();
        }
        if (patch.quietHours() != null) {
            customer.quietStart = patch.quietHours().start();
            customer.quietEnd = patch.quietHours().end();
        }
    }

    private static List<String> values(Customer c) {
        return Arrays.asList(c.preferredChannel, c.preferredStoreId, c.language, c.timeZone, c.quietStart,
                c.quietEnd).stream().map(v -> Objects.toString(v, "")).toList();
    }
}
