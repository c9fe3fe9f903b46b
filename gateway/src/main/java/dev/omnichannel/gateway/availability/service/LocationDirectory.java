package dev.omnichannel.gateway.availability.service;

import dev.omnichannel.gateway.availability.domain.Location;
import dev.omnichannel.gateway.client.Json;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The locations of inventory-service, cached (they change rarely): names and coordinates for
 * availability answers. While inventory-service is down, the last list seen still serves.
 */
@ApplicationScoped
public class LocationDirectory {

    private final InventoryClient inventory;
    private volatile List<Location> lastKnown = List.of();

    public LocationDirectory(InventoryClient inventory) {
        this.inventory = inventory;
    }

    @CacheResult(cacheName = "locations")
    public Uni<List<Location>> all() {
        return inventory.locations()
                .map(answer -> Json.items(answer).stream().map(Location::of).toList())
                .invoke(locations -> lastKnown = locations)
                .onFailure(failure -> !lastKnown.isEmpty()).recoverWithItem(() -> lastKnown);
    }

    public Uni<Optional<Location>> byId(String id) {
        return all().map(locations -> locations.stream().filter(location -> location.id().equals(id)).findFirst());
    }

}
