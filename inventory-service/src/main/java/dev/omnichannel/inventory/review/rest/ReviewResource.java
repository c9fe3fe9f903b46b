package dev.omnichannel.inventory.review.rest;

import dev.omnichannel.inventory.review.domain.ReviewView;
import dev.omnichannel.inventory.review.service.ReviewService;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** A product's reviews: written by its buyers, read by anyone, hidden by staff. */
@Path("/products/{sku}/reviews")
@RolesAllowed("service")
public class ReviewResource {

    private final ReviewService reviews;

    ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** The visible reviews, newest first, with their average and count. */
    @GET
    public Uni<ReviewPage> list(@PathParam("sku") String sku, @Valid @BeanParam PageRequest page) {
        return reviews.ofProduct(sku, page);
    }

    /** 201 when the customer's review is created, 200 when it replaces their earlier one. */
    @PUT
    @Path("/{customerId}")
    public Uni<RestResponse<ReviewView>> write(@PathParam("sku") String sku, @PathParam("customerId") UUID customerId,
            @Valid @NotNull ReviewRequest request, @BeanParam Caller caller) {
        return reviews.write(sku, customerId, request, caller).map(written -> RestResponse.status(
                written.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, written.review()));
    }

    /** Staff (X-Actor): the review leaves the lists and summaries, stays stored with who, when and why. */
    @POST
    @Path("/{id}/hide")
    public Uni<ReviewView> hide(@PathParam("sku") String sku, @PathParam("id") UUID id,
            @Valid @NotNull HideRequest request, @BeanParam Caller caller) {
        return reviews.hide(sku, id, request, caller);
    }
}
