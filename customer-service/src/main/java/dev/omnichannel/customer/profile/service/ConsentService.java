package dev.omnichannel.customer.profile.service;

import dev.omnichannel.customer.profile.domain.Consent;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.ConsentRepository;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.profile.rest.CustomerProfile;
import dev.omnichannel.customer.support.MessageChannel;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.events.customer.ConsentChanged;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Consent per message channel, with the time and the channel it was given or withdrawn on. */
@ApplicationScoped
public class ConsentService {

    private final CustomerRepository customers;
    private final ConsentRepository consents;
    private final ProfileChanges changes;
    private final IdempotentRequests idempotent;

    ConsentService(CustomerRepository customers, ConsentRepository consents, ProfileChanges changes,
            IdempotentRequests idempotent) {
        this.customers = customers;
        this.consents = consents;
        this.changes = changes;
        this.idempotent = idempotent;
    }

    public record ConsentCommand(String channel, boolean granted, String givenOn) {
    }

    /** {@code givenOn} is the caller's channel (X-Channel), already checked. */
    @WithTransaction
    public Uni<CustomerProfile> set(UUID id, MessageChannel channel, boolean granted, String givenOn, String idempotencyKey) {
        ConsentCommand command = new ConsentCommand(channel.wireName(), granted, givenOn);
        return idempotent.once(idempotencyKey, "consent:" + id, command, CustomerProfile.class,
                () -> customers.requireLockedActive(id)
                        .chain(customer -> record(customer, command, Now.instant()))
                        .map(ProfileState::toProfile));
    }

    /** The customer must be locked by the caller. */
    public Uni<ProfileState> record(Customer customer, ConsentCommand command, Instant at) {
        return consents.findOf(customer.id, command.channel())
                .chain(existing -> {
                    Consent consent = existing;
                    if (consent == null) {
                        consent = new Consent();
                        consent.id = UUID.randomUUID();
                        consent.customerId = customer.id;
                        consent.channel = command.channel();
                    }
                    consent.granted = command.granted();
                    consent.at = at;
                    consent.givenOn = command.givenOn();
                    return existing == null ? consents.persist(consent) : Uni.createFrom().item(consent);
                })
                .chain(consent -> changes.publish(customer.id,
                        new ConsentChanged(customer.id.toString(), consent.channel, consent.granted, consent.at, consent.givenOn)))
                .chain(() -> changes.changed(customer));
    }
}
