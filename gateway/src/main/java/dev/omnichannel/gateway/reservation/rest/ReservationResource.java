package dev.omnichannel.gateway.reservation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.reservation.rest.Requests.Collection;
import dev.omnichannel.gateway.reservation.rest.Requests.Extension;
import dev.omnichannel.gateway.reservation.rest.Requests.ReservationRequest;
import dev.omnichannel.gateway.reservation.service.ReservationService;
import dev.omnichannel.gateway.security.domain.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Click &amp; collect. Another customer's reservation answers 404, never 403. */
@Path("/api/v1/reservations")
@Tag(name = "Reservations, orders, returns")
public class ReservationResource {

    private final ReservationService reservations;

    public ReservationResource(ReservationService reservations) {
        this.reservations = reservations;
    }

    @POST
    @RolesAllowed({ Caller.CUSTOMER, Caller.KIOSK, Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Reserve for collection in store",
            description = "Customers reserve for themselves; kiosks (for a customer identified at their store) and staff "
                    + "give customerId. All lines or none.")
    @APIResponse(responseCode = "201", description = "CONFIRMED, with pickupCode, expiresAt, pickupWindow")
    @APIResponse(responseCode = "409", description = "Stock missing: the short lines")
    @APIResponse(responseCode = "422", description = "The store does not offer pickup")
    public Uni<RestResponse<JsonNode>> reserve(@NotNull @Valid ReservationRequest request) {
        return reservations.reserve(request).map(Relay::answer);
    }

    @GET
    @RolesAllowed({ Caller.STAFF, Caller.ADMIN, Caller.KIOSK })
    @Operation(summary = "Find a reservation at a store by its pickup code (staff, kiosk of that store)")
    public Uni<JsonNode> findByPickupCode(@QueryParam("storeId") @NotBlank String storeId,
            @QueryParam("pickupCode") @NotBlank String pickupCode) {
        return reservations.findByPickupCode(storeId, pickupCode);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Caller.CUSTOMER, Caller.KIOSK, Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "One reservation (the owner's, or any for staff)")
    public Uni<JsonNode> reservation(@PathParam("id") String id) {
        return reservations.visible(id);
    }

    @POST
    @Path("/{id}/extend")
    @RolesAllowed({ Caller.CUSTOMER, Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Hold longer (e.g. payment pending), up to a configured maximum: the new expiresAt")
    public Uni<RestResponse<JsonNode>> extend(@PathParam("id") String id, @NotNull @Valid Extension extension) {
        return reservations.extend(id, extension).map(Relay::answer);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Caller.CUSTOMER, Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Cancel; the stock returns")
    public Uni<RestResponse<JsonNode>> cancel(@PathParam("id") String id) {
        return reservations.cancel(id).map(Relay::answer);
    }

    @POST
    @Path("/{id}/collect")
    @RolesAllowed({ Caller.STAFF, Caller.KIOSK, Caller.ADMIN })
    @Operation(summary = "Collected in store (staff or kiosk of that store), with the pickup code")
    public Uni<RestResponse<JsonNode>> collect(@PathParam("id") String id, @NotNull @Valid Collection collection) {
        return reservations.collect(id, collection).map(Relay::answer);
    }

    @POST
    @Path("/{id}/ready")
    @RolesAllowed({ Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Prepared and waiting at the store (staff of that store); the customer is told")
    public Uni<RestResponse<JsonNode>> ready(@PathParam("id") String id) {
        return reservations.ready(id).map(Relay::answer);
    }
}
