package dev.omnichannel.inventory.catalog.service;

import dev.omnichannel.inventory.catalog.domain.Product;
import dev.omnichannel.inventory.catalog.domain.Promotion;
import dev.omnichannel.inventory.catalog.events.CatalogEvents;
import dev.omnichannel.inventory.catalog.repository.ProductRepository;
import dev.omnichannel.inventory.catalog.repository.PromotionRepository;
import dev.omnichannel.inventory.catalog.rest.ProductRequest;
import dev.omnichannel.inventory.catalog.rest.ProductView;
import dev.omnichannel.inventory.catalog.rest.PromotionOffer;
import dev.omnichannel.inventory.catalog.rest.PromotionRequest;
import dev.omnichannel.inventory.catalog.rest.PromotionView;
import dev.omnichannel.inventory.review.domain.ReviewSummary;
import dev.omnichannel.inventory.review.domain.ReviewView;
import dev.omnichannel.inventory.review.repository.ReviewRepository;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionKind;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Products and promotions: the same prices and offers on every channel. Each create or replace is
 * published on {@code inventory.catalog} in its transaction, with the product's or promotion's new version.
 */
@ApplicationScoped
public class CatalogService {

    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final CatalogEvents events;
    private final ReviewRepository reviews;

    /** The latest reviews a single product's answer carries. */
    static final int LATEST_REVIEWS = 3;

    CatalogService(ProductRepository products, PromotionRepository promotions, CatalogEvents events,
            ReviewRepository reviews) {
        this.products = products;
        this.promotions = promotions;
        this.events = events;
        this.reviews = reviews;
    }

    /**
     * Products matching {@code q}, each with the promotions in effect for everyone and for {@code segments}
     * and the average and count of its reviews.
     */
    @WithSession
    public Uni<Page<ProductView>> search(String q, Set<String> segments, PageRequest page) {
        var query = products.search(q);
        return query.count().chain(total -> query.page(page.page(), page.size()).list()
                .chain(found -> reviews.summaries(found.stream().map(product -> product.sku).toList())
                        .chain(summaries -> promotions.activeNow(segments).map(active -> new Page<>(
                                found.stream().map(product -> view(product, active,
                                        summaries.getOrDefault(product.sku, ReviewSummary.NONE))).toList(),
                                page.page(), page.size(), total)))));
    }

    /** The product with its promotions, the average and count of its reviews and the latest ones. */
    @WithSession
    public Uni<ProductView> get(String sku, Set<String> segments) {
        return requireProduct(sku).chain(product -> reviewsOf(sku)
                .chain(summary -> promotions.activeNow(segments).map(active -> view(product, active, summary))));
    }

    private Uni<ReviewSummary> reviewsOf(String sku) {
        return reviews.summary(sku).chain(summary -> reviews.latest(sku, 0, LATEST_REVIEWS)
                .map(latest -> summary.withLatest(latest.stream().map(ReviewView::publicly).toList())));
    }

    /** The product, or a 404 problem. Call inside a session. */
    public Uni<Product> requireProduct(String sku) {
        return products.findById(sku).onItem().ifNull().failWith(() -> ProblemException.notFound("No product " + sku));
    }

    @WithTransaction
    public Uni<ProductView> putProduct(String sku, ProductRequest request) {
        Product product = new Product();
        product.sku = sku;
        product.name = request.name();
        product.description = request.description() == null ? "" : request.description();
        product.price = request.price().setScale(2);
        product.currency = request.currency();
        return products.save(product)
                .chain(version -> events.publish(new ProductChanged(product.sku, product.name, product.description,
                        product.price, product.currency, version)))
                .chain(() -> reviewsOf(sku))
                .chain(summary -> promotions.activeNow(Set.of()).map(active -> view(product, active, summary)));
    }

    @WithSession
    public Uni<List<PromotionView>> activePromotions(Set<String> segments) {
        return promotions.activeNow(segments).map(active -> active.stream().map(CatalogService::view).toList());
    }

    @WithSession
    public Uni<PromotionView> promotion(String id) {
        return promotions.find(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No promotion " + id))
                .map(CatalogService::view);
    }

    @WithTransaction
    public Uni<PromotionView> putPromotion(String id, PromotionRequest request) {
        Promotion promotion = new Promotion(id, request.name(), PromotionKind.fromWireName(request.kind()), request.value(),
                request.segment() == null || request.segment().isBlank() ? null : request.segment(),
                request.from(), request.to(), request.allProducts(),
                request.allProducts() || request.skus() == null ? Set.of() : new TreeSet<>(request.skus()), 0);
        return promotions.save(promotion)
                .chain(() -> promotions.find(id))
                .call(events::publish)
                .map(CatalogService::view);
    }

    private static ProductView view(Product product, List<Promotion> active, ReviewSummary reviews) {
        List<PromotionOffer> offers = active.stream()
                .filter(promotion -> promotion.appliesTo(product.sku))
                .map(promotion -> new PromotionOffer(promotion.id(), promotion.name(), promotion.kind(),
                        promotion.value(), promotion.segment(), promotion.from(), promotion.to(),
                        promotion.priceOf(product.price)))
                .toList();
        BigDecimal best = offers.stream().map(PromotionOffer::promotionalPrice)
                .min(Comparator.naturalOrder()).orElse(null);
        return new ProductView(product.sku, product.name, product.description, product.price,
                product.currency.trim(), best, offers, reviews);
    }

    private static PromotionView view(Promotion promotion) {
        return new PromotionView(promotion.id(), promotion.name(), promotion.kind(), promotion.value(),
                promotion.segment(), promotion.from(), promotion.to(), promotion.allProducts(),
                List.copyOf(promotion.skus()));
    }
}
