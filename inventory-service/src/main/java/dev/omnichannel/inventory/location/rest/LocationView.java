package dev.omnichannel.inventory.location.rest;

import dev.omnichannel.inventory.location.domain.Capability;
import java.util.List;
import java.util.Map;

/** A location as callers see it. {@code pickup} repeats the capability for the public API. */
public record LocationView(
        String id,
        String name,
        String type,
        Coordinates location,
        Address address,
        String timeZone,
        boolean pickup,
        List<Capability> capabilities,
        Map<String, String> openingHours) {

    public record Coordinates(double lat, double lon) {
    }

    public record Address(String street, String postalCode, String city, String country) {
    }
}
