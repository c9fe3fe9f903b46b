package dev.omnichannel.customer.profile.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record IdentityRequest(
        @NotBlank @Size(max = 32) String type,
        @NotBlank @Size(max = 512) String value,
        @Size(max = 64) String provider) {
}
