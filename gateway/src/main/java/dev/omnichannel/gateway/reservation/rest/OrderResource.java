package dev.omnichannel.gateway.reservation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.reservation.rest.Requests.OrderRequest;
import dev.omnichannel.gateway.reservation.rest.Requests.StatusChange;
import dev.omnichannel.gateway.reservation.service.FulfilmentService;
import dev.omnichannel.gateway.security.domain.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/orders")
@Tag(name = "Reservations, orders, returns")
public class OrderResource {

    private final FulfilmentService fulfilment;

    public OrderResource(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @POST
    @RolesAllowed({ Caller.CUSTOMER, Caller.KIOSK, Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Order from other locations when the store lacks stock",
            description = "deliverTo is {\"storeId\"} or {\"address\"}; a kiosk orders for a customer it identified.")
    @APIResponse(responseCode = "201", description = "id, status, allocations[] (storeId, sku, quantity)")
    public Uni<RestResponse<JsonNode>> order(@NotNull @Valid OrderRequest order) {
        return fulfilment.order(order).map(Relay::answer);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Move an order on: {\"status\"} shipped, delivered, collected (delivered to a store) or cancelled",
            description = "Staff of the store it is delivered to or sourced from; admins anywhere. The customer is told "
                    + "on their preferred channel.")
    @APIResponse(responseCode = "200", description = "The order with its new status")
    @APIResponse(responseCode = "409", description = "The order cannot go to that status from where it is")
    public Uni<RestResponse<JsonNode>> advance(@PathParam("id") String id, @NotNull @Valid StatusChange change) {
        return fulfilment.advance(id, change).map(Relay::answer);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Caller.CUSTOMER, Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "One order (the owner's, or any for staff)")
    public Uni<JsonNode> orderById(@PathParam("id") String id) {
        return fulfilment.visibleOrder(id);
    }
}
