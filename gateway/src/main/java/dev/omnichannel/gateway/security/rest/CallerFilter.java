package dev.omnichannel.gateway.security.rest;

import dev.omnichannel.gateway.ratelimit.rest.RateLimiter;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CallerContext;
import dev.omnichannel.gateway.security.service.Refusals;
import dev.omnichannel.gateway.security.service.SignIns;
import dev.omnichannel.shared.http.ForwardedHeaders;
import dev.omnichannel.shared.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Before any resource: reads the caller from the validated token (an invalid token fails here
 * with 401, also on routes open to anonymous callers), notes a customer's sign-in, then applies the
 * rate limits.
 */
public class CallerFilter {

    private final CurrentIdentityAssociation identities;
    private final CallerContext context;
    private final RateLimiter limiter;
    private final Refusals refusals;
    private final SignIns signIns;

    public CallerFilter(CurrentIdentityAssociation identities, CallerContext context, RateLimiter limiter,
            Refusals refusals, SignIns signIns) {
        this.identities = identities;
        this.context = context;
        this.limiter = limiter;
        this.refusals = refusals;
        this.signIns = signIns;
    }

    @ServerRequestFilter
    public Uni<Response> identify(ContainerRequestContext request, HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return identities.getDeferredIdentity().map(identity -> {
            Caller caller = Caller.of(identity, address);
            context.identify(caller, request.getHeaderString(ForwardedHeaders.IDEMPOTENCY_KEY));
            signIns.noticed(caller, identity);
            return limiter.admit(caller).map(refusal -> {
                refusals.throttled(caller, refusal.limit(), refusal.retryAfter());
                long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
                return Response.fromResponse(new Problem("too-many-requests", "Too Many Requests", 429,
                        "Too many requests; retry after " + seconds + " s", request.getUriInfo().getPath(), null)
                        .toResponse())
                        .header(HttpHeaders.RETRY_AFTER, seconds).build();
            }).orElse(null);
        });
    }
}
