package dev.omnichannel.messaging.personal.client;

import dev.omnichannel.messaging.personal.service.CustomerKeys;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * customer-service's {@code GET /internal/personal-data-keys/{customerId}}, called with messaging's
 * own service token (client credentials of the {@code messaging-service} client). Wrapped by
 * {@link CustomerKeys}.
 */
@RegisterRestClient(configKey = "customer")
@OidcClientFilter
@Path("/internal/personal-data-keys")
public interface CustomerKeysApi {

    /** The key, base64. */
    record PersonalDataKey(String customerId, String key) {
    }

    @GET
    @Path("/{customerId}")
    Uni<PersonalDataKey> key(@PathParam("customerId") String customerId);
}
