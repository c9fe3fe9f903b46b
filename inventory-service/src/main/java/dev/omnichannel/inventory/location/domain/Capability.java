package dev.omnichannel.inventory.location.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a location can do: a pickup store is not a warehouse, and a warehouse does not sell. */
public enum Capability {
    SELLS("sells"),
    PICKUP("pickup"),
    SHIP_FROM("ship-from"),
    RETURNS("returns");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Capability fromWireName(String value) {
        for (Capability capability : values()) {
            if (capability.wireName.equalsIgnoreCase(value)) {
                return capability;
            }
        }
        throw new IllegalArgumentException("unknown capability: " + value);
    }
}
