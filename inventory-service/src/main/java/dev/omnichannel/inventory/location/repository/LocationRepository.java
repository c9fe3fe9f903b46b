package dev.omnichannel.inventory.location.repository;

import dev.omnichannel.inventory.location.domain.Location;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import dev.omnichannel.shared.events.inventory.LocationChanged;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Locations. Each create or replace takes the location one {@code version} up and records that
 * version as published ({@code published_version}): the caller publishes it in the same transaction.
 */
@ApplicationScoped
public class LocationRepository implements PanacheRepositoryBase<Location, String> {

    public Uni<List<Location>> listAllById() {
        return listAll(Sort.by("id"));
    }

    /** Locations stock can be shipped from (warehouses, ship-from stores). */
    public Uni<List<Location>> shippingFrom() {
        return list("shipFrom = true", Sort.by("id"));
    }

    /**
     * After a create or replace (flushed): the location one version up, marked published, as its event.
     * One statement, so concurrent puts of a location get distinct versions.
     */
    public Uni<LocationChanged> nextVersion(String id) {
        return Sql.one("""
                UPDATE location SET version = version + 1, published_version = version + 1 WHERE id = ?1
                RETURNING id, name, type, street, postal_code, city, country, version
                """, id)
                .map(LocationRepository::changed);
    }

    /**
     * Up to {@code limit} locations whose current version was never published, marked published in
     * the caller's transaction (which publishes them). Rows another transaction holds are skipped.
     */
    public Uni<List<LocationChanged>> claimUnpublished(int limit) {
        return Sql.list("""
                UPDATE location l SET published_version = l.version
                WHERE l.id IN (SELECT id FROM location WHERE published_version < version
                               ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED)
                RETURNING l.id, l.name, l.type, l.street, l.postal_code, l.city, l.country, l.version
                """, limit)
                .map(rows -> rows.stream().map(LocationRepository::changed).toList());
    }

    private static LocationChanged changed(Row row) {
        String street = row.string(3);
        String postalCode = row.string(4);
        String city = row.string(5);
        String country = row.string(6);
        LocationChanged.Address address = street == null && postalCode == null && city == null && country == null ? null
                : new LocationChanged.Address(street, postalCode, city, country == null ? null : country.trim());
        return new LocationChanged(row.string(0), row.string(1), row.string(2), address, row.longValue(7));
    }
}
