package dev.omnichannel.gateway.reservation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.reservation.rest.Requests.ReturnRequest;
import dev.omnichannel.gateway.reservation.service.FulfilmentService;
import dev.omnichannel.gateway.security.domain.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/returns")
@Tag(name = "Reservations, orders, returns")
public class ReturnResource {

    private final FulfilmentService fulfilment;

    public ReturnResource(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @POST
    @RolesAllowed({ Caller.STAFF, Caller.KIOSK, Caller.ADMIN })
    @Operation(summary = "A return in any store accepting returns (staff or kiosk of that store)",
            description = "condition resaleable (default) puts the stock back into the store's available stock, "
                    + "damaged into its non-sellable stock.")
    public Uni<RestResponse<JsonNode>> acceptReturn(@NotNull @Valid ReturnRequest itemReturn) {
        return fulfilment.acceptReturn(itemReturn).map(Relay::answer);
    }
}
