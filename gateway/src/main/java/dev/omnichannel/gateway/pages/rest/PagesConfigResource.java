package dev.omnichannel.gateway.pages.rest;

import dev.omnichannel.gateway.pages.config.PagesConfig;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the storefront, kiosk and back-office pages need to sign in: Keycloak's URL and realm. */
@Path("/pages/config")
@Tag(name = "Pages", description = "Configuration of the browser pages served by the gateway")
@PermitAll
public class PagesConfigResource {

    public record PageSettings(String keycloakUrl, String realm) {
    }

    private final PagesConfig config;

    public PagesConfigResource(PagesConfig config) {
        this.config = config;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keycloak's URL (as the browser reaches it) and realm, for the pages' sign-in")
    public PageSettings settings() {
        return new PageSettings(config.keycloakUrl(), config.realm());
    }
}
