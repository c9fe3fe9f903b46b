package dev.omnichannel.messaging.conversation.rest;

import dev.omnichannel.messaging.conversation.service.ConversationService;
import dev.omnichannel.messaging.conversation.service.ConversationViews.Conversation;
import dev.omnichannel.messaging.conversation.service.ConversationViews.ConversationItem;
import dev.omnichannel.messaging.conversation.service.ConversationViews.StartRequest;
import dev.omnichannel.messaging.conversation.service.ReplyChannel;
import dev.omnichannel.messaging.support.Actor;
import dev.omnichannel.messaging.support.Page;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

@Path("/customers/{id}")
@RolesAllowed("service")
public class CustomerConversationResource {

    private final ConversationService service;

    CustomerConversationResource(ConversationService service) {
        this.service = service;
    }

    @GET
    @Path("/conversations")
    public Uni<Page<ConversationItem>> list(@PathParam("id") String customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return service.list(customerId, Page.page(page), Page.size(size));
    }

    /** Writes on a topic: the customer's thread on it, created by its first message (201). */
    @POST
    @Path("/conversations")
    @ResponseStatus(201)
    public Uni<Conversation> start(@PathParam("id") String customerId, @NotNull @Valid StartRequest request,
            @RestHeader(ForwardedHeaders.ACTOR) String actor, @RestHeader(ForwardedHeaders.CHANNEL) String channel,
            @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.start(customerId, request, Actor.parse(actor), ReplyChannel.of(channel), idempotencyKey);
    }
}
