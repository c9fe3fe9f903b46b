package dev.omnichannel.shared.events.inventory;

import dev.omnichannel.shared.events.EventData;

/**
 * {@code stock.level-changed} on {@code inventory.stock}, key {@code sku@locationId}: the levels
 * after one ledger movement. {@code version} increases by one per movement of this key, so a
 * consumer keeps the highest version it saw and drops anything older.
 *
 * @param available    on hand minus reserved: what any channel may promise
 * @param nonSellable  damaged or quarantined units at this location (not available)
 * @param movementType receipt, sale, reservation, release, collection, return, adjustment, transfer-out, transfer-in
 */
public record StockLevelChanged(
        String sku,
        String locationId,
        int onHand,
        int reserved,
        int available,
        int nonSellable,
        long version,
        String movementType,
        int movementQuantity,
        String reference) implements EventData {

    public static final String TYPE = "stock.level-changed";

    public static String key(String sku, String locationId) {
        return sku + "@" + locationId;
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
