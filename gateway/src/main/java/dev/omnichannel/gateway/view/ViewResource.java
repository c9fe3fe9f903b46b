package dev.omnichannel.gateway.view;

import dev.omnichannel.gateway.security.Caller;
import dev.omnichannel.gateway.security.CallerContext;
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
    private final ViewComposer composer;

    public ViewResource(CallerContext context, ViewComposer composer) {
        this.context = context;
        this.composer = composer;
    }

    @GET
    @Operation(summary = "The personalized view",
            description = "Profile summary, priced cart with availability at the preferred store, wishlist, offers for the "
                    + "customer's segments, active reservations and conversation — identical on every channel but for "
                    + "`channel`. Answers within a time budget: parts a service did not give in time are null and the "
                    + "service is named in `missing` (`partial: true`).")
    @APIResponse(responseCode = "200", description = "The view, complete or partial")
    public Uni<PersonalizedView> view() {
        return context.customerId().chain(customerId -> composer.compose(customerId, context.channel()));
    }
}
