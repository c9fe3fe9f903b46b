package dev.omnichannel.inventory.catalog.rest;

import dev.omnichannel.inventory.catalog.service.CatalogService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

@Path("/promotions")
@RolesAllowed("service")
public class PromotionResource {

    private final CatalogService catalog;

    PromotionResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Promotions in effect now for everyone or for one of {@code segments} (comma-separated). */
    @GET
    public Uni<List<PromotionView>> active(@QueryParam("segments") String segments) {
        return catalog.activePromotions(Segments.parse(segments));
    }

    @GET
    @Path("/{id}")
    public Uni<PromotionView> get(@PathParam("id") String id) {
        return catalog.promotion(id);
    }

    /** Admin: create or replace a promotion (idempotent by nature). */
    @PUT
    @Path("/{id}")
    public Uni<PromotionView> put(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String id,
            @Valid @NotNull PromotionRequest request) {
        return catalog.putPromotion(id, request);
    }
}
