package dev.omnichannel.inventory.stock.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A signed correction after a count, a breakage, a theft. {@code stock} {@code non-sellable}
 * corrects the non-sellable units instead of the on-hand ones.
 */
public record AdjustmentRequest(
        @NotBlank @Size(max = 64) String storeId,
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Min(-1_000_000) @Max(1_000_000) Integer quantity,
        @NotBlank @Size(max = 500) String reason,
        @Pattern(regexp = "sellable|non-sellable") String stock) {

    @AssertTrue(message = "must not be 0")
    public boolean isQuantityNonZero() {
        return quantity == null || quantity != 0;
    }

    public boolean nonSellable() {
        return "non-sellable".equals(stock);
    }
}
