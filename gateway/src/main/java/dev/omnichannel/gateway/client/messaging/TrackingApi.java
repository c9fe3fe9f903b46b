package dev.omnichannel.gateway.client.messaging;

import dev.omnichannel.gateway.client.ServiceCalls;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * messaging-service's tracked links ({@code GET /t/{token}}), open there as here: no token is sent
 * and redirects are not followed — the click's 302 and its {@code Location} are the answer.
 */
@RegisterRestClient(configKey = "messaging")
interface TrackingApi {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceCalls.fromAnswer(MessagingClient.SERVICE, response);
    }

    @GET
    @Path("/t/{token}")
    Uni<RestResponse<byte[]>> follow(@PathParam("token") String token);
}
