package dev.omnichannel.gateway.view.service;

import dev.omnichannel.gateway.availability.events.StockFeed;
import dev.omnichannel.gateway.availability.service.StockReadModel;
import dev.omnichannel.gateway.catalog.service.CatalogModel;
import dev.omnichannel.gateway.view.domain.ViewParts.CartLine;
import dev.omnichannel.gateway.view.domain.ViewParts.WishlistLine;
import dev.omnichannel.gateway.view.rest.PersonalizedView.CartItem;
import dev.omnichannel.gateway.view.rest.PersonalizedView.WishlistItem;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The cart and wishlist lines of a view as the customer sees them: named and priced from the catalogue model with
 * the offers of their segments, and how many units their preferred store has, from the stock model.
 */
@ApplicationScoped
public class ViewLineItems {

    private final CatalogModel catalog;
    private final StockReadModel stock;
    private final StockFeed stockFeed;

    public ViewLineItems(CatalogModel catalog, StockReadModel stock, StockFeed stockFeed) {
        this.catalog = catalog;
        this.stock = stock;
        this.stockFeed = stockFeed;
    }

    List<CartItem> cartItems(List<CartLine> lines, List<PromotionChanged> offers, String preferredStore) {
        List<CartItem> items = new ArrayList<>(lines.size());
        for (CartLine line : lines) {
            ProductChanged product = catalog.product(line.sku());
            Integer available = availableAt(line.sku(), preferredStore);
            items.add(new CartItem(line.sku(), line.quantity(), product == null ? null : product.name(),
                    product == null ? null : catalog.unitPrice(product, offers), product == null ? null : product.price(),
                    product == null ? null : product.currency(), available,
                    available == null ? null : available >= line.quantity()));
        }
        return items;
    }

    List<WishlistItem> wishlistItems(List<WishlistLine> lines, List<PromotionChanged> offers, String preferredStore) {
        List<WishlistItem> items = new ArrayList<>(lines.size());
        for (WishlistLine line : lines) {
            ProductChanged product = catalog.product(line.sku());
            items.add(new WishlistItem(line.sku(), line.addedAt(), product == null ? null : product.name(),
                    product == null ? null : catalog.unitPrice(product, offers), product == null ? null : product.price(),
                    product == null ? null : product.currency(), availableAt(line.sku(), preferredStore)));
        }
        return items;
    }

    private Integer availableAt(String sku, String storeId) {
        return storeId == null || !stockFeed.reader().isCaughtUp() ? null : stock.available(sku, storeId);
    }
}
