package dev.omnichannel.gateway.customer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.customer.rest.Requests.ConsentChange;
import dev.omnichannel.gateway.customer.rest.Requests.PreferencesChange;
import dev.omnichannel.gateway.customer.service.CustomerAccount;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.view.service.ViewUpdates;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The customer's own profile, preferences, consents, export and erasure. */
@Path("/api/v1/me")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class MeResource {

    private final CallerContext context;
    private final CustomerAccount account;
    private final CustomerClient customers;
    private final ViewUpdates views;

    public MeResource(CallerContext context, CustomerAccount account, CustomerClient customers, ViewUpdates views) {
        this.context = context;
        this.account = account;
        this.customers = customers;
        this.views = views;
    }

    @GET
    @Operation(summary = "The unified profile: identities, preferences, consents, segments")
    public Uni<JsonNode> profile() {
        return context.customerId().chain(customers::profile);
    }

    @PATCH
    @Path("/preferences")
    @Operation(summary = "Change preferences (only the fields given)")
    public Uni<RestResponse<JsonNode>> changePreferences(@NotNull @Valid PreferencesChange change) {
        return context.customerId()
                .chain(id -> customers.updatePreferences(id, change, context.idempotencyKey()))
                .call(answer -> views.profileAnswered(answer.getEntity()))
                .map(Relay::answer);
    }

    @PUT
    @Path("/consents/{channel}")
    @Operation(summary = "Grant or refuse a channel: {\"granted\": bool}")
    public Uni<RestResponse<JsonNode>> changeConsent(
            @PathParam("channel") @Pattern(regexp = "email|sms|push|whatsapp") String channel,
            @NotNull @Valid ConsentChange consent) {
        return context.customerId()
                .chain(id -> customers.setConsent(id, channel, consent, context.idempotencyKey()))
                .call(answer -> views.profileAnswered(answer.getEntity()))
                .map(Relay::answer);
    }

    @GET
    @Path("/export")
    @Operation(summary = "Everything held about the customer, from every service")
    public Uni<JsonNode> export() {
        return context.customerId().chain(account::export);
    }

    @DELETE
    @Operation(summary = "Erase the customer; customer-service propagates the erasure to every service (customer.erased)")
    public Uni<RestResponse<Void>> erase() {
        return context.customerId().chain(id -> account.erase(id, context.caller(), context.idempotencyKey()))
                .replaceWith(RestResponse.noContent());
    }
}
