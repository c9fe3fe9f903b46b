package dev.omnichannel.gateway.customer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.customer.service.CartService;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/me/wishlist")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class WishlistResource {

    private final CallerContext context;
    private final CartService carts;
    private final CustomerClient customers;

    public WishlistResource(CallerContext context, CartService carts, CustomerClient customers) {
        this.context = context;
        this.carts = carts;
        this.customers = customers;
    }

    @GET
    @Operation(summary = "The customer's wishlist")
    public Uni<JsonNode> wishlist() {
        return context.customerId().chain(customers::wishlist);
    }

    @PUT
    @Path("/{sku}")
    @Operation(summary = "Add a SKU to the wishlist (a SKU the catalogue does not sell: 404)")
    public Uni<RestResponse<JsonNode>> add(@PathParam("sku") String sku) {
        return context.customerId().chain(id -> carts.addToWishlist(id, sku)).map(Relay::answer);
    }

    @DELETE
    @Path("/{sku}")
    @Operation(summary = "Remove a SKU from the wishlist")
    public Uni<RestResponse<JsonNode>> remove(@PathParam("sku") String sku) {
        return context.customerId().chain(id -> carts.removeFromWishlist(id, sku)).map(Relay::answer);
    }
}
