package dev.omnichannel.gateway.customer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.customer.rest.Requests.CartQuantity;
import dev.omnichannel.gateway.customer.service.CartService;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.security.service.Refusals;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Anonymous carts before login, reached with their {@code X-Cart-Token} (rate limited per address). */
@Path("/api/v1/carts")
@Tag(name = "Guest")
@PermitAll
public class GuestCartResource {

    static final String CART_TOKEN = "X-Cart-Token";

    private final CustomerClient customers;
    private final CallerContext context;
    private final Refusals refusals;
    private final CartService carts;

    public GuestCartResource(CustomerClient customers, CallerContext context, Refusals refusals, CartService carts) {
        this.customers = customers;
        this.context = context;
        this.refusals = refusals;
        this.carts = carts;
    }

    @POST
    @Operation(summary = "Create an anonymous cart: 201 with id and cartToken")
    public Uni<RestResponse<JsonNode>> create() {
        return customers.createGuestCart(context.idempotencyKey()).map(Relay::answer);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A guest cart; a wrong X-Cart-Token gives 404")
    public Uni<JsonNode> cart(@PathParam("id") String id, @HeaderParam(CART_TOKEN) String cartToken) {
        return customers.guestCart(id, requireToken(cartToken));
    }

    @PUT
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Set a quantity in a guest cart (0 removes it; a SKU the catalogue does not sell: 404)")
    public Uni<RestResponse<JsonNode>> setQuantity(@PathParam("id") String id, @PathParam("sku") String sku,
            @HeaderParam(CART_TOKEN) String cartToken, @NotNull @Valid CartQuantity quantity) {
        return carts.setGuestQuantity(id, requireToken(cartToken), sku, quantity).map(Relay::answer);
    }

    /** Without its token a cart is as unknown as with a wrong one (customer-service checks the token itself). */
    private String requireToken(String cartToken) {
        if (cartToken == null || cartToken.isBlank()) {
            throw refusals.hidden(context.caller(), "cart", "a guest cart was asked for without its X-Cart-Token");
        }
        return cartToken;
    }
}
