package dev.omnichannel.customer.demo.service;

import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.profile.rest.CustomerProfile;
import dev.omnichannel.customer.profile.rest.IdentityRequest;
import dev.omnichannel.customer.profile.rest.PreferencesPatch;
import dev.omnichannel.customer.profile.rest.ResolveRequest;
import dev.omnichannel.customer.profile.service.ConsentService;
import dev.omnichannel.customer.profile.service.PreferenceService;
import dev.omnichannel.customer.profile.service.ProfileService;
import dev.omnichannel.customer.support.MessageChannel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo customers (alice, bob, and a duplicate profile of alice to demo a merge), created at
 * start through the service's own logic, so their events flow through the outbox like any other.
 */
@ApplicationScoped
public class DemoCustomers {

    public static final String ALICE_SUBJECT = "a11ce000-0000-4000-8000-000000000001";
    public static final String BOB_SUBJECT = "b0b00000-0000-4000-8000-000000000002";
    private static final Logger LOG = Logger.getLogger(DemoCustomers.class);

    private final ProfileService profiles;
    private final PreferenceService preferences;
    private final ConsentService consents;
    private final CustomerRepository customers;
    private final boolean enabled;

    DemoCustomers(ProfileService profiles, PreferenceService preferences, ConsentService consents,
            CustomerRepository customers, @ConfigProperty(name = "omni.demo-data") boolean enabled) {
        this.profiles = profiles;
        this.preferences = preferences;
        this.consents = consents;
        this.customers = customers;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        if (enabled) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(customers::count)
                    .chain(count -> count > 0 ? Uni.createFrom().voidItem() : load()));
        }
    }

    /** Creates the demo customers (the caller checks the database is empty). */
    public Uni<Void> load() {
        return customer(ALICE_SUBJECT, "Alice Martin", "alice@example.com",
                Map.of("phone", "+33612345678", "loyalty", "LOY-1001"),
                new PreferencesPatch("email", "paris-louvre", "fr", "Europe/Paris", null),
                Map.of(MessageChannel.EMAIL, true, MessageChannel.SMS, true, MessageChannel.PUSH, false,
                        MessageChannel.WHATSAPP, false))
                .chain(() -> customer(BOB_SUBJECT, "Bob Durand", "bob@example.com", Map.of("phone", "+33698765432"),
                        new PreferencesPatch("sms", "lyon-part-dieu", "en", "Europe/Paris", null),
                        Map.of(MessageChannel.EMAIL, true, MessageChannel.SMS, true)))
                .chain(this::alicesDuplicate)
                .invoke(() -> LOG.info("demo customers alice, bob and alice's duplicate (Alice M.) created"));
    }

    private Uni<Void> customer(String subject, String name, String email, Map<String, String> identities,
            PreferencesPatch preferred, Map<MessageChannel, Boolean> consented) {
        return profiles.resolve(new ResolveRequest("oidc", subject, null, name, email, true), null)
                .map(resolved -> resolved.profile().id())
                .call(id -> linkAll(id, identities))
                .call(id -> preferences.update(id, preferred, null))
                .call(id -> consentAll(id, consented))
                .replaceWithVoid();
    }

    /** A profile made in store before alice ever logged in: her other phone and her Instagram handle. */
    private Uni<Void> alicesDuplicate() {
        return profiles.resolve(new ResolveRequest("phone", "+33611112222", null, "Alice M.", null, null), null)
                .map(resolved -> resolved.profile().id())
                .call(id -> profiles.link(id, new IdentityRequest("social", "@alice.m", "instagram"), null))
                .replaceWithVoid();
    }

    private Uni<Void> linkAll(UUID id, Map<String, String> identities) {
        Uni<CustomerProfile> chain = Uni.createFrom().nullItem();
        for (Map.Entry<String, String> identity : identities.entrySet()) {
            chain = chain.chain(() -> profiles.link(id, new IdentityRequest(identity.getKey(), identity.getValue(), null), null));
        }
        return chain.replaceWithVoid();
    }

    private Uni<Void> consentAll(UUID id, Map<MessageChannel, Boolean> consented) {
        Uni<CustomerProfile> chain = Uni.createFrom().nullItem();
        for (Map.Entry<MessageChannel, Boolean> consent : consented.entrySet()) {
            chain = chain.chain(() -> consents.set(id, consent.getKey(), consent.getValue(), "web", null));
        }
        return chain.replaceWithVoid();
    }
}
