package dev.omnichannel.gateway.client.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.client.ForwardedHeadersFactory;
import dev.omnichannel.gateway.client.ServiceCalls;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * messaging-service's REST API (docs/services-api.md), webhooks aside ({@link WebhookApi}).
 * Package-private: {@link MessagingClient} wraps it with timeouts, retries and circuit breakers.
 */
@RegisterRestClient(configKey = "messaging")
@RegisterClientHeaders(ForwardedHeadersFactory.class)
@OidcClientFilter
interface MessagingServiceApi {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceCalls.fromAnswer(MessagingClient.SERVICE, response);
    }

    @PUT
    @Path("/templates/{key}")
    Uni<RestResponse<JsonNode>> saveTemplate(@PathParam("key") String key, Object template,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/internal/personal-data-keys/{id}")
    Uni<JsonNode> personalDataKey(@PathParam("id") String customerId);

    @GET
    @Path("/customers/{id}/notifications")
    Uni<JsonNode> notifications(@PathParam("id") String customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @POST
    @Path("/customers/{id}/notifications/{notificationId}/read")
    Uni<JsonNode> readNotification(@PathParam("id") String customerId, @PathParam("notificationId") String notificationId);

    @POST
    @Path("/alerts")
    Uni<RestResponse<JsonNode>> alert(Object alert, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/customers/{id}/conversations")
    Uni<JsonNode> conversationsOf(@PathParam("id") String customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @POST
    @Path("/customers/{id}/conversations")
    Uni<RestResponse<JsonNode>> startConversation(@PathParam("id") String customerId, Object conversation,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/conversations/{id}")
    Uni<JsonNode> conversation(@PathParam("id") String id);

    @POST
    @Path("/conversations/{id}/messages")
    Uni<RestResponse<JsonNode>> addMessage(@PathParam("id") String id, Object message,
            @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/customers/{id}/conversation-summary")
    Uni<JsonNode> conversationSummary(@PathParam("id") String customerId);

    @POST
    @Path("/campaigns")
    Uni<RestResponse<JsonNode>> campaign(Object campaign, @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY) String idempotencyKey);

    @GET
    @Path("/analytics/channels")
    Uni<JsonNode> channelAnalytics(@QueryParam("from") String from, @QueryParam("to") String to);
}
