package dev.omnichannel.customer.merge.rest;

import dev.omnichannel.customer.merge.service.MergeService;
import dev.omnichannel.customer.support.ChannelHeader;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Merges are staff or admin decisions; the gateway authorises them and passes the actor on. */
@Path("/customers/{id}/merge")
@RolesAllowed("service")
public class MergeResource {

    private final MergeService merges;

    MergeResource(MergeService merges) {
        this.merges = merges;
    }

    @POST
    public Uni<MergeResult> merge(@RestPath UUID id, @Valid @NotNull MergeRequest request,
            @RestHeader(ForwardedHeaders.ACTOR) String actor, @RestHeader(ForwardedHeaders.CHANNEL) String channel,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return Uni.createFrom().deferred(() -> merges.merge(id, request.duplicateId(), actor, ChannelHeader.parse(channel),
                idempotencyKey));
    }
}
