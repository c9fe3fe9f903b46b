package dev.omnichannel.gateway.security.service;

import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.shared.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The one place where every refused attempt is logged — who, what, why — and turned into the
 * problem the caller gets: 401 (no valid token), 403 (wrong role, other store, customer not
 * identified), 404 (another customer's resource: its existence is not revealed), 429.
 */
@ApplicationScoped
public class Refusals {

    /** Its own category, so operators can route refusals to an audit log. */
    public static final String CATEGORY = "omni.gateway.refusals";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final CurrentVertxRequest request;
    private final MeterRegistry metrics;

    public Refusals(CurrentVertxRequest request, MeterRegistry metrics) {
        this.request = request;
        this.metrics = metrics;
    }

    /** 403: the caller is known but may not do this; {@code why} is told to the caller too. */
    public ProblemException forbidden(Caller caller, String why) {
        log(403, caller.describe(), why);
        return ProblemException.forbidden(why);
    }

    /** 404: the resource belongs to someone else; the caller is told only that there is no such thing. */
    public ProblemException hidden(Caller caller, String what, String why) {
        log(404, caller.describe(), why);
        return ProblemException.notFound("No such " + what);
    }

    public void unauthenticated(String who, String why) {
        log(401, who, why);
    }

    public void missingRole(String who) {
        log(403, who, "missing role");
    }

    public void throttled(Caller caller, String limit, Duration retryAfter) {
        log(429, caller.describe(), "over the " + limit + " rate limit, retry after " + retryAfter.toSeconds() + " s");
    }

    private void log(int status, String who, String why) {
        metrics.counter("gateway.refusals", "status", String.valueOf(status)).increment();
        LOG.infof("refused %d %s for %s: %s", status, what(), who, why);
    }

    private String what() {
        RoutingContext current = request.getCurrent();
        if (current == null) {
            return "(no request)";
        }
        return current.request().method() + " " + current.request().path();
    }
}
