package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;

/**
 * {@code catalog.location-changed} on the compacted {@code inventory.catalog}, key
 * {@code location:<id>}: a store or warehouse after a create or replace — how people call it
 * ({@code name}), what it is ({@code type} {@code store}/{@code warehouse}) and where
 * ({@code address}, null when the location has none). {@code version} increases with every change
 * of this location; a consumer keeps the highest it saw.
 */
public record LocationChanged(String id, String name, String type, Address address, long version) implements EventData {

    public static final String TYPE = "catalog.location-changed";

    /** Every part may be null; {@code country} is an ISO 3166-1 alpha-2 code. */
    public record Address(String street, String postalCode, String city, String country) {
    }

    public static String key(String id) {
        return "location:" + id;
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
