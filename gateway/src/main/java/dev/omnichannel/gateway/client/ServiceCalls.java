package dev.omnichannel.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** How the answers and failures of service calls become the gateway's exceptions. */
public final class ServiceCalls {

    private ServiceCalls() {
    }

    /** The exception for a service's error answer (used by each REST client's {@code @ClientExceptionMapper}). */
    public static RuntimeException fromAnswer(String service, Response response) {
        int status = response.getStatus();
        if (status == 503 && response.getHeaderString(HttpHeaders.RETRY_AFTER) != null && isProblem(response)) {
            // the service is up and sheds load on purpose: its answer goes to the caller as it is,
            // neither retried at once nor counted against the service by its circuit breaker
            return new ServiceProblemException(service, status, response.readEntity(String.class),
                    response.getHeaderString(HttpHeaders.RETRY_AFTER));
        }
        if (status == 502 || status == 503 || status == 504) {
            return new ServiceUnavailableException(service, "answered " + status, null);
        }
        if (status >= 500 || status == 401 || status == 403) {
            return new ServiceFailedException(service, "answered " + status);
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return new ServiceProblemException(service, status, body, response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    private static boolean isProblem(Response response) {
        return response.getMediaType() != null && "problem+json".equals(response.getMediaType().getSubtype());
    }

    /**
     * A mutation is repeated after a failure only when the caller gave an Idempotency-Key, so the
     * service can recognise the repetition; without one its failures abort {@code @Retry}.
     */
    public static <T> Uni<T> retriedOnlyWithKey(String idempotencyKey, Uni<T> call) {
        if (idempotencyKey != null) {
            return call;
        }
        return call.onFailure(failure -> !(failure instanceof ServiceProblemException))
                .transform(NotRetriedException::new);
    }

    /** Whether a failure means the service could not be reached or did not answer in time. */
    public static boolean isUnavailability(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ServiceUnavailableException || cause instanceof FaultToleranceException
                || cause instanceof TimeoutException) {
            return true;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return false; // the service answered, with something unreadable
            }
            if (t instanceof IOException || t instanceof VertxException) {
                return true; // refused, reset or closed connection
            }
        }
        return false;
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof NotRetriedException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ProcessingException && cause.getCause() instanceof RuntimeException runtime
                && (runtime instanceof ServiceProblemException || runtime instanceof ServiceUnavailableException
                        || runtime instanceof ServiceFailedException)) {
            return runtime;
        }
        return cause;
    }
}
