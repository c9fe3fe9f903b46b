package dev.omnichannel.customer.cart.rest;

import dev.omnichannel.customer.cart.service.CartService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/customers/{id}/cart")
@RolesAllowed("service")
public class CartResource {

    private final CartService carts;

    CartResource(CartService carts) {
        this.carts = carts;
    }

    @GET
    public Uni<CartView> get(@RestPath UUID id) {
        return carts.get(id);
    }

    @PUT
    @Path("/items/{sku}")
    public Uni<CartView> set(@RestPath UUID id, @RestPath String sku, @Valid @NotNull QuantityRequest request,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return carts.set(id, sku, request.quantity(), idempotencyKey);
    }

    @DELETE
    @Path("/items/{sku}")
    public Uni<CartView> remove(@RestPath UUID id, @RestPath String sku,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return carts.set(id, sku, 0, idempotencyKey);
    }

    @POST
    @Path("/merge")
    public Uni<CartView> merge(@RestPath UUID id, @Valid @NotNull GuestCartMergeRequest request,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return carts.mergeGuest(id, request, idempotencyKey);
    }
}
