package dev.omnichannel.gateway.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.catalog.rest.ReviewRequests.Review;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The signed-in customer's own reviews: the customer is the token's, so no path reaches another's review. */
@Path("/api/v1/me/reviews")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class MyReviewsResource {

    private final CallerContext context;
    private final InventoryClient inventory;

    public MyReviewsResource(CallerContext context, InventoryClient inventory) {
        this.context = context;
        this.inventory = inventory;
    }

    @GET
    @Operation(summary = "The reviews the customer wrote, newest first; those staff hid say hidden: true")
    public Uni<JsonNode> mine(@QueryParam("page") @PositiveOrZero Integer page,
            @QueryParam("size") @Positive @Max(100) Integer size) {
        return context.customerId().chain(id -> inventory.reviewsOf(id, page, size));
    }

    @PUT
    @Path("/{sku}")
    @Operation(summary = "Rate a product bought or collected: {\"rating\" 1-5, \"text\"?} (at most 2 000 characters)",
            description = "Once per product: writing again replaces the review (updatedAt). Only a customer whose order "
                    + "(not cancelled) holds the SKU, or who collected a reservation of it, may review it.")
    @APIResponse(responseCode = "201", description = "The review, created")
    @APIResponse(responseCode = "200", description = "The review, replacing the customer's earlier one")
    @APIResponse(responseCode = "400", description = "Rating outside 1-5, text over 2 000 characters")
    @APIResponse(responseCode = "404", description = "Unknown SKU")
    @APIResponse(responseCode = "422", description = "The customer never bought nor collected this product")
    public Uni<RestResponse<JsonNode>> write(@PathParam("sku") String sku, @NotNull @Valid Review review) {
        return context.customerId().chain(id -> inventory.writeReview(sku, id, review)).map(Relay::answer);
    }
}
