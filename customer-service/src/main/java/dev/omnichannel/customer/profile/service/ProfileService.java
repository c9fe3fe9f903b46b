package dev.omnichannel.customer.profile.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.domain.IdentityKey;
import dev.omnichannel.customer.profile.domain.IdentityNormalizer;
import dev.omnichannel.customer.profile.domain.IdentityType;
import dev.omnichannel.customer.profile.events.ProfileChanges;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.profile.repository.IdentityRepository;
import dev.omnichannel.customer.profile.rest.CustomerProfile;
import dev.omnichannel.customer.profile.rest.IdentityRequest;
import dev.omnichannel.customer.profile.rest.ResolveRequest;
import dev.omnichannel.customer.segment.service.SegmentService;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Profiles and their identities: find-or-create, look-up, linking. */
@ApplicationScoped
public class ProfileService {

    private final CustomerRepository customers;
    private final IdentityRepository identities;
    private final IdentityNormalizer normalizer;
    private final ProfileLoader loader;
    private final ProfileChanges changes;
    private final SegmentService segments;
    private final IdempotentRequests idempotent;

    ProfileService(CustomerRepository customers, IdentityRepository identities, IdentityNormalizer normalizer,
            ProfileLoader loader, ProfileChanges changes, SegmentService segments, IdempotentRequests idempotent) {
        this.customers = customers;
        this.identities = identities;
        this.normalizer = normalizer;
        this.loader = loader;
        this.changes = changes;
        this.segments = segments;
        this.idempotent = idempotent;
    }

    @WithSession
    public Uni<CustomerProfile> get(UUID id) {
        return customers.requireActive(id).chain(loader::load).map(ProfileState::toProfile);
    }

    @WithSession
    public Uni<CustomerProfile> lookup(String typeAndValue) {
        IdentityKey key = normalizer.parse(typeAndValue);
        return identities.findByKey(key)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Nobody has this identity"))
                .chain(identity -> customers.requireActive(identity.customerId))
                .chain(loader::load).map(ProfileState::toProfile);
    }

    /** Find-or-create, race-free: concurrent first logins with one identity make one profile. */
    @WithTransaction
    public Uni<Resolved> resolve(ResolveRequest request, String idempotencyKey) {
        IdentityKey key = normalizer.normalise(request.type(), request.value(), request.provider());
        IdentityKey email = key.type() == IdentityType.OIDC && request.email() != null && !request.email().isBlank()
                ? normalizer.normalise("email", request.email(), null)
                : null;
        return idempotent.once(idempotencyKey, "resolve", request, Resolved.class,
                () -> findHolder(key).chain(found -> {
                    if (found != null) {
                        return existing(found);
                    }
                    boolean verifiedEmail = email != null && Boolean.TRUE.equals(request.emailVerified());
                    return (verifiedEmail ? linkToEmailHolder(key, email) : Uni.createFrom().<Resolved>nullItem())
                            .onItem().ifNull().switchTo(() -> create(key, email, verifiedEmail, request.displayName()));
                }));
    }

    @WithTransaction
    public Uni<CustomerProfile> link(UUID id, IdentityRequest request, String idempotencyKey) {
        IdentityKey key = normalizer.normalise(request.type(), request.value(), request.provider());
        return idempotent.once(idempotencyKey, "link:" + id, request, CustomerProfile.class,
                () -> customers.requireLockedActive(id).chain(customer -> identities.claim(key, customer.id, false, Now.instant())
                        .chain(claimed -> claimed
                                ? changes.changed(customer)
                                : identities.findByKey(key).chain(holder -> {
                                    if (holder == null || !holder.customerId.equals(customer.id)) {
                                        return Uni.createFrom().failure(ProblemException.conflict(
                                                "This identity belongs to another customer; merge the two profiles instead"));
                                    }
                                    return loader.load(customer);
                                }))
                        .map(ProfileState::toProfile)));
    }

    private Uni<Customer> findHolder(IdentityKey key) {
        return identities.findByKey(key)
                .chain(identity -> identity == null ? Uni.createFrom().nullItem() : customers.findActive(identity.customerId));
    }

    private Uni<Resolved> existing(Customer customer) {
        return loader.load(customer).map(state -> new Resolved(false, state.toProfile()));
    }

    /** A new OIDC subject whose verified email is already a profile's joins that profile. */
    private Uni<Resolved> linkToEmailHolder(IdentityKey subject, IdentityKey email) {
        return identities.findByKey(email).chain(holder -> holder == null
                ? Uni.createFrom().nullItem()
                : customers.lockActive(holder.customerId).chain(customer -> customer == null
                        ? Uni.createFrom().nullItem()
                        : identities.claim(subject, customer.id, true, Now.instant()).chain(claimed -> claimed
                                ? changes.changed(customer).map(state -> new Resolved(false, state.toProfile()))
                                : findHolder(subject).chain(this::existing))));
    }

    /**
     * Claims the identity for a new id first; the customer row follows in the same transaction
     * (the foreign key is checked at commit). Losing the claim means another transaction created
     * the profile: answer that one.
     */
    private Uni<Resolved> create(IdentityKey key, IdentityKey email, boolean emailVerified, String displayName) {
        Instant now = Now.instant();
        UUID id = UUID.randomUUID();
        return identities.claim(key, id, key.type() == IdentityType.OIDC, now).chain(claimed -> {
            if (!claimed) {
                return findHolder(key)
                        .onItem().ifNull().failWith(() -> ProblemException.conflict("This identity is being changed; retry"))
                        .chain(this::existing);
            }
            Customer customer = Customer.create(id, blankToNull(displayName), now);
            return customers.persist(customer)
                    .chain(() -> email == null ? Uni.createFrom().item(false) : identities.claim(email, id, emailVerified, now))
                    .chain(() -> segments.recompute(customer, now))
                    .chain(() -> changes.changed(customer))
                    .map(state -> new Resolved(true, state.toProfile()));
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
