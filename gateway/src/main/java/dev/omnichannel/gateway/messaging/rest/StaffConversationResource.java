package dev.omnichannel.gateway.messaging.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.messaging.rest.ConversationResource.NewMessage;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Staff see the customer's own thread — every message, whatever the channel it came on — and
 * answer in it: a reply is authored by staff ({@code X-Actor}) on the caller's channel (a store,
 * the call centre). A conversation of another customer answers 404.
 */
@Path("/api/v1/customers/{id}/conversations")
@Tag(name = "Staff and admin")
@RolesAllowed({ Caller.STAFF, Caller.ADMIN })
public class StaffConversationResource {

    private final MessagingClient messaging;
    private final CustomerClient customers;
    private final CallerContext context;

    public StaffConversationResource(MessagingClient messaging, CustomerClient customers, CallerContext context) {
        this.messaging = messaging;
        this.customers = customers;
        this.context = context;
    }

    @GET
    @Operation(summary = "The customer's conversations (staff)")
    public Uni<JsonNode> conversations(@PathParam("id") String customerId) {
        return messaging.conversationsOf(customerId);
    }

    @GET
    @Path("/{conversationId}")
    @Operation(summary = "One conversation of the customer: messages with channel, author, text, sentAt (staff)")
    public Uni<JsonNode> conversation(@PathParam("id") String customerId, @PathParam("conversationId") String conversationId) {
        return ofCustomer(customerId, conversationId);
    }

    @POST
    @Path("/{conversationId}/messages")
    @Operation(summary = "Answer in the customer's conversation: {\"text\"}, authored by staff on the caller's channel")
    public Uni<RestResponse<JsonNode>> reply(@PathParam("id") String customerId,
            @PathParam("conversationId") String conversationId, @NotNull @Valid NewMessage message) {
        return ofCustomer(customerId, conversationId)
                .chain(() -> messaging.addMessage(conversationId, message, context.idempotencyKey()))
                .map(Relay::answer);
    }

    /** The thread, when it is this customer's — also when {@code customerId} was merged into its owner. */
    private Uni<JsonNode> ofCustomer(String customerId, String conversationId) {
        return messaging.conversation(conversationId).chain(thread -> {
            String owner = thread.path("customerId").asText(null);
            if (Objects.equals(owner, customerId)) {
                return Uni.createFrom().item(thread);
            }
            return customers.profile(customerId).map(profile -> {
                if (owner == null || !owner.equals(profile.path("id").asText(null))) {
                    throw ProblemException.notFound("No conversation " + conversationId + " for customer " + customerId);
                }
                return thread;
            });
        });
    }
}
