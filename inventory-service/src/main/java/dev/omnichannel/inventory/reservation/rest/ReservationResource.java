package dev.omnichannel.inventory.reservation.rest;

import dev.omnichannel.inventory.reservation.service.ReservationLifecycle;
import dev.omnichannel.inventory.reservation.service.ReservationQueries;
import dev.omnichannel.inventory.reservation.service.ReservationService;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.shared.problem.FieldError;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** Click and collect reservations (the gateway checks who may act on which). */
@Path("/reservations")
@RolesAllowed("service")
public class ReservationResource {

    private final ReservationService reservations;
    private final ReservationQueries queries;
    private final ReservationLifecycle lifecycle;
    private final HoldOutcomes holds;

    ReservationResource(ReservationService reservations, ReservationQueries queries, ReservationLifecycle lifecycle,
            HoldOutcomes holds) {
        this.reservations = reservations;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.holds = holds;
    }

    /** 201 when every line is held; 409 listing the short lines; 422 when the store offers no pickup. */
    @POST
    public Uni<RestResponse<ReservationView>> create(@Valid @NotNull ReservationRequest request,
            @BeanParam Caller caller) {
        return holds.counted(reservations.create(request, caller))
                .map(created -> RestResponse.ResponseBuilder.<ReservationView>created(URI.create("/reservations/" + created.id()))
                        .entity(created).build());
    }

    @GET
    @Path("/{id}")
    public Uni<ReservationView> get(@PathParam("id") UUID id) {
        return queries.get(id);
    }

    /** {@code customerId} (and {@code active=true}), or {@code storeId} and {@code pickupCode}. */
    @GET
    public Uni<Page<ReservationView>> list(@QueryParam("customerId") UUID customerId,
            @QueryParam("active") boolean active, @QueryParam("storeId") String storeId,
            @QueryParam("pickupCode") String pickupCode, @Valid @BeanParam PageRequest page) {
        if (customerId != null) {
            return queries.ofCustomer(customerId, active, page);
        }
        if (storeId != null && pickupCode != null && !pickupCode.isBlank()) {
            return queries.byPickupCode(storeId, pickupCode);
        }
        throw ProblemException.badRequest("Give customerId, or storeId and pickupCode",
                List.of(new FieldError("customerId", "required without storeId and pickupCode")));
    }

    @POST
    @Path("/{id}/extend")
    public Uni<ReservationView> extend(@PathParam("id") UUID id, @Valid @NotNull ExtendRequest request,
            @BeanParam Caller caller) {
        return lifecycle.extend(id, request.minutes(), caller);
    }

    @DELETE
    @Path("/{id}")
    public Uni<ReservationView> cancel(@PathParam("id") UUID id, @BeanParam Caller caller) {
        return lifecycle.cancel(id, caller);
    }

    @POST
    @Path("/{id}/collect")
    public Uni<ReservationView> collect(@PathParam("id") UUID id, @Valid @NotNull CollectRequest request,
            @BeanParam Caller caller) {
        return lifecycle.collect(id, request.pickupCode(), caller);
    }

    @POST
    @Path("/{id}/ready")
    public Uni<ReservationView> ready(@PathParam("id") UUID id, @BeanParam Caller caller) {
        return lifecycle.ready(id, caller);
    }
}
