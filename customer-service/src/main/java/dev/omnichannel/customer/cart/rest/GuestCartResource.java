package dev.omnichannel.customer.cart.rest;

import dev.omnichannel.customer.cart.service.GuestCartService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Guest carts; the gateway forwards the caller's {@code X-Cart-Token}. */
@Path("/carts")
@RolesAllowed("service")
public class GuestCartResource {

    public static final String CART_TOKEN = "X-Cart-Token";

    private final GuestCartService carts;

    GuestCartResource(GuestCartService carts) {
        this.carts = carts;
    }

    @POST
    public Uni<RestResponse<GuestCartView>> create(@RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return carts.create(idempotencyKey).map(cart -> RestResponse.status(RestResponse.Status.CREATED, cart));
    }

    @GET
    @Path("/{id}")
    public Uni<GuestCartView> get(@RestPath UUID id, @RestHeader(CART_TOKEN) String token) {
        return carts.get(id, token);
    }

    @PUT
    @Path("/{id}/items/{sku}")
    public Uni<GuestCartView> set(@RestPath UUID id, @RestPath String sku, @RestHeader(CART_TOKEN) String token,
            @Valid @NotNull QuantityRequest request, @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return carts.set(id, token, sku, request.quantity(), idempotencyKey);
    }
}
