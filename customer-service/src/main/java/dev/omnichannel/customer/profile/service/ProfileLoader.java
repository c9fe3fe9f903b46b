package dev.omnichannel.customer.profile.service;

import dev.omnichannel.customer.cart.domain.CartItem;
import dev.omnichannel.customer.cart.repository.CartItemRepository;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.repository.ConsentRepository;
import dev.omnichannel.customer.profile.repository.IdentityRepository;
import dev.omnichannel.customer.segment.domain.CustomerSegment;
import dev.omnichannel.customer.segment.repository.SegmentRepository;
import dev.omnichannel.customer.wishlist.domain.WishlistItem;
import dev.omnichannel.customer.wishlist.repository.WishlistRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the parts of a profile one after the other (a reactive session runs one statement at a time). */
@ApplicationScoped
public class ProfileLoader {

    private final IdentityRepository identities;
    private final ConsentRepository consents;
    private final SegmentRepository segments;
    private final CartItemRepository cartItems;
    private final WishlistRepository wishlist;

    ProfileLoader(IdentityRepository identities, ConsentRepository consents, SegmentRepository segments,
            CartItemRepository cartItems, WishlistRepository wishlist) {
        this.identities = identities;
        this.consents = consents;
        this.segments = segments;
        this.cartItems = cartItems;
        this.wishlist = wishlist;
    }

    public Uni<ProfileState> load(Customer customer) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> identities.listOf(customer.id))
                .chain(identityList -> consents.listOf(customer.id)
                .chain(consentList -> segments.listOf(customer.id)
                .chain(segmentList -> cart(customer)
                .chain(cart -> wishlist(customer)
                .map(wished -> new ProfileState(customer, identityList, consentList,
                        segmentList.stream().map((CustomerSegment s) -> s.segment).toList(), cart, wished))))));
    }

    /** A merged-away or erased customer has no cart of its own: it went to the survivor, or was erased. */
    private Uni<List<CartItem>> cart(Customer customer) {
        return customer.isActive() ? cartItems.listOfCustomer(customer.id) : Uni.createFrom().item(List.of());
    }

    private Uni<List<WishlistItem>> wishlist(Customer customer) {
        return customer.isActive() ? wishlist.listOf(customer.id) : Uni.createFrom().item(List.of());
    }
}
