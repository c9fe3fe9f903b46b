package dev.omnichannel.inventory.reservation.rest;

import dev.omnichannel.inventory.support.LineRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** All lines reserved at {@code storeId}, or none. {@code holdType} defaults to click-and-collect. */
public record ReservationRequest(
        @NotNull UUID customerId,
        @NotBlank @Size(max = 64) String storeId,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid LineRequest> lines,
        @Pattern(regexp = "cart|click-and-collect|endless-aisle") String holdType) {
}
