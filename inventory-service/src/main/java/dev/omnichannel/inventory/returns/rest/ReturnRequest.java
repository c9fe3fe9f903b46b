package dev.omnichannel.inventory.returns.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Items brought back to a store. {@code originalRef} is the reservation or order id when known
 * (any channel); {@code condition} {@code resaleable} (default) or {@code damaged}.
 */
public record ReturnRequest(
        @NotBlank @Size(max = 64) String storeId,
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Positive @Max(1000) Integer quantity,
        @Size(max = 100) String originalRef,
        @Pattern(regexp = "resaleable|damaged") String condition) {

    public String conditionOrDefault() {
        return condition == null ? "resaleable" : condition;
    }
}
