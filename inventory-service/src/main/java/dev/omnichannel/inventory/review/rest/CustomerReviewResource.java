package dev.omnichannel.inventory.review.rest;

import dev.omnichannel.inventory.review.domain.ReviewView;
import dev.omnichannel.inventory.review.service.ReviewService;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;

@Path("/reviews")
@RolesAllowed("service")
public class CustomerReviewResource {

    private final ReviewService reviews;

    CustomerReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** The reviews a customer wrote, newest first; those staff hid say {@code hidden: true}. */
    @GET
    public Uni<Page<ReviewView>> ofCustomer(@QueryParam("customerId") @NotNull UUID customerId,
            @Valid @BeanParam PageRequest page) {
        return reviews.ofCustomer(customerId, page);
    }
}
