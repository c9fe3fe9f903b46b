package dev.omnichannel.inventory.fulfilment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.omnichannel.inventory.fulfilment.domain.Address;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/** Either a store where the customer collects ({@code storeId}) or a home {@code address}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliverTo(@Size(max = 64) String storeId, @Valid Address address) {

    @AssertTrue(message = "give either storeId or address")
    public boolean isOneDestination() {
        return (storeId == null || storeId.isBlank()) != (address == null);
    }

    public boolean toStore() {
        return storeId != null && !storeId.isBlank();
    }
}
