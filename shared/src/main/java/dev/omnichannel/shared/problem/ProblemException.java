package dev.omnichannel.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services and resources for an expected failure the caller must see as problem+json:
 * unknown ids, conflicts, unprocessable requests. Mapped by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail, null);
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail, Map.of("errors", errors));
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, slug, "Conflict", detail, extensions);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(422, slug, "Unprocessable request", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    /** The last segment of the problem's type URI, e.g. {@code insufficient-stock}. */
    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(slug, title, status, getMessage(), instance, extensions);
    }
}
