package dev.omnichannel.gateway.view.rest;

import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.view.service.ViewReader;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/view")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class ViewResource {

    private final CallerContext context;
    private final ViewReader views;

    public ViewResource(CallerContext context, ViewReader views) {
        this.context = context;
        this.views = views;
    }

    @GET
    @Operation(summary = "The personalized view",
            description = "Profile summary, priced cart and wishlist with availability at the preferred store, offers for "
                    + "the customer's segments, active reservations and orders, conversation and in-app inbox — identical "
                    + "on every channel but for `channel`. Read from the gateway's model of the services' events: whole "
                    + "when a service is down, `asOf` giving when each part last changed; a write made through the "
                    + "gateway is in the next view on every channel. `partial: true` names in `missing` the services "
                    + "whose events this gateway has not caught up with since it started.")
    @APIResponse(responseCode = "200", description = "The view")
    public Uni<PersonalizedView> view() {
        return views.viewOfCaller(context.caller());
    }
}
