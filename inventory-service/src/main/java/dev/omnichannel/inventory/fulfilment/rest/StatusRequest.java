package dev.omnichannel.inventory.fulfilment.rest;

import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/** The next status of an order, in any case. */
public record StatusRequest(@NotNull @Pattern(regexp = "(?i)shipped|delivered|collected|cancelled") String status) {

    public OrderStatus next() {
        return OrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }
}
