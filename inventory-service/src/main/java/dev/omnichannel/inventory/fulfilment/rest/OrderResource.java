package dev.omnichannel.inventory.fulfilment.rest;

import dev.omnichannel.inventory.fulfilment.service.OrderService;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Endless-aisle fulfilment orders. */
@Path("/orders")
@RolesAllowed("service")
public class OrderResource {

    private final OrderService orders;

    OrderResource(OrderService orders) {
        this.orders = orders;
    }

    /** 201 with the allocations; 409 listing the lines no location can supply; 422 when the store offers no pickup. */
    @POST
    public Uni<RestResponse<OrderView>> create(@Valid @NotNull OrderRequest request, @BeanParam Caller caller) {
        return orders.create(request, caller)
                .map(created -> RestResponse.ResponseBuilder.<OrderView>created(URI.create("/orders/" + created.id()))
                        .entity(created).build());
    }

    @GET
    @Path("/{id}")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return orders.get(id);
    }

    @GET
    public Uni<Page<OrderView>> ofCustomer(@QueryParam("customerId") @NotNull UUID customerId,
            @Valid @BeanParam PageRequest page) {
        return orders.ofCustomer(customerId, page);
    }

    /** SHIPPED, DELIVERED, COLLECTED (store delivery) or CANCELLED (before shipping). */
    @POST
    @Path("/{id}/status")
    public Uni<OrderView> advance(@PathParam("id") UUID id, @Valid @NotNull StatusRequest request,
            @BeanParam Caller caller) {
        return orders.advance(id, request.next(), caller);
    }
}
