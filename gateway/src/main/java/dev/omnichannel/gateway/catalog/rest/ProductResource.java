package dev.omnichannel.gateway.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.availability.domain.LocationAvailability;
import dev.omnichannel.gateway.catalog.service.ProductPages;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Products, prices, promotions (the same on every channel) and availability; readable without a token. */
@Path("/api/v1/products")
@Tag(name = "Catalogue and stock")
@PermitAll
public class ProductResource {

    private final ProductPages pages;

    public ProductResource(ProductPages pages) {
        this.pages = pages;
    }

    @GET
    @Operation(summary = "Search products: sku, name, description, price, promotions, availability")
    public Uni<JsonNode> search(@QueryParam("q") String query, @QueryParam("page") @PositiveOrZero Integer page,
            @QueryParam("size") @Positive @Max(100) Integer size) {
        return pages.search(query, page, size);
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "One product with its promotions and availability per location")
    public Uni<JsonNode> product(@PathParam("sku") String sku) {
        return pages.product(sku);
    }

    @GET
    @Path("/{sku}/availability")
    @Operation(summary = "Availability per location: storeId, available, distanceKm",
            description = "At one store (?storeId=), near a point (?lat=&lon=&radiusKm=, nearest first), or everywhere.")
    public Uni<List<LocationAvailability>> availability(@PathParam("sku") String sku, @QueryParam("storeId") String storeId,
            @QueryParam("lat") @DecimalMin("-90") @DecimalMax("90") Double lat,
            @QueryParam("lon") @DecimalMin("-180") @DecimalMax("180") Double lon,
            @QueryParam("radiusKm") @Positive @Max(20000) Double radiusKm) {
        return pages.availability(sku, storeId, lat, lon, radiusKm);
    }
}
