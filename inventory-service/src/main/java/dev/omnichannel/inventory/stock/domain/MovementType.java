package dev.omnichannel.inventory.stock.domain;

/** The kinds of ledger movements; their wire names are those of {@code StockLevelChanged.movementType}. */
public enum MovementType {
    RECEIPT("receipt"),
    SALE("sale"),
    RESERVATION("reservation"),
    RELEASE("release"),
    COLLECTION("collection"),
    RETURN("return"),
    /** A damaged return: into the store's non-sellable stock. */
    RETURN_DAMAGED("return-damaged"),
    ADJUSTMENT("adjustment"),
    TRANSFER_OUT("transfer-out"),
    TRANSFER_IN("transfer-in");

    private final String wireName;

    MovementType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
