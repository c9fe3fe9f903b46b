package dev.omnichannel.gateway.client.messaging;

import dev.omnichannel.gateway.client.ServiceCalls;
import dev.omnichannel.gateway.client.ServiceProblemException;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * messaging-service's provider webhooks: the body goes as raw bytes with its content type and
 * {@code X-Signature}, so the HMAC the service checks is over exactly what the provider sent.
 */
@RegisterRestClient(configKey = "messaging")
@OidcClientFilter
interface WebhookApi {

    String SIGNATURE = "X-Signature";

    /** Unlike other calls, the service's own 401 (bad signature) is the provider's answer: passed on as it is. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return new ServiceProblemException(MessagingClient.SERVICE, status,
                    response.hasEntity() ? response.readEntity(String.class) : null, null);
        }
        return ServiceCalls.fromAnswer(MessagingClient.SERVICE, response);
    }

    @POST
    @Path("/webhooks/{channel}")
    Uni<RestResponse<byte[]>> deliver(@PathParam("channel") String channel, @HeaderParam(SIGNATURE) String signature,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body);
}
