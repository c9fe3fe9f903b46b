package dev.omnichannel.inventory.catalog.rest;

import dev.omnichannel.inventory.catalog.service.CatalogService;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The catalogue; {@code segments} adds the promotions of those segments to the ones for everyone. */
@Path("/products")
@RolesAllowed("service")
public class ProductResource {

    private final CatalogService catalog;

    ProductResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    public Uni<Page<ProductView>> search(@QueryParam("q") @Size(max = 100) String q,
            @QueryParam("segments") String segments, @Valid @BeanParam PageRequest page) {
        return catalog.search(q, Segments.parse(segments), page);
    }

    @GET
    @Path("/{sku}")
    public Uni<ProductView> get(@PathParam("sku") String sku, @QueryParam("segments") String segments) {
        return catalog.get(sku, Segments.parse(segments));
    }

    /** Admin: create or replace a product (idempotent by nature). */
    @PUT
    @Path("/{sku}")
    public Uni<ProductView> put(@PathParam("sku") @Pattern(regexp = "[A-Z0-9][A-Z0-9._-]{0,63}") String sku,
            @Valid @NotNull ProductRequest request) {
        return catalog.putProduct(sku, request);
    }
}
