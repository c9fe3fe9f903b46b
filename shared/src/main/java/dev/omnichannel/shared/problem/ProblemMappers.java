package dev.omnichannel.shared.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Messages of unexpected exceptions
 * never reach the caller (they may name classes or data); they are logged with an id the
 * caller gets instead.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "2";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.status() == 403) {
            LOG.infof("refused %s: %s", uri.getPath(), e.getMessage());
        }
        return e.toProblem(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return new Problem("invalid-request", "Invalid request", 400, "The request has invalid fields",
                uri.getPath(), Map.of("errors", errors)).toResponse();
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonMappingException.class,
            MismatchedInputException.class, JsonParseException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            return new Problem("invalid-request", "Invalid request", 400, "Invalid value for " + field,
                    uri.getPath(), Map.of("errors", List.of(new FieldError(field, "invalid value")))).toResponse();
        }
        return new Problem("invalid-request", "Invalid request", 400, "The body is not valid JSON",
                uri.getPath(), null).toResponse();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        LOG.infof("refused %s: not authenticated", uri.getPath());
        return Response.fromResponse(new Problem("unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", uri.getPath(), null).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        LOG.infof("refused %s: missing role", uri.getPath());
        return new Problem("forbidden", "Forbidden", 403, "This caller may not do this", uri.getPath(), null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = original.getStatusInfo();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 413 -> "The body is too large";
            case 415 -> "Unsupported content type";
            default -> type.getReasonPhrase();
        };
        Response.ResponseBuilder answer = Response.fromResponse(new Problem(slug(type.getReasonPhrase()),
                type.getReasonPhrase(), status, detail, uri.getPath(), null).toResponse());
        copyHeader(original, answer, HttpHeaders.WWW_AUTHENTICATE);
        copyHeader(original, answer, HttpHeaders.RETRY_AFTER);
        copyHeader(original, answer, HttpHeaders.ALLOW);
        return answer.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (dependencyUnavailable(e)) {
            LOG.warnf("503 %s: a dependency is unavailable: %s", uri.getPath(), e);
            return Response.fromResponse(new Problem("service-unavailable", "Service Unavailable", 503,
                    "The service cannot reach its database or a service it needs; try again shortly", uri.getPath(), null)
                    .toResponse()).header(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return new Problem("internal-error", "Internal error", 500,
                "An unexpected error occurred; quote " + errorId + " when reporting it", uri.getPath(),
                Map.of("errorId", errorId)).toResponse();
    }

    /**
     * A connection refused or closed, or a database going down or starting up (SQLSTATE classes 08
     * and 57P): the same request shortly after may well succeed.
     */
    static boolean dependencyUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedConnectionException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static void copyHeader(Response from, Response.ResponseBuilder to, String name) {
        Object value = from.getHeaders().getFirst(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable() && !path.isEmpty()) {
                        path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(node.getName());
                    }
                }
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
