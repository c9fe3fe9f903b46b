package dev.omnichannel.customer.cart.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

public record GuestCartMergeRequest(@NotNull UUID cartId, @NotBlank @Size(max = 128) String cartToken) {
}
