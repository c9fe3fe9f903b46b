package dev.omnichannel.inventory.review.service;

import dev.omnichannel.inventory.catalog.service.CatalogService;
import dev.omnichannel.inventory.review.domain.ReviewView;
import dev.omnichannel.inventory.review.repository.ReviewRepository.Written;
import dev.omnichannel.inventory.review.repository.ReviewRepository;
import dev.omnichannel.inventory.review.rest.HideRequest;
import dev.omnichannel.inventory.review.rest.ReviewPage;
import dev.omnichannel.inventory.review.rest.ReviewRequest;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.shared.http.ForwardedHeaders;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Reviews of products, the same on every channel. Only a customer who bought the product (an order
 * with the SKU, not cancelled) or collected it (a collected reservation with the SKU) may review it,
 * once: writing again replaces their review. Staff hide a review with a reason; it stays stored.
 */
@ApplicationScoped
public class ReviewService {

    private final ReviewRepository reviews;
    private final CatalogService catalog;

    ReviewService(ReviewRepository reviews, CatalogService catalog) {
        this.reviews = reviews;
        this.catalog = catalog;
    }

    /** The customer's review, created or replaced; 404 for an unknown SKU, 422 when they never bought it. */
    @WithTransaction
    public Uni<Written> write(String sku, UUID customerId, ReviewRequest request, Caller caller) {
        String channel = caller.channel();
        return catalog.requireProduct(sku)
                .chain(() -> reviews.boughtOrCollected(customerId, sku))
                .chain(bought -> {
                    if (!bought) {
                        return Uni.createFrom().<Written>failure(ProblemException.unprocessable("not-a-buyer",
                                "Only a customer who bought or collected " + sku + " may review it"));
                    }
                    return reviews.write(customerId, sku, request.rating(), request.textOrNull(), channel);
                })
                .map(written -> new Written(written.review().toAuthor(), written.created()));
    }

    @WithSession
    public Uni<ReviewPage> ofProduct(String sku, PageRequest page) {
        return catalog.requireProduct(sku)
                .chain(() -> reviews.summary(sku))
                .chain(summary -> reviews.latest(sku, page.offset(), page.size())
                        .map(found -> new ReviewPage(found.stream().map(ReviewView::publicly).toList(), page.page(),
                                page.size(), summary.count(), summary.average())));
    }

    /** Every review the customer wrote, those staff hid included (marked {@code hidden}), newest first. */
    @WithSession
    public Uni<Page<ReviewView>> ofCustomer(UUID customerId, PageRequest page) {
        return reviews.countOfCustomer(customerId)
                .chain(total -> reviews.ofCustomer(customerId, page.offset(), page.size())
                        .map(found -> new Page<>(found.stream().map(ReviewView::toAuthor).toList(), page.page(),
                                page.size(), total)));
    }

    /** Staff hide a review: who (X-Actor), when and why are kept; hiding it again changes nothing. */
    @WithTransaction
    public Uni<ReviewView> hide(String sku, UUID id, HideRequest request, Caller caller) {
        if (caller.actor() == null) {
            return Uni.createFrom().failure(ProblemException.badRequest(ForwardedHeaders.ACTOR,
                    "who hides the review is required"));
        }
        return reviews.hide(sku, id, caller.actor(), request.reason().strip())
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No review " + id + " of " + sku));
    }
}
