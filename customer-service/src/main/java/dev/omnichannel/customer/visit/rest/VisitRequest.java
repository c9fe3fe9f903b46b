package dev.omnichannel.customer.visit.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record VisitRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "a store id such as paris-louvre") String storeId) {
}
