package dev.omnichannel.customer.cart.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** 0 removes the line; 1 to 99 sets it. */
public record QuantityRequest(@NotNull @Min(0) @Max(99) Integer quantity) {
}
