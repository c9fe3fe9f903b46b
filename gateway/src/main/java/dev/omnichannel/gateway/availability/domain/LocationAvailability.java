package dev.omnichannel.gateway.availability.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Available units of one SKU at one location; {@code distanceKm} when the caller gave coordinates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationAvailability(String storeId, String name, String type, int available, Double distanceKm) {
}
