package dev.omnichannel.inventory.reservation.domain;

/** A line that cannot be reserved, in the 409 problem's {@code lines[]}. */
public record ShortLine(String sku, int requested, int available) {
}
