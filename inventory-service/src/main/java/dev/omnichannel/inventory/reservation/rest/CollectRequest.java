package dev.omnichannel.inventory.reservation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CollectRequest(@NotBlank @Size(max = 16) String pickupCode) {
}
