package dev.omnichannel.gateway.messaging.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.messaging.service.MessagesKept;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.AccessPolicy;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** One conversation across channels; another customer's conversation answers 404. */
@Path("/api/v1/me/conversations")
@Tag(name = "Customer")
@RolesAllowed(Caller.CUSTOMER)
public class ConversationResource {

    public record NewConversation(@Size(max = 200) String subject, @NotBlank @Size(max = 4000) String text) {
    }

    public record NewMessage(@NotBlank @Size(max = 4000) String text) {
    }

    private final MessagingClient messaging;
    private final AccessPolicy access;
    private final CallerContext context;
    private final MessagesKept kept;

    public ConversationResource(MessagingClient messaging, AccessPolicy access, CallerContext context, MessagesKept kept) {
        this.messaging = messaging;
        this.access = access;
        this.context = context;
        this.kept = kept;
    }

    @GET
    @Operation(summary = "The customer's conversations")
    public Uni<JsonNode> conversations() {
        return context.customerId().chain(messaging::conversationsOf);
    }

    @POST
    @Operation(summary = "Start a conversation: {\"subject\",\"text\"}")
    public Uni<RestResponse<JsonNode>> start(@NotNull @Valid NewConversation conversation) {
        return context.customerId()
                .chain(id -> messaging.startConversation(id, conversation, context.idempotencyKey())
                        .call(() -> summaryKept(id)))
                .map(Relay::answer);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A conversation: messages with channel, author, text, sentAt")
    public Uni<JsonNode> conversation(@PathParam("id") String id) {
        return own(id).call(() -> context.customerId().chain(this::summaryKept)); // reading it reads its messages
    }

    @POST
    @Path("/{id}/messages")
    @Operation(summary = "Write in a conversation: {\"text\"}")
    public Uni<RestResponse<JsonNode>> write(@PathParam("id") String id, @NotNull @Valid NewMessage message) {
        return own(id).chain(() -> messaging.addMessage(id, message, context.idempotencyKey()))
                .call(() -> context.customerId().chain(this::summaryKept))
                .map(Relay::answer);
    }

    /** The customer's conversation summary after their write, kept in the view model ({@link MessagesKept}). */
    private Uni<Void> summaryKept(String customerId) {
        return kept.summaryOf(customerId);
    }

    private Uni<JsonNode> own(String conversationId) {
        return Uni.combine().all().unis(context.customerId(), messaging.conversation(conversationId)).asTuple()
                .map(found -> access.requireOwner(context.caller(), found.getItem1(), found.getItem2(), "conversation"));
    }
}
