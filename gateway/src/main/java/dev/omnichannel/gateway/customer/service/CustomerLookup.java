package dev.omnichannel.gateway.customer.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Json;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.interaction.events.InteractionPublisher;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Finding a customer by phone, email or loyalty card. In a store (a kiosk, or staff with a store)
 * this identifies the customer there: the visit is recorded before answering, since it is what
 * lets the kiosk act for them next, and published as a {@code store-visit} interaction.
 */
@ApplicationScoped
public class CustomerLookup {

    private final CustomerClient customers;
    private final InteractionPublisher interactions;
    private final CallerContext context;

    public CustomerLookup(CustomerClient customers, InteractionPublisher interactions, CallerContext context) {
        this.customers = customers;
        this.interactions = interactions;
        this.context = context;
    }

    public Uni<JsonNode> find(String identity) {
        Caller caller = context.caller();
        return customers.findByIdentity(identity).call(found -> {
            if (!caller.hasStore() || !(caller.isKiosk() || caller.isStaff())) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<Void>> visits = Json.items(found).stream()
                    .map(profile -> profile.path("id").asText())
                    .map(customerId -> customers.recordVisit(customerId, caller.storeId(), null)
                            .invoke(() -> interactions.record(customerId, caller.channel(),
                                    InteractionPublisher.STORE_VISIT, null, caller.storeId(), null))
                            .replaceWithVoid())
                    .toList();
            return visits.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(visits).andFailFast();
        });
    }
}
