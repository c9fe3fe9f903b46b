package dev.omnichannel.gateway.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stores and warehouses: id, name, type, location, pickup, capabilities. */
@Path("/api/v1/stores")
@Tag(name = "Catalogue and stock")
@PermitAll
public class StoreResource {

    private final InventoryClient inventory;

    public StoreResource(InventoryClient inventory) {
        this.inventory = inventory;
    }

    @GET
    @Operation(summary = "Every location: id, name, type (store/warehouse), location (lat, lon), pickup, capabilities")
    public Uni<JsonNode> stores() {
        return inventory.locations();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One location")
    public Uni<JsonNode> store(@PathParam("id") String id) {
        return inventory.location(id);
    }
}
