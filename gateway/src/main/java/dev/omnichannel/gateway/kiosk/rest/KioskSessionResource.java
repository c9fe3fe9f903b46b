package dev.omnichannel.gateway.kiosk.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.client.ServiceUnavailableException;
import dev.omnichannel.gateway.kiosk.service.KioskDevices.KioskDevice;
import dev.omnichannel.gateway.kiosk.service.KioskDevices;
import dev.omnichannel.gateway.security.service.Refusals;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The kiosk page's way to a kiosk token without the kiosk client's secret ever reaching a browser:
 * the device presents its own key, the gateway (which holds the client secret, as an oidc-client)
 * gets a client-credentials token from Keycloak and hands over that short-lived token only.
 */
@Path("/kiosk/session")
@Tag(name = "Kiosk session", description = "For the in-store kiosk page: a kiosk token in exchange for a device key")
@PermitAll
public class KioskSessionResource {

    public static final String DEVICE_KEY = "X-Kiosk-Device-Key";
    private static final Logger LOG = Logger.getLogger(KioskSessionResource.class);

    private final KioskDevices devices;
    private final OidcClients clients;
    private final Refusals refusals;
    private final ObjectMapper json;

    public KioskSessionResource(KioskDevices devices, OidcClients clients, Refusals refusals, ObjectMapper json) {
        this.devices = devices;
        this.clients = clients;
        this.refusals = refusals;
        this.json = json;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A short-lived kiosk access token for a kiosk device that presents its key (header X-Kiosk-Device-Key)")
    @APIResponse(responseCode = "200", description = "accessToken, expiresAt, expiresIn, storeId")
    @APIResponse(responseCode = "401", description = "No device key, or not the key of a configured kiosk device")
    public Uni<RestResponse<KioskSession>> open(@HeaderParam(DEVICE_KEY) String deviceKey) {
        KioskDevice device = devices.recognise(deviceKey).orElseThrow(() -> {
            refusals.unauthenticated("kiosk device", deviceKey == null || deviceKey.isBlank()
                    ? "no device key" : "not the key of a configured kiosk device");
            return new ProblemException(401, "unauthorized", "Unauthorized",
                    "A kiosk device key is required (header " + DEVICE_KEY + ")", null);
        });
        return clients.getClient(device.oidcClient()).getTokens()
                .onFailure().transform(e -> new ServiceUnavailableException("keycloak", "no kiosk token: " + e.getMessage(), e))
                .map(tokens -> {
                    LOG.infof("kiosk session opened for device %s", device.name());
                    return RestResponse.ResponseBuilder.ok(session(tokens, device))
                            .header("Cache-Control", "no-store").build();
                });
    }

    /** Expiry and store come from the token's own claims: what every API call will check. */
    private KioskSession session(Tokens tokens, KioskDevice device) {
        JsonNode claims = claimsOf(tokens.getAccessToken());
        Instant expiresAt = claims.hasNonNull("exp") ? Instant.ofEpochSecond(claims.path("exp").asLong()) : Instant.now();
        long expiresIn = Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        return new KioskSession(tokens.getAccessToken(), "Bearer", expiresAt, expiresIn,
                claims.path("store_id").asText(null), device.name());
    }

    /** The token comes straight from Keycloak over the gateway's own connection: its claims are read, not verified again. */
    private JsonNode claimsOf(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return json.createObjectNode();
        }
    }
}
