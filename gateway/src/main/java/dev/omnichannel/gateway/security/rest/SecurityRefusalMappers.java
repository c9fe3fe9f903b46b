package dev.omnichannel.gateway.security.rest;

import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.Refusals;
import dev.omnichannel.shared.problem.Problem;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problems Quarkus security raises (invalid token, no token, missing role), answered as the
 * shared mappers do but recorded by {@link Refusals} with who tried; and the gateway's own
 * problems, whose refusals {@link Refusals} has already recorded. A lower priority value than the
 * shared mappers' wins for the same exception.
 */
public class SecurityRefusalMappers {

    private static final int BEFORE_SHARED_MAPPERS = Priorities.USER - 100;

    private final Refusals refusals;
    private final CurrentIdentityAssociation identities;

    public SecurityRefusalMappers(Refusals refusals, CurrentIdentityAssociation identities) {
        this.refusals = refusals;
        this.identities = identities;
    }

    /** Refusals are logged by {@link Refusals} where they are decided; other problems need no log line. */
    @ServerExceptionMapper(priority = BEFORE_SHARED_MAPPERS)
    public Response problem(ProblemException e, UriInfo uri) {
        return e.toProblem(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_SHARED_MAPPERS)
    public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
        refusals.unauthenticated("bearer of an invalid token", "token refused: " + reason(e));
        return unauthorized(uri);
    }

    @ServerExceptionMapper(priority = BEFORE_SHARED_MAPPERS)
    public Response noToken(UnauthorizedException e, UriInfo uri) {
        refusals.unauthenticated("anonymous caller", "a bearer token is required");
        return unauthorized(uri);
    }

    @ServerExceptionMapper(priority = BEFORE_SHARED_MAPPERS)
    public Uni<Response> missingRole(ForbiddenException e, UriInfo uri) {
        return identities.getDeferredIdentity()
                .map(identity -> Caller.of(identity, "").describe())
                .onFailure().recoverWithItem("unknown caller")
                .map(who -> {
                    refusals.missingRole(who);
                    return new Problem("forbidden", "Forbidden", 403, "This caller may not do this", uri.getPath(), null)
                            .toResponse();
                });
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.fromResponse(new Problem("unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", uri.getPath(), null).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** Why the token was refused, without its claims (they hold personal data) or its text. */
    private static String reason(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause.getMessage() == null) {
            return cause.getClass().getSimpleName();
        }
        String reason = cause.getMessage()
                .replaceAll("(?s)\\(claims->\\{.*?\\}\\)\\s*", "")
                .replaceAll("(?s)JsonWebSignature\\{.*", "")
                .trim();
        return reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
    }
}
