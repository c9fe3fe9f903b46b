package dev.omnichannel.inventory.fulfilment.domain;

/** How an allocated part reaches the customer. */
public enum AllocationMethod {
    /** Already at the store the customer collects from. */
    IN_STORE("in-store"),
    /** Moved from its location to the collection store. */
    TRANSFER("transfer"),
    /** Shipped from its location to the home address. */
    SHIPMENT("shipment");

    private final String wireName;

    AllocationMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AllocationMethod fromWireName(String value) {
        for (AllocationMethod method : values()) {
            if (method.wireName.equals(value)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown allocation method: " + value);
    }
}
