package dev.omnichannel.gateway.reservation.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.availability.service.StockWrites;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.reservation.rest.Requests.Collection;
import dev.omnichannel.gateway.reservation.rest.Requests.Extension;
import dev.omnichannel.gateway.reservation.rest.Requests.ReservationRequest;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.AccessPolicy;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.view.service.ViewUpdates;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Click &amp; collect as each caller may do it: a customer for themself, a kiosk for a customer it
 * identified at its own store, staff for a customer (collecting and marking ready at their own
 * store), admins everywhere. Stock rules (never oversell, pickup stores only) are the service's.
 */
@ApplicationScoped
public class ReservationService {

    static final String WHAT = "reservation";

    private final InventoryClient inventory;
    private final AccessPolicy access;
    private final CallerContext context;
    private final ViewUpdates views;
    private final StockWrites stock;

    public ReservationService(InventoryClient inventory, AccessPolicy access, CallerContext context, ViewUpdates views,
            StockWrites stock) {
        this.inventory = inventory;
        this.access = access;
        this.context = context;
        this.views = views;
        this.stock = stock;
    }

    public Uni<RestResponse<JsonNode>> reserve(ReservationRequest request) {
        return kept(placed(request));
    }

    private Uni<RestResponse<JsonNode>> placed(ReservationRequest request) {
        Caller caller = context.caller();
        if (caller.isCustomer()) {
            return context.customerId().chain(id -> inventory.reserve(request.forCustomer(id), context.idempotencyKey()));
        }
        if (request.customerId() == null || request.customerId().isBlank()) {
            return Uni.createFrom().failure(ProblemException.badRequest("customerId", "the customer reserved for is required"));
        }
        if (caller.isKiosk()) {
            access.requireStore(caller, request.storeId(), "reserving");
            return access.requireIdentifiedAtKiosk(caller, request.customerId())
                    .chain(() -> inventory.reserve(request, context.idempotencyKey()));
        }
        return inventory.reserve(request, context.idempotencyKey());
    }

    /** A reservation as this caller may see it: a customer's own, a kiosk's store's, any for staff and admins. */
    public Uni<JsonNode> visible(String id) {
        Caller caller = context.caller();
        return inventory.reservation(id).chain(reservation -> {
            if (caller.isCustomer() && !caller.isStaff() && !caller.isAdmin()) {
                return context.customerId().map(customerId -> access.requireOwner(caller, customerId, reservation, WHAT));
            }
            if (caller.isKiosk()) {
                access.requireStore(caller, reservation.path("storeId").asText(), "reading a reservation");
            }
            return Uni.createFrom().item(reservation);
        });
    }

    public Uni<RestResponse<JsonNode>> extend(String id, Extension extension) {
        return kept(visible(id).chain(() -> inventory.extend(id, extension, context.idempotencyKey())));
    }

    public Uni<RestResponse<JsonNode>> cancel(String id) {
        return kept(visible(id).chain(() -> inventory.cancel(id, context.idempotencyKey())));
    }

    public Uni<RestResponse<JsonNode>> collect(String id, Collection collection) {
        return kept(inventory.reservation(id).chain(reservation -> {
            access.requireStore(context.caller(), reservation.path("storeId").asText(), "collecting a reservation");
            return inventory.collect(id, collection, context.idempotencyKey());
        }));
    }

    public Uni<RestResponse<JsonNode>> ready(String id) {
        return kept(inventory.reservation(id).chain(reservation -> {
            access.requireStore(context.caller(), reservation.path("storeId").asText(), "preparing a reservation");
            return inventory.ready(id, context.idempotencyKey());
        }));
    }

    public Uni<JsonNode> findByPickupCode(String storeId, String pickupCode) {
        access.requireStore(context.caller(), storeId, "looking up a pickup code");
        return inventory.reservationsByPickupCode(storeId, pickupCode);
    }

    /** The step's answer goes back once the view model and this replica's stock model hold it. */
    private Uni<RestResponse<JsonNode>> kept(Uni<RestResponse<JsonNode>> step) {
        return step.call(answer -> views.reservationAnswered(answer.getEntity())).chain(stock::visible);
    }

    public Uni<JsonNode> mine(boolean activeOnly) {
        return context.customerId().chain(id -> inventory.reservationsOf(id, activeOnly ? Boolean.TRUE : null));
    }
}
