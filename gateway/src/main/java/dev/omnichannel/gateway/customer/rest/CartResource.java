package dev.omnichannel.gateway.customer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.customer.rest.Requests.CartQuantity;
import dev.omnichannel.gateway.customer.rest.Requests.GuestCartMerge;
import dev.omnichannel.gateway.customer.service.CartService;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** One cart per customer on every device. */
@Path("/api/v1/me/cart")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class CartResource {

    private final CallerContext context;
    private final CartService carts;
    private final CustomerClient customers;

    public CartResource(CallerContext context, CartService carts, CustomerClient customers) {
        this.context = context;
        this.carts = carts;
        this.customers = customers;
    }

    @GET
    @Operation(summary = "The customer's cart")
    public Uni<JsonNode> cart() {
        return context.customerId().chain(customers::cart);
    }

    @PUT
    @Path("/items/{sku}")
    @Operation(summary = "Set the quantity of a SKU (0 removes it; a SKU the catalogue does not sell: 404)")
    public Uni<RestResponse<JsonNode>> setQuantity(@PathParam("sku") String sku, @NotNull @Valid CartQuantity quantity) {
        return context.customerId().chain(id -> carts.setQuantity(id, sku, quantity)).map(Relay::answer);
    }

    @DELETE
    @Path("/items/{sku}")
    @Operation(summary = "Remove a SKU from the cart")
    public Uni<RestResponse<JsonNode>> remove(@PathParam("sku") String sku) {
        return context.customerId().chain(id -> carts.remove(id, sku)).map(Relay::answer);
    }

    @POST
    @Path("/merge")
    @Operation(summary = "A guest cart joins the customer's cart at login",
            description = "Quantities are added, capped by the stock available; the guest cart is then closed.")
    public Uni<JsonNode> merge(@NotNull @Valid GuestCartMerge guestCart) {
        return context.customerId().chain(id -> carts.merge(id, guestCart));
    }
}
