package dev.omnichannel.gateway.stock.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.availability.service.StockWrites;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.AccessPolicy;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Stock movements by staff at their own store (transfers from it), by admins anywhere. */
@Path("/api/v1/stock")
@Tag(name = "Staff and admin")
@RolesAllowed({ Caller.STAFF, Caller.ADMIN })
public class StockMovementResource {

    /** {@code quantity} is a signed delta. */
    public record Adjustment(@NotBlank String storeId, @NotBlank String sku, @NotNull Integer quantity,
            @NotBlank String reason) {

        @JsonIgnore
        @AssertTrue(message = "an adjustment moves at least one unit")
        public boolean isMovingStock() {
            return quantity == null || quantity != 0;
        }
    }

    public record Transfer(@NotBlank String fromStoreId, @NotBlank String toStoreId, @NotBlank String sku,
            @NotNull @Positive Integer quantity) {
    }

    private final InventoryClient inventory;
    private final AccessPolicy access;
    private final CallerContext context;
    private final StockWrites stock;

    public StockMovementResource(InventoryClient inventory, AccessPolicy access, CallerContext context, StockWrites stock) {
        this.inventory = inventory;
        this.access = access;
        this.context = context;
        this.stock = stock;
    }

    @POST
    @Path("/adjustments")
    @Operation(summary = "Adjust a store's stock by a signed quantity, with a reason (staff: own store only)")
    public Uni<RestResponse<JsonNode>> adjust(@NotNull @Valid Adjustment adjustment) {
        access.requireStore(context.caller(), adjustment.storeId(), "adjusting stock");
        return inventory.adjust(adjustment, context.idempotencyKey()).chain(stock::visible).map(Relay::answer);
    }

    @POST
    @Path("/transfers")
    @Operation(summary = "Move stock from one location to another (staff: from their own store)")
    public Uni<RestResponse<JsonNode>> transfer(@NotNull @Valid Transfer transfer) {
        access.requireStore(context.caller(), transfer.fromStoreId(), "transferring stock");
        return inventory.transfer(transfer, context.idempotencyKey()).chain(stock::visible).map(Relay::answer);
    }
}
