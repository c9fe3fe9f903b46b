package dev.omnichannel.inventory.stock.domain;

/**
 * One change of the stock of a SKU at a location, as it is written to the ledger: how much
 * on-hand, reserved and non-sellable units change. A movement that lowers anything is applied
 * only if no level goes negative and available (on hand - reserved) stays at or above zero.
 */
public record Movement(String sku, String locationId, MovementType type, int quantity,
        int onHandDelta, int reservedDelta, int nonSellableDelta, String reference, String reason, String actor) {

    public static Movement receipt(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.RECEIPT, quantity, quantity, 0, 0, reference, null, actor);
    }

    /** Holds units for a customer: applied only if {@code on_hand - reserved >= quantity}. */
    public static Movement reservation(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.RESERVATION, quantity, 0, quantity, 0, reference, null, actor);
    }

    public static Movement release(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.RELEASE, quantity, 0, -quantity, 0, reference, null, actor);
    }

    /** Reserved units handed to the customer in store: they leave on-hand and reserved stock. */
    public static Movement collection(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.COLLECTION, quantity, -quantity, -quantity, 0, reference, null, actor);
    }

    /** Reserved units shipped to a customer's home. */
    public static Movement saleOfReserved(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.SALE, quantity, -quantity, -quantity, 0, reference, null, actor);
    }

    /** Reserved units leaving for another location (a fulfilment order's transfer). */
    public static Movement transferOutOfReserved(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.TRANSFER_OUT, quantity, -quantity, -quantity, 0, reference, null, actor);
    }

    /** Available units leaving for another location (a staff transfer). */
    public static Movement transferOut(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.TRANSFER_OUT, quantity, -quantity, 0, 0, reference, null, actor);
    }

    public static Movement transferIn(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.TRANSFER_IN, quantity, quantity, 0, 0, reference, null, actor);
    }

    public static Movement returned(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.RETURN, quantity, quantity, 0, 0, reference, null, actor);
    }

    public static Movement returnedDamaged(String sku, String locationId, int quantity, String reference, String actor) {
        return new Movement(sku, locationId, MovementType.RETURN_DAMAGED, quantity, 0, 0, quantity, reference, null, actor);
    }

    /** A signed correction of on-hand units, or of non-sellable units. */
    public static Movement adjustment(String sku, String locationId, int delta, boolean nonSellable, String reason,
            String reference, String actor) {
        return new Movement(sku, locationId, MovementType.ADJUSTMENT, Math.abs(delta), nonSellable ? 0 : delta, 0,
                nonSellable ? delta : 0, reference, reason, actor);
    }

    /** True when nothing decreases: the level may be created by it. */
    public boolean onlyIncreases() {
        return onHandDelta >= 0 && reservedDelta >= 0 && nonSellableDelta >= 0;
    }
}
