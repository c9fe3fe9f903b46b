package dev.omnichannel.inventory.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /products/{sku}/reviews/{customerId}}: a rating from 1 to 5 and an optional text. */
public record ReviewRequest(
        @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = ReviewRequest.MAX_TEXT) String text) {

    public static final int MAX_TEXT = 2000;

    /** The text as stored: trimmed, null when blank. */
    public String textOrNull() {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
