package dev.omnichannel.inventory.stock.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Goods received at a location. */
public record ReceiptRequest(
        @NotBlank @Size(max = 64) String storeId,
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Positive @Max(1_000_000) Integer quantity,
        @Size(max = 200) String reference) {
}
