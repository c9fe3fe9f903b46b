package dev.omnichannel.gateway.client.keycloak;

import dev.omnichannel.gateway.client.ServiceCalls;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin REST API of the realm, called with the gateway's own token (its service account
 * holds realm-management's {@code manage-users}). Package-private: {@link KeycloakAccounts} calls it.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
interface KeycloakAdminApi {

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceCalls.fromAnswer(KeycloakAccounts.SERVICE, response);
    }

    @DELETE
    @Path("/users/{id}")
    Uni<Void> deleteUser(@PathParam("id") String userId);
}
