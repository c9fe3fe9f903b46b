package dev.omnichannel.messaging.delivery.rest;

import dev.omnichannel.messaging.delivery.service.DeliveryService;
import dev.omnichannel.messaging.delivery.service.TrackedLinks;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Base64;

/**
 * Tracked links, reached by the customer's mail client or browser (no token, hence open): the open
 * pixel answers a transparent GIF, a click redirects to the page. Tokens are 256 random bits.
 */
@Path("/t/{token}")
@PermitAll
public class TrackingResource {

    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final DeliveryService delivery;

    TrackingResource(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @GET
    @WithTransaction
    public Uni<Response> follow(@PathParam("token") String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            return Uni.createFrom().failure(ProblemException.notFound("No such link"));
        }
        return delivery.onTracked(token).map(tracked -> {
            if (tracked == null) {
                throw ProblemException.notFound("No such link");
            }
            if (TrackedLinks.CLICK.equals(tracked.kind()) && tracked.target() != null) {
                return Response.status(Response.Status.FOUND).location(URI.create(tracked.target()))
                        .header("Cache-Control", "no-store").build();
            }
            return Response.ok(PIXEL, "image/gif").header("Cache-Control", "no-store").build();
        });
    }
}
