package dev.omnichannel.gateway.ratelimit.rest;

import dev.omnichannel.shared.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Past a bound of API requests in flight, the next one is answered at once with 503 problem+json
 * and {@code Retry-After}, before its token is read or any work is done: under a crowd larger than
 * the gateway can serve, callers are told to come back instead of waiting in a queue until they
 * time out, and memory stays bounded (OverloadChaos measures both). The rate limits (429) act per
 * caller after the token; this bound protects the whole replica.
 */
@ApplicationScoped
public class LoadShedding {

    static final String PROBLEM = """
            {"type":"https://omnichannel.dev/problems/overloaded","title":"Service Unavailable","status":503,\
            "detail":"The gateway is serving as many requests as it can; try again shortly"}""";
    static final String RETRY_AFTER_SECONDS = "1";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int maxInFlight;
    private final Counter shed;

    public LoadShedding(@ConfigProperty(name = "omni.shedding.max-in-flight") int maxInFlight, MeterRegistry metrics) {
        this.maxInFlight = maxInFlight;
        this.shed = Counter.builder("omni.gateway.requests.shed")
                .description("API requests answered 503 at once because too many were in flight").register(metrics);
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 100).handler(context -> {
            if (!admit()) {
                context.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", RETRY_AFTER_SECONDS).end(PROBLEM);
                return;
            }
            context.addEndHandler(ended -> release());
            context.next();
        });
    }

    /** Whether one more request may be served now; each admitted one is {@link #release() released} once. */
    public boolean admit() {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            shed.increment();
            return false;
        }
        return true;
    }

    public void release() {
        inFlight.decrementAndGet();
    }
}
