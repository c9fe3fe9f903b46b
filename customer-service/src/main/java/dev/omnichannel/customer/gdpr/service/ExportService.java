package dev.omnichannel.customer.gdpr.service;

import dev.omnichannel.customer.cart.service.CartService;
import dev.omnichannel.customer.gdpr.rest.CustomerExport;
import dev.omnichannel.customer.merge.repository.MergeRepository;
import dev.omnichannel.customer.profile.repository.CustomerRepository;
import dev.omnichannel.customer.profile.service.ProfileLoader;
import dev.omnichannel.customer.profile.service.ProfileState;
import dev.omnichannel.customer.support.Now;
import dev.omnichannel.customer.timeline.repository.PurchaseRepository;
import dev.omnichannel.customer.timeline.repository.TimelineRepository;
import dev.omnichannel.customer.timeline.rest.TimelineItem;
import dev.omnichannel.customer.visit.repository.StoreVisitRepository;
import dev.omnichannel.customer.visit.rest.VisitView;
import dev.omnichannel.customer.wishlist.service.WishlistService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExportService {

    private final CustomerRepository customers;
    private final ProfileLoader loader;
    private final CartService carts;
    private final WishlistService wishlist;
    private final StoreVisitRepository visits;
    private final PurchaseRepository purchases;
    private final TimelineRepository timeline;
    private final MergeRepository merges;

    ExportService(CustomerRepository customers, ProfileLoader loader, CartService carts, WishlistService wishlist,
            StoreVisitRepository visits, PurchaseRepository purchases, TimelineRepository timeline, MergeRepository merges) {
        this.customers = customers;
        this.loader = loader;
        this.carts = carts;
        this.wishlist = wishlist;
        this.visits = visits;
        this.purchases = purchases;
        this.timeline = timeline;
        this.merges = merges;
    }

    @WithSession
    public Uni<CustomerExport> export(UUID id) {
        return customers.requireActive(id).chain(customer -> loader.load(customer).map(ProfileState::toProfile)
                .chain(profile -> ProfileTree.mergedInto(customer.id)
                .chain(mergedIds -> carts.get(customer.id)
                .chain(cart -> wishlist.get(customer.id)
                .chain(wished -> visits.listOf(customer.id)
                .chain(visitList -> purchases.listOf(customer.id)
                .chain(purchaseList -> timeline.list("customerId = ?1 order by at desc", customer.id)
                .chain(entries -> {
                    List<UUID> involved = new ArrayList<>(mergedIds);
                    involved.add(customer.id);
                    return merges.involving(involved).map(mergeList -> new CustomerExport(
                            Now.instant(),
                            profile,
                            mergedIds,
                            cart,
                            wished,
                            visitList.stream().map(v -> new VisitView(v.customerId, v.storeId, v.at, v.channel)).toList(),
                            purchaseList.stream().map(p -> new CustomerExport.Purchase(p.kind, p.ref, p.storeId, p.amount,
                                    p.currency, p.at, p.collectedAt)).toList(),
                            entries.stream().map(e -> new TimelineItem(e.at, e.channel, e.kind, e.summary, e.ref)).toList(),
                            mergeList.stream().map(m -> new CustomerExport.Merge(m.id, m.survivorId, m.duplicateId, m.actor,
                                    m.mergedAt, m.undoneAt)).toList()));
                }))))))));
    }
}
