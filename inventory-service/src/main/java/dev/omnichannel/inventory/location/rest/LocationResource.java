package dev.omnichannel.inventory.location.rest;

import dev.omnichannel.inventory.location.service.LocationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

@Path("/locations")
@RolesAllowed("service")
public class LocationResource {

    private final LocationService locations;

    LocationResource(LocationService locations) {
        this.locations = locations;
    }

    @GET
    public Uni<List<LocationView>> list() {
        return locations.list();
    }

    @GET
    @Path("/{id}")
    public Uni<LocationView> get(@PathParam("id") String id) {
        return locations.get(id);
    }

    /** Admin: create or replace a location (idempotent by nature). */
    @PUT
    @Path("/{id}")
    public Uni<LocationView> put(@PathParam("id") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String id,
            @Valid @NotNull LocationRequest request) {
        return locations.put(id, request);
    }
}
