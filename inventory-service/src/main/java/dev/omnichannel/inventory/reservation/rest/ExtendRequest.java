package dev.omnichannel.inventory.reservation.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Minutes added to the hold, up to the hold type's maximum (e.g. while a payment is pending). */
public record ExtendRequest(@NotNull @Positive @Max(20_160) Integer minutes) {
}
