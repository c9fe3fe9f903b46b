package dev.omnichannel.gateway.messaging.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.AccessPolicy;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A customer's inbox shown at the kiosk of the store where they were identified, or by staff: the
 * messages sent to them on every channel, as the customer sees them on the web and in the app.
 */
@Path("/api/v1/customers/{id}/notifications")
@Tag(name = "Staff and admin")
@RolesAllowed({ Caller.KIOSK, Caller.STAFF, Caller.ADMIN })
public class CustomerInboxResource {

    private final MessagingClient messaging;
    private final AccessPolicy access;
    private final CallerContext context;

    public CustomerInboxResource(MessagingClient messaging, AccessPolicy access, CallerContext context) {
        this.messaging = messaging;
        this.access = access;
        this.context = context;
    }

    @GET
    @Operation(summary = "A customer's inbox, every channel, newest first (kiosk: customer identified at its store; staff)")
    public Uni<JsonNode> notifications(@PathParam("id") String customerId, @QueryParam("page") @PositiveOrZero Integer page,
            @QueryParam("size") @PositiveOrZero Integer size) {
        return access.requireIdentifiedAtKiosk(context.caller(), customerId)
                .chain(() -> messaging.notifications(customerId, page, InboxResource.capped(size)));
    }
}
