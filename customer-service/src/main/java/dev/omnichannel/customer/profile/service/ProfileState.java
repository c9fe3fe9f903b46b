package dev.omnichannel.customer.profile.service;

import dev.omnichannel.customer.cart.domain.CartItem;
import dev.omnichannel.customer.profile.domain.Consent;
import dev.omnichannel.customer.profile.domain.Customer;
import dev.omnichannel.customer.profile.domain.CustomerIdentity;
import dev.omnichannel.customer.profile.domain.IdentityType;
import dev.omnichannel.customer.profile.rest.CustomerProfile;
import dev.omnichannel.customer.support.MessageChannel;
import dev.omnichannel.customer.wishlist.domain.WishlistItem;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a profile is made of, read in one transaction; rendered as the API profile or the
 * event snapshot (which also carries the cart and the wishlist, oldest first).
 */
public record ProfileState(Customer customer, List<CustomerIdentity> identities, List<Consent> consents,
        List<String> segments, List<CartItem> cart, List<WishlistItem> wishlist) {

    public CustomerProfile toProfile() {
        Map<String, Boolean> granted = new LinkedHashMap<>();
        Map<String, CustomerProfile.ConsentDetail> details = new LinkedHashMap<>();
        for (String channel : MessageChannel.NAMES) {
            granted.put(channel, false);
        }
        for (Consent consent : consents) {
            granted.put(consent.channel, consent.granted);
            details.put(consent.channel, new CustomerProfile.ConsentDetail(consent.granted, consent.at, consent.givenOn));
        }
        return new CustomerProfile(
                customer.id,
                customer.displayName,
                identities.stream()
                        .map(i -> new CustomerProfile.Identity(i.type, i.value, i.provider.isEmpty() ? null : i.provider, i.verified))
                        .toList(),
                new CustomerProfile.Preferences(customer.preferredChannel, customer.preferredStoreId, customer.language,
                        customer.timeZone, customer.quietStart == null ? null
                                : new CustomerProfile.QuietHours(customer.quietStart, customer.quietEnd)),
                granted,
                details,
                segments,
                customer.createdAt,
                customer.version);
    }

    public CustomerSnapshot toSnapshot() {
        Map<String, CustomerSnapshot.Consent> snapshotConsents = new LinkedHashMap<>();
        for (Consent consent : consents) {
            snapshotConsents.put(consent.channel, new CustomerSnapshot.Consent(consent.granted, consent.at, consent.givenOn));
        }
        return new CustomerSnapshot(
                customer.id.toString(),
                customer.displayName,
                values(IdentityType.EMAIL),
                values(IdentityType.PHONE),
                values(IdentityType.DEVICE),
                socialHandles(),
                new CustomerSnapshot.Preferences(customer.preferredChannel, customer.preferredStoreId, customer.language,
                        customer.timeZone, customer.quietStart == null ? null
                                : new CustomerSnapshot.QuietHours(customer.quietStart, customer.quietEnd)),
                snapshotConsents,
                segments,
                customer.version,
                identities.stream().filter(i -> i.type.equals(IdentityType.OIDC.wireName())).map(i -> i.value).toList(),
                cart.stream().map(l -> new CustomerSnapshot.CartLine(l.sku, l.quantity, l.addedAt)).toList(),
                wishlist.stream().map(w -> new CustomerSnapshot.WishlistLine(w.sku, w.addedAt)).toList());
    }

    private List<String> socialHandles() {
        return identities.stream()
                .filter(i -> i.type.equals(IdentityType.SOCIAL.wireName()))
                .map(i -> i.provider + ":" + i.value)
                .toList();
    }

    /** Verified first, then oldest first: the first is the primary address. */
    private List<String> values(IdentityType type) {
        return identities.stream()
                .filter(i -> i.type.equals(type.wireName()))
                .sorted((a, b) -> a.verified == b.verified ? a.createdAt.compareTo(b.createdAt) : a.verified ? -1 : 1)
                .map(i -> i.value)
                .toList();
    }
}
