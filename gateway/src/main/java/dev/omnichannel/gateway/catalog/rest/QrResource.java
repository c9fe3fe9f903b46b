package dev.omnichannel.gateway.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.catalog.service.ProductPages;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/qr")
@Tag(name = "Catalogue and stock")
@PermitAll
public class QrResource {

    private final ProductPages pages;

    public QrResource(ProductPages pages) {
        this.pages = pages;
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "The product page reached from an in-store QR code",
            description = "Name, description, price, promotions; `store`: the shelf's store and its availability; "
                    + "`nearby`: stores near it that have the product, nearest first.")
    public Uni<JsonNode> landing(@PathParam("sku") String sku, @QueryParam("storeId") String storeId) {
        return pages.qrLanding(sku, storeId);
    }
}
