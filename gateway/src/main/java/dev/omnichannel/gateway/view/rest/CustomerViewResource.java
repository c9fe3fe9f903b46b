package dev.omnichannel.gateway.view.rest;

import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.AccessPolicy;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.view.service.ViewReader;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The same personalized view, for a customer a kiosk has identified at its store or whom staff
 * serve: the content a customer sees on web and mobile, shown at the kiosk or the counter.
 */
@Path("/api/v1/customers/{id}/view")
@Tag(name = "Staff and admin")
@RolesAllowed({ Caller.KIOSK, Caller.STAFF, Caller.ADMIN })
public class CustomerViewResource {

    private final CallerContext context;
    private final AccessPolicy access;
    private final ViewReader views;

    public CustomerViewResource(CallerContext context, AccessPolicy access, ViewReader views) {
        this.context = context;
        this.access = access;
        this.views = views;
    }

    @GET
    @Operation(summary = "A customer's personalized view at a kiosk (customer identified at its store) or for staff")
    public Uni<PersonalizedView> view(@PathParam("id") String customerId) {
        return access.requireIdentifiedAtKiosk(context.caller(), customerId)
                .chain(() -> views.viewOf(customerId, context.caller()));
    }
}
