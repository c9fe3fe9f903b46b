package dev.omnichannel.customer.visit.rest;

import dev.omnichannel.customer.support.ChannelHeader;
import dev.omnichannel.customer.visit.service.VisitService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/customers/{id}/visits")
@RolesAllowed("service")
public class VisitResource {

    private final VisitService visits;

    VisitResource(VisitService visits) {
        this.visits = visits;
    }

    @POST
    public Uni<RestResponse<VisitView>> record(@RestPath UUID id, @Valid @NotNull VisitRequest request,
            @RestHeader(ForwardedHeaders.CHANNEL) String channel,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return Uni.createFrom().deferred(() -> visits.record(id, request.storeId(), ChannelHeader.parse(channel), idempotencyKey))
                .map(visit -> RestResponse.status(RestResponse.Status.CREATED, visit));
    }

    @GET
    @Path("/latest")
    public Uni<VisitView> latest(@RestPath UUID id,
            @QueryParam("storeId") @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String storeId) {
        return visits.latest(id, storeId);
    }
}
