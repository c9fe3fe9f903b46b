package dev.omnichannel.inventory.stock.rest;

import dev.omnichannel.inventory.stock.service.StockService;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

/** Ledger movements made by staff and admins (the gateway checks "own store only"), and reads of levels and ledger. */
@Path("/stock")
@RolesAllowed("service")
public class StockResource {

    private final StockService stock;

    StockResource(StockService stock) {
        this.stock = stock;
    }

    @POST
    @Path("/receipts")
    public Uni<RestResponse<StockLevelView>> receive(@Valid @NotNull ReceiptRequest request, @BeanParam Caller caller) {
        return stock.receive(request, caller).map(level -> RestResponse.status(RestResponse.Status.CREATED, level));
    }

    @POST
    @Path("/adjustments")
    public Uni<RestResponse<StockLevelView>> adjust(@Valid @NotNull AdjustmentRequest request, @BeanParam Caller caller) {
        return stock.adjust(request, caller).map(level -> RestResponse.status(RestResponse.Status.CREATED, level));
    }

    @POST
    @Path("/transfers")
    public Uni<RestResponse<TransferView>> transfer(@Valid @NotNull TransferRequest request, @BeanParam Caller caller) {
        return stock.transfer(request, caller).map(done -> RestResponse.status(RestResponse.Status.CREATED, done));
    }

    @GET
    @Path("/levels")
    public Uni<Page<StockLevelView>> levels(@QueryParam("sku") String sku, @QueryParam("locationId") String locationId,
            @Valid @BeanParam PageRequest page) {
        return stock.levels(sku, locationId, page);
    }

    /** Newest first; {@code reference} filters the movements of one reservation, order, return or transfer. */
    @GET
    @Path("/ledger")
    public Uni<Page<MovementView>> ledger(@QueryParam("sku") String sku, @QueryParam("locationId") String locationId,
            @QueryParam("reference") String reference, @Valid @BeanParam PageRequest page) {
        return stock.ledger(sku, locationId, reference, page);
    }
}
