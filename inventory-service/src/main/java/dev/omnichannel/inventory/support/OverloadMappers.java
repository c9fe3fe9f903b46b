package dev.omnichannel.inventory.support;

import dev.omnichannel.shared.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A hold refused for overload: 503 {@code problem+json} with {@code Retry-After}, at once. */
public class OverloadMappers {

    private static final Logger LOG = Logger.getLogger(OverloadMappers.class);
    static final String RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper({ Overloaded.class, BulkheadException.class })
    public Response overloaded(RuntimeException e, UriInfo uri) {
        LOG.debugf("503 %s: %s", uri.getPath(), e.getMessage());
        return Response.fromResponse(new Problem("overloaded", "Service Unavailable", 503,
                "Too many holds at once; try again shortly", uri.getPath(), null).toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
