package dev.omnichannel.customer.profile.rest;

import jakarta.validation.constraints.NotNull;

public record ConsentRequest(@NotNull Boolean granted) {
}
