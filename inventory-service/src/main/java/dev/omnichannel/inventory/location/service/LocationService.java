package dev.omnichannel.inventory.location.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.inventory.catalog.events.CatalogEvents;
import dev.omnichannel.inventory.location.domain.Capability;
import dev.omnichannel.inventory.location.domain.Location;
import dev.omnichannel.inventory.location.repository.LocationRepository;
import dev.omnichannel.inventory.location.rest.LocationRequest;
import dev.omnichannel.inventory.location.rest.LocationView;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores and warehouses; each create or replace is published on {@code inventory.catalog} in its transaction. */
@ApplicationScoped
public class LocationService {

    private static final TypeReference<LinkedHashMap<String, String>> HOURS = new TypeReference<>() {
    };

    private final LocationRepository locations;
    private final CatalogEvents events;
    private final ObjectMapper mapper;

    LocationService(LocationRepository locations, CatalogEvents events, ObjectMapper mapper) {
        this.locations = locations;
        this.events = events;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<List<LocationView>> list() {
        return locations.listAllById().map(all -> all.stream().map(this::view).toList());
    }

    @WithSession
    public Uni<LocationView> get(String id) {
        return require(id).map(this::view);
    }

    /** The location, or a 404 problem. Call inside a session. */
    public Uni<Location> require(String id) {
        return locations.findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("No location " + id));
    }

    @WithTransaction
    public Uni<LocationView> put(String id, LocationRequest request) {
        return locations.findById(id).chain(existing -> {
            Location location = existing == null ? new Location() : existing;
            location.id = id;
            apply(request, location);
            return existing == null ? locations.persist(location) : Uni.createFrom().item(location);
        })
                .call(location -> Panache.flush().chain(() -> locations.nextVersion(id)).chain(events::publish))
                .map(this::view);
    }

    private void apply(LocationRequest request, Location location) {
        location.name = request.name();
        location.type = request.type();
        location.lat = request.location().lat();
        location.lon = request.location().lon();
        LocationRequest.Address address = request.address();
        location.street = address == null ? null : address.street();
        location.postalCode = address == null ? null : address.postalCode();
        location.city = address == null ? null : address.city();
        location.country = address == null ? null : address.country();
        location.timeZone = request.timeZone() == null ? "Europe/Paris" : request.timeZone();
        location.openingHours = toJson(request.openingHours() == null ? Map.of() : request.openingHours());
        Set<Capability> capabilities = request.capabilities().stream().map(Capability::fromWireName)
                .collect(Collectors.toSet());
        location.sells = capabilities.contains(Capability.SELLS);
        location.pickup = capabilities.contains(Capability.PICKUP);
        location.shipFrom = capabilities.contains(Capability.SHIP_FROM);
        location.returns = capabilities.contains(Capability.RETURNS);
    }

    public LocationView view(Location location) {
        return new LocationView(location.id, location.name, location.type,
                new LocationView.Coordinates(location.lat, location.lon),
                new LocationView.Address(location.street, location.postalCode, location.city, location.country),
                location.timeZone, location.pickup, capabilities(location), openingHours(location));
    }

    public static List<Capability> capabilities(Location location) {
        List<Capability> capabilities = new ArrayList<>();
        if (location.sells) {
            capabilities.add(Capability.SELLS);
        }
        if (location.pickup) {
            capabilities.add(Capability.PICKUP);
        }
        if (location.shipFrom) {
            capabilities.add(Capability.SHIP_FROM);
        }
        if (location.returns) {
            capabilities.add(Capability.RETURNS);
        }
        return capabilities;
    }

    private Map<String, String> openingHours(Location location) {
        try {
            return mapper.readValue(location.openingHours, HOURS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opening hours of " + location.id + " are not JSON", e);
        }
    }

    private String toJson(Map<String, String> hours) {
        try {
            return mapper.writeValueAsString(new LinkedHashMap<>(hours));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
