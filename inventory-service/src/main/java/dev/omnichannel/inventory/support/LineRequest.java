package dev.omnichannel.inventory.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A requested quantity of a SKU (reservations and orders). */
public record LineRequest(
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Positive @Max(1000) Integer quantity) {
}
