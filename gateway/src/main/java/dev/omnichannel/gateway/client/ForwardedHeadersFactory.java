package dev.omnichannel.gateway.client;

import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.shared.http.ForwardedHeaders;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds {@code X-Channel} and {@code X-Actor} of the current caller to every service call. The
 * {@code Idempotency-Key} is a parameter of each mutation instead: one request may cause several
 * mutations, each needing its own key.
 */
@ApplicationScoped
public class ForwardedHeadersFactory implements ClientHeadersFactory {

    private final CallerContext context;

    public ForwardedHeadersFactory(CallerContext context) {
        this.context = context;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!Arc.container().requestContext().isActive()) {
            return headers;
        }
        if (context.channel() != null) {
            headers.putSingle(ForwardedHeaders.CHANNEL, context.channel().wireName());
        }
        String actor = context.actor();
        if (actor != null) {
            headers.putSingle(ForwardedHeaders.ACTOR, actor);
        }
        return headers;
    }
}
