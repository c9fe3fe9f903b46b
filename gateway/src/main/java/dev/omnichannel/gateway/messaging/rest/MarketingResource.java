package dev.omnichannel.gateway.messaging.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.Relay;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Message templates, campaigns and channel analytics, for staff and admins. The bodies go to
 * messaging-service as they are: it validates each channel variant.
 */
@Path("/api/v1")
@Tag(name = "Staff and admin")
@RolesAllowed({ Caller.STAFF, Caller.ADMIN })
public class MarketingResource {

    private final MessagingClient messaging;
    private final CallerContext context;

    public MarketingResource(MessagingClient messaging, CallerContext context) {
        this.messaging = messaging;
        this.context = context;
    }

    @PUT
    @Path("/templates/{key}")
    @Operation(summary = "One message with its variants per channel (email, sms, push, whatsapp, in-app)",
            description = "critical: true (order ready, security) may be sent in quiet hours, never on a refused channel.")
    public Uni<RestResponse<JsonNode>> saveTemplate(@PathParam("key") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,99}") String key,
            @NotNull JsonNode template) {
        return messaging.saveTemplate(key, template, context.idempotencyKey()).map(Relay::answer);
    }

    @POST
    @Path("/campaigns")
    @Operation(summary = "Send a promotion to a segment, on each member's channel: {\"segment\",\"templateKey\",\"promotionId\",\"data\"}")
    public Uni<RestResponse<JsonNode>> campaign(@NotNull JsonNode campaign) {
        return messaging.campaign(campaign, context.idempotencyKey()).map(Relay::answer);
    }

    @GET
    @Path("/analytics/channels")
    @Operation(summary = "Per channel: messages sent, delivered, failed, opened; reservations, orders, conversion")
    public Uni<JsonNode> channelAnalytics(@QueryParam("from") String from, @QueryParam("to") String to) {
        return messaging.channelAnalytics(from, to);
    }
}
