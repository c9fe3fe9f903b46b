package dev.omnichannel.shared.http;

import dev.omnichannel.shared.problem.Problem;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Answers a path or query holding a NUL character ({@code %00}) with a 400 problem+json before any
 * route runs, in the gateway and in every service: no id, code or text of the suite may hold one,
 * and PostgreSQL refuses it in text, which would otherwise surface as a 500.
 */
@ApplicationScoped
public class NulCharacters {

    private static final String PROBLEM = """
            {"type":"https://omnichannel.dev/problems/bad-request","title":"Bad Request","status":400,\
            "detail":"The path or query holds a NUL character (%00)"}""";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 101).handler(context -> {
            if (context.request().uri().toLowerCase(Locale.ROOT).contains("%00")) {
                context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(PROBLEM);
                return;
            }
            context.next();
        });
    }
}
