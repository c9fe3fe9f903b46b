package dev.omnichannel.inventory.stock.rest;

import dev.omnichannel.inventory.location.domain.GeoPoint;
import dev.omnichannel.inventory.stock.service.AvailabilityService;
import dev.omnichannel.shared.problem.FieldError;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Availability of one product, for product pages and store pickers. */
@Path("/products/{sku}/availability")
@RolesAllowed("service")
public class ProductAvailabilityResource {

    private final AvailabilityService availability;

    ProductAvailabilityResource(AvailabilityService availability) {
        this.availability = availability;
    }

    /** At one store ({@code storeId}), or at the selling locations around a point, nearest first. */
    @GET
    public Uni<List<AvailabilityView>> ofProduct(@PathParam("sku") String sku,
            @QueryParam("storeId") String storeId,
            @QueryParam("lat") @DecimalMin("-90") @DecimalMax("90") Double lat,
            @QueryParam("lon") @DecimalMin("-180") @DecimalMax("180") Double lon,
            @QueryParam("radiusKm") @DefaultValue("50") @DecimalMin(value = "0", inclusive = false) @DecimalMax("20000") double radiusKm) {
        if (storeId != null && !storeId.isBlank()) {
            return availability.atStore(sku, storeId);
        }
        if (lat == null || lon == null) {
            throw ProblemException.badRequest("Give storeId, or lat and lon",
                    List.of(new FieldError(lat == null ? "lat" : "lon", "required without storeId")));
        }
        return availability.around(sku, new GeoPoint(lat, lon), radiusKm);
    }
}
