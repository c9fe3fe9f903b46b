package dev.omnichannel.inventory.location.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;

/** {@code PUT /locations/{id}}: creates or replaces a store or warehouse (admin, through the gateway). */
public record LocationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "store|warehouse") String type,
        @NotNull @Valid Coordinates location,
        @Valid Address address,
        @Size(max = 64) String timeZone,
        @NotNull Set<@NotNull @Pattern(regexp = "sells|pickup|ship-from|returns") String> capabilities,
        Map<@Pattern(regexp = "mon|tue|wed|thu|fri|sat|sun") String,
                @NotNull @Pattern(regexp = "closed|([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d") String> openingHours) {

    public record Coordinates(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    public record Address(@Size(max = 200) String street, @Size(max = 20) String postalCode,
            @Size(max = 100) String city, @Size(max = 2) String country) {
    }
}
