package dev.omnichannel.shared.http;

import dev.omnichannel.shared.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a declared body larger than {@code quarkus.http.limits.max-body-size} with a 413
 * problem+json before anything reads it, in the gateway and in every service. (Quarkus' own check, which runs right after, answers
 * an empty 413; it still guards chunked bodies, which declare no length.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final String PROBLEM = """
            {"type":"https://omnichannel.dev/problems/payload-too-large","title":"Payload Too Large","status":413,\
            "detail":"The body is larger than %d bytes"}""";

    void install(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long max = limit.asLongValue();
        String body = PROBLEM.formatted(max);
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && tooLarge(length, max)) {
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(body);
                return;
            }
            context.next();
        });
    }

    private static boolean tooLarge(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
