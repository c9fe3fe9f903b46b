package dev.omnichannel.shared.tracing;

import dev.omnichannel.shared.problem.Problem;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A 5xx problem carries the trace id of its request (only the id), so that support finds the request's
 * trace and its log lines, which carry the same id.
 */
public class TraceIdOfServerErrors {

    @ServerResponseFilter
    public void addTraceId(ContainerResponseContext response) {
        if (response.getStatus() >= 500 && response.getEntity() instanceof Problem problem) {
            String traceId = TraceParent.currentTraceId();
            if (traceId != null) {
                response.setEntity(problem.with("traceId", traceId));
            }
        }
    }
}
