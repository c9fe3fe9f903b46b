package dev.omnichannel.gateway.security.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omnichannel.gateway.interaction.events.InteractionPublisher;
import dev.omnichannel.gateway.security.domain.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Records a customer's sign-in on their timeline, with its channel: the first request this gateway
 * sees of each identity-provider session (the token's {@code sid}; refreshed tokens keep it). Off the
 * request's path; another replica seeing the same session first publishes the same event id, which
 * the timeline keeps once.
 */
@ApplicationScoped
public class SignIns {

    private static final Logger LOG = Logger.getLogger(SignIns.class);

    /** Sessions already recorded here; one forgotten early is recorded again, and deduplicated downstream. */
    private final Cache<String, Boolean> recorded = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(12))
            .build();
    private final CustomerDirectory directory;
    private final InteractionPublisher interactions;

    public SignIns(CustomerDirectory directory, InteractionPublisher interactions) {
        this.directory = directory;
        this.interactions = interactions;
    }

    public void noticed(Caller caller, SecurityIdentity identity) {
        String session = caller.isCustomer() && identity.getPrincipal() instanceof JsonWebToken token ? sessionOf(token) : null;
        if (session == null || recorded.asMap().putIfAbsent(session, Boolean.TRUE) != null) {
            return;
        }
        directory.customerIdOf(caller.subject(), caller).subscribe().with(
                customerId -> interactions.recordSignIn(customerId, caller.channel(), session),
                failure -> {
                    recorded.invalidate(session); // its next request tries again
                    LOG.debugf("sign-in of %s not recorded yet: %s", caller.subject(), failure.getMessage());
                });
    }

    /** Keycloak names its session {@code sid}; older tokens carry {@code session_state}. */
    private static String sessionOf(JsonWebToken token) {
        String sid = token.getClaim("sid");
        return sid != null ? sid : token.getClaim("session_state");
    }
}
