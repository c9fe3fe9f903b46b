package dev.omnichannel.customer.merge.rest;

import dev.omnichannel.customer.merge.service.UndoService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/merges/{mergeId}/undo")
@RolesAllowed("service")
public class UndoResource {

    private final UndoService undos;

    UndoResource(UndoService undos) {
        this.undos = undos;
    }

    @POST
    public Uni<UndoResult> undo(@RestPath UUID mergeId, @RestHeader(ForwardedHeaders.ACTOR) String actor,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return undos.undo(mergeId, actor, idempotencyKey);
    }
}
