package dev.omnichannel.gateway.reservation.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Locale;

/** The bodies of reservation, order and return routes, validated before anything is forwarded. */
public final class Requests {

    private Requests() {
    }

    public record Line(@NotBlank String sku, @NotNull @Positive Integer quantity) {
    }

    /** {@code customerId}: the customer a kiosk or staff reserves for; a customer always reserves for themself. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReservationRequest(String customerId, @NotBlank String storeId, @NotEmpty List<@Valid @NotNull Line> lines,
            String holdType) {

        public ReservationRequest forCustomer(String id) {
            return new ReservationRequest(id, storeId, lines, holdType);
        }
    }

    public record Extension(@NotNull @Positive @Max(10_080) Integer minutes) {
    }

    public record Collection(@NotBlank String pickupCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliverTo(String storeId, JsonNode address) {

        @JsonIgnore
        @AssertTrue(message = "give either storeId or address")
        public boolean isOneDestination() {
            return (storeId != null && !storeId.isBlank()) != (address != null && !address.isNull());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderRequest(String customerId, @NotEmpty List<@Valid @NotNull Line> lines,
            @NotNull @Valid DeliverTo deliverTo) {

        public OrderRequest forCustomer(String id) {
            return new OrderRequest(id, lines, deliverTo);
        }
    }

    /** The next status of an order, in any case: {@code shipped}, {@code delivered}, {@code collected}, {@code cancelled}. */
    public record StatusChange(@NotBlank @Pattern(regexp = "(?i)shipped|delivered|collected|cancelled") String status) {

        /** As inventory-service spells it. */
        public StatusChange normalized() {
            return new StatusChange(status.toUpperCase(Locale.ROOT));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReturnRequest(@NotBlank String storeId, @NotBlank String sku, @NotNull @Positive Integer quantity,
            String originalRef, @Pattern(regexp = "resaleable|damaged") String condition) {
    }
}
