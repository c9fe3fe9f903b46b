package dev.omnichannel.gateway.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.catalog.rest.ReviewRequests.Hide;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.security.domain.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A product's reviews (inventory-service owns them: it knows who bought or collected the product).
 * Anyone reads them, the same on every channel; staff of any store and admins hide one.
 */
@Path("/api/v1/products/{sku}/reviews")
@Tag(name = "Catalogue and stock")
public class ProductReviewResource {

    private final InventoryClient inventory;

    public ProductReviewResource(InventoryClient inventory) {
        this.inventory = inventory;
    }

    @GET
    @PermitAll
    @Operation(summary = "A product's reviews, newest first (anyone, anonymous too)",
            description = "items[] (id, sku, rating, text, verifiedPurchase, createdAt, updatedAt), page, size, "
                    + "total (the number of visible reviews), average (to one decimal, null without reviews). "
                    + "Hidden reviews are left out.")
    @APIResponse(responseCode = "200", description = "A page of reviews")
    @APIResponse(responseCode = "404", description = "Unknown SKU")
    public Uni<JsonNode> reviews(@PathParam("sku") String sku, @QueryParam("page") @PositiveOrZero Integer page,
            @QueryParam("size") @Positive @Max(100) Integer size) {
        return inventory.reviews(sku, page, size);
    }

    @POST
    @Path("/{reviewId}/hide")
    @RolesAllowed({ Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Hide a review, with a reason (staff of any store, admin)",
            description = "The review leaves the lists and summaries and stays stored with who hid it, when and why. "
                    + "Hiding it again changes nothing and answers the first hide.")
    @APIResponse(responseCode = "200", description = "The review with hiddenAt, hiddenBy, hiddenReason")
    @APIResponse(responseCode = "403", description = "Not staff or admin")
    @APIResponse(responseCode = "404", description = "No such review of this SKU")
    public Uni<JsonNode> hide(@PathParam("sku") String sku, @PathParam("reviewId") String reviewId,
            @NotNull @Valid Hide hide) {
        return inventory.hideReview(sku, reviewId, hide);
    }
}
