package dev.omnichannel.gateway.security;

import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.client.customer.CustomerClient.ResolveIdentity;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customer id of a token's subject: found, or created on first login, by customer-service
 * ({@code POST /customers/resolve}, identity type {@code oidc}; a verified email already known
 * links to that profile instead of creating a duplicate). Cached per subject, so it is one call
 * per customer, not per request.
 */
@ApplicationScoped
public class CustomerDirectory {

    static final String CACHE = "customer-id-by-subject";
    static final String PROVIDER = "keycloak";

    private final CustomerClient customers;

    public CustomerDirectory(CustomerClient customers) {
        this.customers = customers;
    }

    @CacheResult(cacheName = CACHE)
    public Uni<String> customerIdOf(@CacheKey String subject, Caller caller) {
        return customers.resolve(new ResolveIdentity("oidc", subject, PROVIDER, caller.name(), caller.email(),
                caller.emailVerified()))
                .map(profile -> profile.path("id").asText());
    }

    /** After an erasure: a later login of the same subject resolves afresh. */
    @CacheInvalidate(cacheName = CACHE)
    public Uni<Void> forget(@CacheKey String subject) {
        return Uni.createFrom().voidItem();
    }

    /** After a merge or its undo, any subject may now belong to another profile. */
    @CacheInvalidateAll(cacheName = CACHE)
    public Uni<Void> forgetAll() {
        return Uni.createFrom().voidItem();
    }
}
