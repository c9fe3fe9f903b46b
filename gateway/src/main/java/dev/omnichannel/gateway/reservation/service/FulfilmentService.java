package dev.omnichannel.gateway.reservation.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.availability.service.StockWrites;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.reservation.rest.Requests.OrderRequest;
import dev.omnichannel.gateway.reservation.rest.Requests.ReturnRequest;
import dev.omnichannel.gateway.reservation.rest.Requests.StatusChange;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.AccessPolicy;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.view.service.ViewUpdates;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Orders fulfilled from other locations (endless aisle) and returns in any store, as each caller
 * may do them: a kiosk orders for a customer it identified, delivered to its store or home, and
 * takes returns at its store; staff take returns at their store.
 */
@ApplicationScoped
public class FulfilmentService {

    private final InventoryClient inventory;
    private final AccessPolicy access;
    private final CallerContext context;
    private final ViewUpdates views;
    private final StockWrites stock;

    public FulfilmentService(InventoryClient inventory, AccessPolicy access, CallerContext context, ViewUpdates views,
            StockWrites stock) {
        this.inventory = inventory;
        this.access = access;
        this.context = context;
        this.views = views;
        this.stock = stock;
    }

    public Uni<RestResponse<JsonNode>> order(OrderRequest order) {
        return kept(placed(order));
    }

    private Uni<RestResponse<JsonNode>> placed(OrderRequest order) {
        Caller caller = context.caller();
        if (caller.isCustomer()) {
            return context.customerId().chain(id -> inventory.order(order.forCustomer(id), context.idempotencyKey()));
        }
        if (caller.isKiosk()) {
            if (order.customerId() == null || order.customerId().isBlank()) {
                return Uni.createFrom().failure(ProblemException.badRequest("customerId", "the customer ordered for is required"));
            }
            if (order.deliverTo().storeId() != null) {
                access.requireStore(caller, order.deliverTo().storeId(), "ordering for delivery");
            }
            return access.requireIdentifiedAtKiosk(caller, order.customerId())
                    .chain(() -> inventory.order(order, context.idempotencyKey()));
        }
        return inventory.order(order, context.idempotencyKey());
    }

    /** An order as this caller may see it: a customer's own, any for staff and admins. */
    public Uni<JsonNode> visibleOrder(String id) {
        Caller caller = context.caller();
        return inventory.order(id).chain(order -> caller.isCustomer() && !caller.isStaff() && !caller.isAdmin()
                ? context.customerId().map(customerId -> access.requireOwner(caller, customerId, order, "order"))
                : Uni.createFrom().item(order));
    }

    /**
     * An order moves on (shipped, delivered, collected, cancelled): admins anywhere, staff of a store
     * the order involves — the store it is delivered to or one it is sourced from.
     */
    public Uni<RestResponse<JsonNode>> advance(String id, StatusChange change) {
        Caller caller = context.caller();
        return kept(inventory.order(id).chain(order -> {
            if (!caller.isAdmin()) {
                access.requireStore(caller, involvedStore(order, caller.storeId()), "moving an order on");
            }
            return inventory.advanceOrder(id, change.normalized(), context.idempotencyKey());
        }));
    }

    /** The caller's store when the order involves it, else the store it is delivered to (which then refuses). */
    private static String involvedStore(JsonNode order, String callerStore) {
        String deliverTo = order.path("deliverTo").path("storeId").asText(null);
        if (callerStore == null || callerStore.equals(deliverTo)) {
            return deliverTo;
        }
        for (JsonNode allocation : order.path("allocations")) {
            if (callerStore.equals(allocation.path("storeId").asText(null))) {
                return callerStore;
            }
        }
        return deliverTo == null ? "a home delivery" : deliverTo;
    }

    public Uni<RestResponse<JsonNode>> acceptReturn(ReturnRequest itemReturn) {
        access.requireStore(context.caller(), itemReturn.storeId(), "taking a return");
        return inventory.acceptReturn(itemReturn, context.idempotencyKey()).chain(stock::visible);
    }

    /** The step's answer goes back once the view model and this replica's stock model hold it. */
    private Uni<RestResponse<JsonNode>> kept(Uni<RestResponse<JsonNode>> step) {
        return step.call(answer -> views.orderAnswered(answer.getEntity())).chain(stock::visible);
    }
}
