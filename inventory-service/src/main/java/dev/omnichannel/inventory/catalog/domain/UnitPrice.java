package dev.omnichannel.inventory.catalog.domain;

import java.math.BigDecimal;

/** What one unit of a SKU costs now on every channel: the list price lowered by the best promotion for everyone. */
public record UnitPrice(String sku, BigDecimal listPrice, BigDecimal price, String currency) {
}
