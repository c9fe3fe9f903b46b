package dev.omnichannel.inventory.review.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /products/{sku}/reviews/{id}/hide}: why staff hide the review (kept with who and when). */
public record HideRequest(@NotBlank @Size(max = 500) String reason) {
}
