package dev.omnichannel.messaging.webhook.rest;

import dev.omnichannel.messaging.webhook.service.WebhookService;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * Provider webhooks, forwarded untouched by the gateway (so with its service token) and signed by
 * the provider: the signature is checked on the raw bytes before anything is read.
 */
@Path("/webhooks/{channel}")
@RolesAllowed("service")
public class WebhookResource {

    static final String SIGNATURE = "X-Signature";

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<WebhookResult> receive(@PathParam("channel") String channel, byte[] body,
            @RestHeader(SIGNATURE) String signature, @RestHeader(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey) {
        return service.receive(channel, body == null ? new byte[0] : body, signature, idempotencyKey);
    }
}
