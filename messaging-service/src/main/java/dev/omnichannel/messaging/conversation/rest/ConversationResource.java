package dev.omnichannel.messaging.conversation.rest;

import dev.omnichannel.messaging.conversation.service.ConversationService;
import dev.omnichannel.messaging.conversation.service.ConversationViews.Conversation;
import dev.omnichannel.messaging.conversation.service.ConversationViews.ReplyRequest;
import dev.omnichannel.messaging.conversation.service.ReplyChannel;
import dev.omnichannel.messaging.support.Actor;
import dev.omnichannel.shared.http.ForwardedHeaders;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

@Path("/conversations/{id}")
@RolesAllowed("service")
public class ConversationResource {

    private final ConversationService service;

    ConversationResource(ConversationService service) {
        this.service = service;
    }

    /** The whole thread; staff see any, a customer (X-Actor customer:...) only theirs. */
    @GET
    public Uni<Conversation> get(@PathParam("id") String id, @RestHeader(ForwardedHeaders.ACTOR) String actor) {
        return service.get(uuid(id), actor == null ? null : Actor.parse(actor));
    }

    @POST
    @Path("/messages")
    @ResponseStatus(201)
    public Uni<Conversation> reply(@PathParam("id") String id, @NotNull @Valid ReplyRequest request,
            @RestHeader(ForwardedHeaders.ACTOR) String actor, @RestHeader(ForwardedHeaders.CHANNEL) String channel,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.reply(uuid(id), request, Actor.parse(actor), ReplyChannel.of(channel), idempotencyKey);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No conversation " + id);
        }
    }
}
