package dev.omnichannel.inventory.reservation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How long stock is held: a cart hold minutes, click and collect days, endless aisle until fulfilment. */
public enum HoldType {
    CART("cart"),
    CLICK_AND_COLLECT("click-and-collect"),
    ENDLESS_AISLE("endless-aisle");

    private final String wireName;

    HoldType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static HoldType fromWireName(String value) {
        for (HoldType type : values()) {
            if (type.wireName.equalsIgnoreCase(value) || type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown hold type: " + value);
    }
}
