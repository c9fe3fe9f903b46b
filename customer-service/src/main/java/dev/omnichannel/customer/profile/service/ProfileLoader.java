package dev.omnichannel.customer.profile.service;

import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.repository.ConsentRepository;
import dev.omnichannel.customer.profile.repository.IdentityRepository;
import dev.omnichannel.customer.segment.domain.CustomerSegment;
import dev.omnichannel.customer.segment.repository.SegmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the parts of a profile one after the other (a reactive session runs one statement at a time). */
@ApplicationScoped
public class ProfileLoader {

    private final IdentityRepository identities;
    private final ConsentRepository consents;
    private final SegmentRepository segments;

    ProfileLoader(IdentityRepository identities, ConsentRepository consents, SegmentRepository segments) {
        this.identities = identities;
        this.consents = consents;
        this.segments = segments;
    }

    public Uni<ProfileState> load(Customer customer) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> identities.listOf(customer.id))
                .chain(identityList -> consents.listOf(customer.id)
                        .chain(consentList -> segments.listOf(customer.id)
                                .map(segmentList -> new ProfileState(customer, identityList, consentList,
                                        segmentList.stream().map((CustomerSegment s) -> s.segment).toList()))));
    }
}
