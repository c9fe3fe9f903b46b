package dev.omnichannel.gateway.messaging.rest;

import dev.omnichannel.gateway.client.messaging.MessagingClient;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The tracked links in the messages customers receive (open pixel, click redirect), built by
 * messaging-service on the gateway's public URL: reached by mail clients and browsers without a
 * token (rate limited per address), outside {@code /api/v1}, and passed through untouched.
 */
@Path("/t/{token}")
@Tag(name = "Staff and admin")
@PermitAll
public class TrackedLinkResource {

    /** What the answer keeps of messaging's headers: the pixel's type, the click's target, no caching. */
    private static final List<String> PASSED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.CACHE_CONTROL);

    private final MessagingClient messaging;

    public TrackedLinkResource(MessagingClient messaging) {
        this.messaging = messaging;
    }

    @GET
    @Operation(summary = "A tracked link of a message: the open pixel (image) or a click's redirect (302 with Location)")
    public Uni<RestResponse<byte[]>> follow(@PathParam("token") String token) {
        return messaging.followTrackedLink(token).map(answer -> {
            RestResponse.ResponseBuilder<byte[]> passed = RestResponse.ResponseBuilder.create(answer.getStatus());
            byte[] body = answer.hasEntity() ? answer.getEntity() : null;
            if (body != null && body.length > 0) {
                passed.entity(body);
            }
            for (String header : PASSED_HEADERS) {
                String value = answer.getHeaderString(header);
                if (value != null) {
                    passed.header(header, value);
                }
            }
            return passed.build();
        });
    }
}
