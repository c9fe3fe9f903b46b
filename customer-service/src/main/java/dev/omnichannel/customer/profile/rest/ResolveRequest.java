package dev.omnichannel.customer.profile.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Find-or-create by one identity. For {@code oidc}, {@code email} and {@code emailVerified}
 * come from the token: a verified email already held by a profile links the subject to it.
 */
public record ResolveRequest(
        @NotBlank @Size(max = 32) String type,
        @NotBlank @Size(max = 512) String value,
        @Size(max = 64) String provider,
        @Size(max = 200) String displayName,
        @Size(max = 254) String email,
        Boolean emailVerified) {
}
