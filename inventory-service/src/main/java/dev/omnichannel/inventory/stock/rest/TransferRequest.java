package dev.omnichannel.inventory.stock.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Available units moved from one location to another (done at once). */
public record TransferRequest(
        @NotBlank @Size(max = 64) String fromStoreId,
        @NotBlank @Size(max = 64) String toStoreId,
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Positive @Max(1_000_000) Integer quantity) {

    @AssertTrue(message = "must differ from fromStoreId")
    public boolean isToAnotherStore() {
        return fromStoreId == null || !fromStoreId.equals(toStoreId);
    }
}
