package dev.omnichannel.gateway.security.service;

import dev.omnichannel.gateway.security.domain.Caller;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caller read from a verified token's claims once, kept on its identity (which shared's
 * VerifiedTokens keeps for the token's life): reading a claim parses a name each time.
 */
@ApplicationScoped
public class CallerOfToken implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ATTRIBUTE, Caller.of(identity, null))
                .build());
    }
}
