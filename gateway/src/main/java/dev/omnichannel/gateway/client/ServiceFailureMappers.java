package dev.omnichannel.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.problem.Problem;
import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's 4xx problem reaches the caller as the service wrote it, with the same status (the
 * services use the contract's statuses); a service that is down or too slow gives 503, one that
 * answers wrongly 502.
 */
public class ServiceFailureMappers {

    private static final Logger LOG = Logger.getLogger(ServiceFailureMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    public ServiceFailureMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response serviceProblem(ServiceProblemException e, UriInfo uri) {
        return passThrough(e, uri.getPath());
    }

    /** The REST client's transport failures come as they are (SocketException, Vert.x's closed connection). */
    @ServerExceptionMapper({ ServiceUnavailableException.class, ServiceFailedException.class, NotRetriedException.class,
            FaultToleranceException.class, ProcessingException.class, IOException.class, VertxException.class })
    public Response serviceFailure(Exception e, UriInfo uri) {
        Throwable cause = ServiceCalls.unwrap(e);
        if (cause instanceof ServiceProblemException problem) {
            return passThrough(problem, uri.getPath());
        }
        if (ServiceCalls.isUnavailability(cause)) {
            LOG.warnf("503 %s: a service is unavailable: %s", uri.getPath(), cause.toString());
            return Response.fromResponse(new Problem("service-unavailable", "Service Unavailable", 503,
                    "A service this request needs is unavailable; try again shortly", uri.getPath(), null).toResponse())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(cause, "502 %s: a service answered wrongly", uri.getPath());
        return new Problem("bad-gateway", "Bad Gateway", 502,
                "A service this request needs answered wrongly", uri.getPath(), null).toResponse();
    }

    private Response passThrough(ServiceProblemException e, String path) {
        JsonNode body = parse(e.body());
        Object entity;
        if (body instanceof ObjectNode problem && problem.has("status")) {
            problem.put("instance", path);
            entity = problem;
        } else {
            entity = new Problem("service-refused", e.status() == 404 ? "Not Found" : "Refused", e.status(),
                    e.status() == 404 ? "No such resource" : "The request was refused", path, null);
        }
        Response.ResponseBuilder answer = Response.status(e.status()).type(Problem.MEDIA).entity(entity);
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfter());
        }
        return answer.build();
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }
}
