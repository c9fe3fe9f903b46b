package dev.omnichannel.gateway.security.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.ServiceProblemException;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.security.config.KioskConfig;
import dev.omnichannel.gateway.security.domain.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Who may act on what, beyond roles ({@code @RolesAllowed} on the resources): customers reach only
 * their own data, kiosks act for their own store and for customers they identified, staff within
 * their store, admins everywhere. Each refusal goes through {@link Refusals}.
 */
@ApplicationScoped
public class AccessPolicy {

    private final Refusals refusals;
    private final CustomerClient customers;
    private final KioskConfig kiosk;

    public AccessPolicy(Refusals refusals, CustomerClient customers, KioskConfig kiosk) {
        this.refusals = refusals;
        this.customers = customers;
        this.kiosk = kiosk;
    }

    /**
     * A store-bound act (stock movement, collection, return, a kiosk's reservation): admins anywhere,
     * staff and kiosks only at the store of their token.
     */
    public void requireStore(Caller caller, String storeId, String act) {
        if (caller.isAdmin()) {
            return;
        }
        if ((caller.isStaff() || caller.isKiosk()) && caller.hasStore()) {
            if (caller.storeId().equals(storeId)) {
                return;
            }
            throw refusals.forbidden(caller, act + " at " + storeId + " is outside this caller's store " + caller.storeId());
        }
        throw refusals.forbidden(caller, act + " is for the staff of a store");
    }

    /** A customer's resource as seen by a customer: someone else's answers 404, as if it did not exist. */
    public JsonNode requireOwner(Caller caller, String customerId, JsonNode resource, String what) {
        String owner = resource.path("customerId").asText(null);
        if (!Objects.equals(owner, customerId)) {
            throw refusals.hidden(caller, what, what + " " + resource.path("id").asText("?") + " belongs to customer "
                    + owner + ", not to the caller's " + customerId);
        }
        return resource;
    }

    /**
     * A kiosk acts only for a customer it identified at its store (a store visit recorded by
     * {@code GET /customers?identity=}) within the configured window.
     */
    public Uni<Void> requireIdentifiedAtKiosk(Caller caller, String customerId) {
        if (!caller.isKiosk()) {
            return Uni.createFrom().voidItem();
        }
        if (customerId == null || customerId.isBlank()) {
            return Uni.createFrom().failure(refusals.forbidden(caller, "a kiosk acts only for a customer it identified"));
        }
        return customers.latestVisit(customerId, caller.storeId())
                .onFailure(ServiceProblemException.class).recoverWithNull()
                .map(visit -> {
                    if (!identifiedRecently(visit)) {
                        throw refusals.forbidden(caller, "customer " + customerId + " was not identified at "
                                + caller.storeId() + " in the last " + kiosk.identificationWindow().toMinutes() + " minutes");
                    }
                    return null;
                });
    }

    private boolean identifiedRecently(JsonNode visit) {
        if (visit == null || !visit.hasNonNull("at")) {
            return false;
        }
        String at = visit.get("at").asText();
        try {
            return OffsetDateTime.parse(at).toInstant().isAfter(Instant.now().minus(kiosk.identificationWindow()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
