package dev.omnichannel.gateway.security.tokens;

import dev.omnichannel.gateway.security.Caller;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Last of the augmentors: keeps the identity quarkus-oidc made of a bearer token it has just
 * verified, with the caller read from its claims once (reading a claim parses a name each time).
 */
@ApplicationScoped
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    VerifiedTokenKeeper(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            return Uni.createFrom().item(identity);
        }
        SecurityIdentity withCaller = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ATTRIBUTE, Caller.of(identity, null))
                .build();
        tokens.keep(credential.getToken(), withCaller);
        return Uni.createFrom().item(withCaller);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
