package dev.omnichannel.gateway.view.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.omnichannel.gateway.availability.events.StockFeed;
import dev.omnichannel.gateway.availability.service.StockReads;
import dev.omnichannel.gateway.catalog.events.CatalogFeed;
import dev.omnichannel.gateway.catalog.service.CatalogModel;
import dev.omnichannel.gateway.client.ServiceUnavailableException;
import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.service.CustomerDirectory;
import dev.omnichannel.gateway.view.domain.ViewParts.CartLine;
import dev.omnichannel.gateway.view.domain.ViewParts.WishlistLine;
import dev.omnichannel.gateway.view.events.ViewFeed;
import dev.omnichannel.gateway.view.repository.ViewQueries.StoredView;
import dev.omnichannel.gateway.view.repository.ViewQueries;
import dev.omnichannel.gateway.view.rest.PersonalizedView.AsOf;
import dev.omnichannel.gateway.view.rest.PersonalizedView.Cart;
import dev.omnichannel.gateway.view.rest.PersonalizedView;
import dev.omnichannel.shared.events.Channel;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The personalized view, read locally: one statement on the view model (found from the token's
 * subject alone), priced with the catalogue model and the stock model in memory. No call to any
 * service on this path, but for a customer the model has never seen (their first sign-in).
 */
@ApplicationScoped
public class ViewReader {

    private static final TypeReference<List<CartLine>> CART = new TypeReference<>() {
    };
    private static final TypeReference<List<WishlistLine>> WISHLIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Long>> STOCK_VERSIONS = new TypeReference<>() {
    };

    private static final String NO_CONVERSATION = "{\"unread\":0,\"lastMessages\":[]}";
    private static final String NOTHING_HELD = "[]";

    private final ViewQueries queries;
    private final ViewFeed viewFeed;
    private final CatalogModel catalog;
    private final CatalogFeed catalogFeed;
    private final ViewLineItems lineItems;
    private final StockFeed stockFeed;
    private final StockReads stockReads;
    private final CustomerDirectory directory;
    /** Readers made once: a reader per read would resolve the generic type again each time (a view's hot path). */
    private final ObjectReader cartReader;
    private final ObjectReader wishlistReader;
    private final ObjectReader stockVersionsReader;
    private final ViewMetrics metrics;

    public ViewReader(ViewQueries queries, ViewFeed viewFeed, CatalogModel catalog, CatalogFeed catalogFeed,
            ViewLineItems lineItems, StockFeed stockFeed, StockReads stockReads, CustomerDirectory directory,
            ObjectMapper json, ViewMetrics metrics) {
        this.queries = queries;
        this.viewFeed = viewFeed;
        this.catalog = catalog;
        this.catalogFeed = catalogFeed;
        this.lineItems = lineItems;
        this.stockFeed = stockFeed;
        this.stockReads = stockReads;
        this.directory = directory;
        this.cartReader = json.readerFor(CART);
        this.wishlistReader = json.readerFor(WISHLIST);
        this.stockVersionsReader = json.readerFor(STOCK_VERSIONS);
        this.metrics = metrics;
    }

    /** The view of the customer who signs in with this token. */
    public Uni<PersonalizedView> viewOfCaller(Caller caller) {
        Uni<StoredView> stored = unavailableIfFailing(queries.viewOfSubject(caller.subject()))
                .chain(found -> found != null && found.profile() != null ? Uni.createFrom().item(found)
                        // never seen by the model: found or created by customer-service, whose answer is kept
                        : directory.customerIdOf(caller.subject(), caller)
                                .chain(id -> unavailableIfFailing(queries.viewOf(id, caller.subject()))
                                        .map(view -> view == null ? nothingOf(id) : view)));
        return assembled(stored, caller.channel());
    }

    /** The view of a customer, for a kiosk that identified them or for staff ({@code reader}). */
    public Uni<PersonalizedView> viewOf(String customerId, Caller reader) {
        return assembled(unavailableIfFailing(queries.viewOf(customerId, reader.subject()))
                .map(view -> view == null ? nothingOf(customerId) : view), reader.channel());
    }

    /** A customer the model has nothing of yet (just created, their events not read yet). */
    private static StoredView nothingOf(String customerId) {
        return new StoredView(customerId, null, null, List.of(), null, null, null, null, null, null, null, null,
                NOTHING_HELD, null, NOTHING_HELD, null, null);
    }

    /** Once the stock model holds the levels the reader's own writes changed, the parts become the view. */
    private Uni<PersonalizedView> assembled(Uni<StoredView> stored, Channel channel) {
        return stored.call(found -> stockReads.visible(readMap(found.readersStockWrites())))
                .map(found -> assemble(found, channel == null ? null : channel.wireName()));
    }

    private PersonalizedView assemble(StoredView stored, String channel) {
        List<PromotionChanged> offers = catalog.offers(stored.segments(), Instant.now());
        String preferredStore = stored.preferredStoreId();
        List<String> missing = missing(stored.profile() != null);
        AsOf asOf = new AsOf(stored.profileAsOf(), stored.cartAsOf(), stored.wishlistAsOf(), catalogFeed.reader().lastEventAt(),
                stored.reservationsAsOf(), stored.ordersAsOf(), stored.messagesAsOf(), stored.messagesAsOf(),
                stockFeed.reader().lastEventAt());
        metrics.served(asOf, missing, Instant.now());
        return new PersonalizedView(
                stored.profile(),
                new Cart(lineItems.cartItems(readList(stored.cart(), cartReader), offers, preferredStore), preferredStore),
                lineItems.wishlistItems(readList(stored.wishlist(), wishlistReader), offers, preferredStore),
                offers,
                stored.reservations(),
                stored.orders(),
                stored.conversation() == null ? NO_CONVERSATION : stored.conversation(),
                stored.inbox(),
                channel,
                !missing.isEmpty(),
                missing,
                asOf);
    }

    /** The services whose events this replica's models have not caught up with since it started. */
    private List<String> missing(boolean profileKnown) {
        List<String> missing = new ArrayList<>(3);
        if (!profileKnown || !viewFeed.isCaughtUp(viewFeed.topics().get(0))) {
            missing.add("customer");
        }
        if (!viewFeed.isCaughtUp(viewFeed.topics().get(1)) || !catalogFeed.reader().isCaughtUp()
                || !stockFeed.reader().isCaughtUp()) {
            missing.add("inventory");
        }
        if (!viewFeed.isCaughtUp(viewFeed.topics().get(2))) {
            missing.add("messaging");
        }
        return missing;
    }

    private Map<String, Long> readMap(String stored) {
        try {
            return stored == null ? Map.of() : stockVersionsReader.readValue(stored);
        } catch (IOException e) {
            throw new IllegalStateException("the view model holds unreadable stock versions", e);
        }
    }

    private static <T> List<T> readList(String stored, ObjectReader reader) {
        try {
            return stored == null ? List.of() : reader.readValue(stored);
        } catch (IOException e) {
            throw new IllegalStateException("the view model holds an unreadable list", e);
        }
    }

    private static <T> Uni<T> unavailableIfFailing(Uni<T> read) {
        return read.onFailure().transform(failure -> new ServiceUnavailableException("view model",
                "the gateway's database did not answer", failure));
    }
}
