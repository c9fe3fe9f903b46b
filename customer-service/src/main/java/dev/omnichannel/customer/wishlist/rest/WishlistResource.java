package dev.omnichannel.customer.wishlist.rest;

import dev.omnichannel.customer.wishlist.service.WishlistService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/customers/{id}/wishlist")
@RolesAllowed("service")
public class WishlistResource {

    private final WishlistService wishlist;

    WishlistResource(WishlistService wishlist) {
        this.wishlist = wishlist;
    }

    @GET
    public Uni<WishlistView> get(@RestPath UUID id) {
        return wishlist.get(id);
    }

    @PUT
    @Path("/{sku}")
    public Uni<WishlistView> add(@RestPath UUID id, @RestPath String sku,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return wishlist.change(id, sku, true, idempotencyKey);
    }

    @DELETE
    @Path("/{sku}")
    public Uni<WishlistView> remove(@RestPath UUID id, @RestPath String sku,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return wishlist.change(id, sku, false, idempotencyKey);
    }
}
