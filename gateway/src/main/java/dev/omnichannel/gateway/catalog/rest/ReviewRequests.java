package dev.omnichannel.gateway.catalog.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the review routes, validated before anything is forwarded (inventory-service checks them again). */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** A rating from 1 to 5 and an optional text of at most 2 000 characters. */
    public record Review(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String text) {
    }

    /** Why staff hide a review. */
    public record Hide(@NotBlank @Size(max = 500) String reason) {
    }
}
