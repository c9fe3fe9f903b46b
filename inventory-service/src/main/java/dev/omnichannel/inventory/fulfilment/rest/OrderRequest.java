package dev.omnichannel.inventory.fulfilment.rest;

import dev.omnichannel.inventory.support.LineRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Endless aisle: lines sourced from other locations and delivered to a store or a home. */
public record OrderRequest(
        UUID customerId,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid LineRequest> lines,
        @NotNull @Valid DeliverTo deliverTo) {
}
