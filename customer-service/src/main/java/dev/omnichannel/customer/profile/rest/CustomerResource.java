package dev.omnichannel.customer.profile.rest;

import dev.omnichannel.customer.gdpr.service.ErasureService;
import dev.omnichannel.customer.profile.service.ConsentService;
import dev.omnichannel.customer.profile.service.PreferenceService;
import dev.omnichannel.customer.profile.service.ProfileService;
import dev.omnichannel.customer.support.ChannelHeader;
import dev.omnichannel.customer.support.MessageChannel;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/customers")
@RolesAllowed("service")
public class CustomerResource {

    private final ProfileService profiles;
    private final PreferenceService preferences;
    private final ConsentService consents;
    private final ErasureService erasure;

    CustomerResource(ProfileService profiles, PreferenceService preferences, ConsentService consents,
            ErasureService erasure) {
        this.profiles = profiles;
        this.preferences = preferences;
        this.consents = consents;
        this.erasure = erasure;
    }

    @POST
    @Path("/resolve")
    public Uni<RestResponse<CustomerProfile>> resolve(@Valid @NotNull ResolveRequest request,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return profiles.resolve(request, idempotencyKey).map(resolved -> RestResponse.status(
                resolved.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, resolved.profile()));
    }

    @GET
    @Path("/{id}")
    public Uni<CustomerProfile> get(@RestPath UUID id) {
        return profiles.get(id);
    }

    @GET
    public Uni<Map<String, List<CustomerProfile>>> lookup(@QueryParam("identity") @NotNull String identity) {
        return profiles.lookup(identity).map(profile -> Map.of("items", List.of(profile)));
    }

    @POST
    @Path("/{id}/identities")
    public Uni<CustomerProfile> link(@RestPath UUID id, @Valid @NotNull IdentityRequest request,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return profiles.link(id, request, idempotencyKey);
    }

    @PATCH
    @Path("/{id}/preferences")
    public Uni<CustomerProfile> preferences(@RestPath UUID id, @Valid @NotNull PreferencesPatch patch,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return preferences.update(id, patch, idempotencyKey);
    }

    @PUT
    @Path("/{id}/consents/{channel}")
    public Uni<CustomerProfile> consent(@RestPath UUID id, @RestPath String channel, @Valid @NotNull ConsentRequest request,
            @RestHeader(ForwardedHeaders.CHANNEL) String givenOn,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return Uni.createFrom().deferred(() -> consents.set(id, MessageChannel.parse(channel, "channel"),
                request.granted(), ChannelHeader.parse(givenOn), idempotencyKey));
    }

    /** GDPR erasure (204); {@code customer.erased} is published for the customer and every profile merged into it. */
    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> erase(@RestPath UUID id, @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return erasure.erase(id, idempotencyKey).map(erased -> RestResponse.noContent());
    }
}
