package dev.omnichannel.gateway.security.service;

import dev.omnichannel.gateway.client.customer.CustomerClient.ResolveIdentity;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.view.repository.ViewQueries;
import dev.omnichannel.gateway.view.service.ViewUpdates;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customer id of a token's subject: known to the view model (from the customers' snapshots),
 * else found, or created on first login, by customer-service ({@code POST /customers/resolve},
 * identity type {@code oidc}; a verified email already known links to that profile instead of
 * creating a duplicate), whose answer the view model then keeps. Cached per subject, so it is one
 * look-up per customer, not per request.
 */
@ApplicationScoped
public class CustomerDirectory {

    static final String CACHE = "customer-id-by-subject";
    static final String PROVIDER = "keycloak";

    private final CustomerClient customers;
    private final ViewQueries store;
    private final ViewUpdates views;

    public CustomerDirectory(CustomerClient customers, ViewQueries store, ViewUpdates views) {
        this.customers = customers;
        this.store = store;
        this.views = views;
    }

    @CacheResult(cacheName = CACHE)
    public Uni<String> customerIdOf(@CacheKey String subject, Caller caller) {
        return store.customerOfSubject(subject)
                .onFailure().recoverWithNull() // the model's database down: customer-service still knows
                .chain(known -> known != null ? Uni.createFrom().item(known)
                        : customers.resolve(new ResolveIdentity("oidc", subject, PROVIDER, caller.name(), caller.email(),
                                caller.emailVerified()))
                                .call(views::profileAnswered)
                                .map(profile -> profile.path("id").asText()));
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
