package dev.omnichannel.gateway.messaging.rest;

import dev.omnichannel.gateway.client.messaging.MessagingClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Inbound messages and delivery receipts from providers, which cannot obtain Keycloak tokens: open
 * at the gateway (rate limited per address), authenticated by messaging-service, which checks the
 * HMAC in {@code X-Signature} over the body forwarded byte for byte.
 */
@Path("/api/v1/webhooks")
@Tag(name = "Staff and admin")
@PermitAll
public class WebhookResource {

    private final MessagingClient messaging;

    public WebhookResource(MessagingClient messaging) {
        this.messaging = messaging;
    }

    @POST
    @Path("/{channel}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Inbound message or delivery receipt from a provider (HMAC-SHA256 in X-Signature)")
    public Uni<RestResponse<byte[]>> deliver(@PathParam("channel") String channel,
            @HeaderParam("X-Signature") String signature, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        return messaging.deliverWebhook(channel, signature, contentType, body == null ? new byte[0] : body)
                .map(answer -> {
                    byte[] entity = answer.hasEntity() ? answer.getEntity() : null;
                    if (entity == null || entity.length == 0) {
                        return RestResponse.status(answer.getStatus());
                    }
                    return RestResponse.ResponseBuilder.<byte[]>create(answer.getStatus()).entity(entity)
                            .type(answer.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : answer.getMediaType())
                            .build();
                });
    }
}
