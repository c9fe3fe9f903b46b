package dev.omnichannel.inventory.location.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class LocationRepository implements PanacheRepositoryBase<Location, String> {

    public Uni<List<Location>> listAllById() {
        return listAll(Sort.by("id"));
    }

    /** Locations stock can be shipped from (warehouses, ship-from stores). */
    public Uni<List<Location>> shippingFrom() {
        return list("shipFrom = true", Sort.by("id"));
    }
}
