package dev.omnichannel.inventory.catalog.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * {@code PUT /promotions/{id}} (admin): a percentage or fixed reduction for a date range,
 * optionally for one segment, on every product or on {@code skus}.
 */
public record PromotionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "percentage|fixed") String kind,
        @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal value,
        @Size(max = 64) String segment,
        @NotNull Instant from,
        Instant to,
        boolean allProducts,
        @Size(max = 1000) Set<@NotBlank String> skus) {

    @AssertTrue(message = "a percentage is at most 100")
    public boolean isValueInRange() {
        return !"percentage".equals(kind) || value == null || value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    @AssertTrue(message = "must be after from")
    public boolean isToAfterFrom() {
        return to == null || from == null || to.isAfter(from);
    }

    @AssertTrue(message = "name the SKUs, or set allProducts")
    public boolean isSkusGiven() {
        return allProducts || (skus != null && !skus.isEmpty());
    }
}
