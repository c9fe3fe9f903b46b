package dev.omnichannel.gateway.customer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.customer.rest.Requests.ProfileMerge;
import dev.omnichannel.gateway.customer.service.CustomerLookup;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.security.service.CustomerDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Staff and admin on customer profiles: lookup (also by kiosks, to identify a customer), merge, undo, timeline. */
@Path("/api/v1/customers")
@Tag(name = "Staff and admin")
public class CustomerAdminResource {

    private final CustomerLookup lookup;
    private final CustomerClient customers;
    private final CustomerDirectory directory;
    private final CallerContext context;

    public CustomerAdminResource(CustomerLookup lookup, CustomerClient customers, CustomerDirectory directory,
            CallerContext context) {
        this.lookup = lookup;
        this.customers = customers;
        this.directory = directory;
        this.context = context;
    }

    @GET
    @RolesAllowed({ Caller.STAFF, Caller.ADMIN, Caller.KIOSK })
    @Operation(summary = "Find a customer by identity (type:value — phone, email, loyalty card)",
            description = "At a kiosk or by store staff this identifies the customer in the store: a visit is recorded, "
                    + "which a kiosk needs before acting for the customer.")
    public Uni<JsonNode> find(@QueryParam("identity") @NotBlank @Pattern(regexp = "[a-z-]+:.+") String identity) {
        return lookup.find(identity);
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({ Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Merge a duplicate profile into {id}, the survivor: 200 with mergeId (audited)")
    public Uni<RestResponse<JsonNode>> merge(@PathParam("id") String survivorId, @NotNull @Valid ProfileMerge merge) {
        return customers.merge(survivorId, merge, context.idempotencyKey())
                .call(directory::forgetAll)
                .map(Relay::answer);
    }

    @POST
    @Path("/merges/{mergeId}/undo")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Split merged profiles back as they were")
    public Uni<RestResponse<JsonNode>> undoMerge(@PathParam("mergeId") String mergeId) {
        return customers.undoMerge(mergeId, context.idempotencyKey())
                .call(directory::forgetAll)
                .map(Relay::answer);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ Caller.STAFF, Caller.ADMIN })
    @Operation(summary = "Interactions across every channel, newest first")
    public Uni<JsonNode> timeline(@PathParam("id") String customerId, @QueryParam("page") @PositiveOrZero Integer page,
            @QueryParam("size") @PositiveOrZero @Max(100) Integer size) {
        return customers.timeline(customerId, page, size);
    }
}
