package dev.omnichannel.customer.profile.events;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.service.ProfileLoader;
import dev.omnichannel.customer.profile.service.ProfileState;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.EventData;
import dev.omnichannel.shared.events.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Publishes a customer's changes on {@code customer.events}, in the caller's transaction:
 * every change ends with a fresh {@code customer.profile-changed} snapshot of a higher version,
 * so consumers (messaging) never need to call us to honour preferences and consents.
 */
@ApplicationScoped
public class ProfileChanges {

    private final ProfileLoader loader;
    private final Outbox outbox;

    ProfileChanges(ProfileLoader loader, Outbox outbox) {
        this.loader = loader;
        this.outbox = outbox;
    }

    /** The customer must be locked by the caller (its version is incremented). */
    public Uni<ProfileState> changed(Customer customer) {
        customer.version++;
        return loader.load(customer)
                .call(state -> outbox.publish(Topics.CUSTOMER_EVENTS, customer.id.toString(), state.toSnapshot()));
    }

    /** Any other event about the customer {@code key}. */
    public Uni<Void> publish(UUID key, EventData event) {
        return outbox.publish(Topics.CUSTOMER_EVENTS, key.toString(), event).replaceWithVoid();
    }
}
