package dev.omnichannel.gateway.reservation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.reservation.service.ReservationService;
import dev.omnichannel.gateway.security.domain.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/reservations")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class MyReservationsResource {

    private final ReservationService reservations;

    public MyReservationsResource(ReservationService reservations) {
        this.reservations = reservations;
    }

    @GET
    @Operation(summary = "The customer's reservations, made on any channel (?active=true for the current ones)")
    public Uni<JsonNode> mine(@QueryParam("active") boolean activeOnly) {
        return reservations.mine(activeOnly);
    }
}
