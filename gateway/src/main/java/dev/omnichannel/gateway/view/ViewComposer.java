package dev.omnichannel.gateway.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.gateway.availability.AvailabilityService;
import dev.omnichannel.gateway.client.Json;
import dev.omnichannel.gateway.client.customer.CustomerClient;
import dev.omnichannel.gateway.client.inventory.InventoryClient;
import dev.omnichannel.gateway.client.messaging.MessagingClient;
import dev.omnichannel.gateway.view.PersonalizedView.Cart;
import dev.omnichannel.gateway.view.PersonalizedView.CartItem;
import dev.omnichannel.gateway.view.PersonalizedView.CustomerSummary;
import dev.omnichannel.shared.events.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Composes the personalized view from the services in parallel, within one time budget: every
 * call must answer before the deadline, and a part that does not (slow, down, breaker open) is
 * left out and its service named in {@code missing} — the view itself always answers.
 */
@ApplicationScoped
public class ViewComposer {

    private static final Logger LOG = Logger.getLogger(ViewComposer.class);

    private final CustomerClient customers;
    private final InventoryClient inventory;
    private final MessagingClient messaging;
    private final AvailabilityService availability;
    private final ViewConfig config;
    private final MeterRegistry metrics;

    public ViewComposer(CustomerClient customers, InventoryClient inventory, MessagingClient messaging,
            AvailabilityService availability, ViewConfig config, MeterRegistry metrics) {
        this.customers = customers;
        this.inventory = inventory;
        this.messaging = messaging;
        this.availability = availability;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<PersonalizedView> compose(String customerId, Channel channel) {
        Composition composition = new Composition(System.nanoTime() + config.budget().toNanos());
        Uni<JsonNode> profile = composition.within(() -> customers.profile(customerId)).memoize().indefinitely();

        Uni<CustomerSummary> customer = composition.part(CustomerClient.SERVICE, profile.map(CustomerSummary::of));
        Uni<Cart> cart = composition.part(CustomerClient.SERVICE, composition.within(() -> customers.cart(customerId)))
                .chain(answer -> answer == null ? Uni.createFrom().nullItem()
                        : priced(composition, Json.items(answer), preferredStoreOf(profile), segmentsOf(profile)));
        Uni<List<JsonNode>> wishlist = composition.part(CustomerClient.SERVICE,
                composition.within(() -> customers.wishlist(customerId)).map(Json::items));
        Uni<List<JsonNode>> offers = segmentsOf(profile).chain(segments -> composition.part(InventoryClient.SERVICE,
                composition.within(() -> inventory.promotions(segments)).map(Json::items)));
        Uni<List<JsonNode>> reservations = composition.part(InventoryClient.SERVICE,
                composition.within(() -> inventory.reservationsOf(customerId, true)).map(Json::items));
        Uni<JsonNode> conversation = composition.part(MessagingClient.SERVICE,
                composition.within(() -> messaging.conversationSummary(customerId)));

        return Uni.combine().all().unis(customer, cart, wishlist, offers, reservations, conversation)
                .with(parts -> {
                    List<String> missing = composition.missing();
                    missing.forEach(service -> metrics.counter("gateway.view.missing", "service", service).increment());
                    return new PersonalizedView((CustomerSummary) parts.get(0), (Cart) parts.get(1),
                            list(parts.get(2)), list(parts.get(3)), list(parts.get(4)), (JsonNode) parts.get(5),
                            channel == null ? null : channel.wireName(), !missing.isEmpty(), missing);
                });
    }

    /** Cart lines with the price the customer pays (promotions of their segments included), and whether the preferred store has them. */
    private Uni<Cart> priced(Composition composition, List<JsonNode> lines, Uni<String> preferredStore,
            Uni<List<String>> segments) {
        List<String> skus = lines.stream().map(line -> line.path("sku").asText()).distinct().toList();
        Uni<Map<String, JsonNode>> products = skus.isEmpty() ? Uni.createFrom().item(Map.of())
                : segments.chain(customerSegments -> Uni.join().all(skus.stream().map(sku -> composition.part(
                        InventoryClient.SERVICE, composition.within(() -> inventory.product(sku, customerSegments))))
                        .toList())
                        .andCollectFailures()
                        .map(found -> {
                            Map<String, JsonNode> bySku = new ConcurrentHashMap<>();
                            found.stream().filter(product -> product != null)
                                    .forEach(product -> bySku.put(product.path("sku").asText(), product));
                            return bySku;
                        }));
        Uni<StoreLevels> levels = preferredStore.chain(storeId -> storeId == null
                ? Uni.createFrom().item(new StoreLevels(null, null))
                : composition.part(InventoryClient.SERVICE,
                        composition.within(() -> availability.atLocation(skus, storeId)))
                        .map(available -> new StoreLevels(storeId, available)));
        return Uni.combine().all().unis(products, levels).asTuple().map(found -> {
            List<CartItem> items = new ArrayList<>();
            for (JsonNode line : lines) {
                String sku = line.path("sku").asText();
                int quantity = line.path("quantity").asInt();
                JsonNode product = found.getItem1().get(sku);
                Integer available = found.getItem2().available() == null ? null : found.getItem2().available().get(sku);
                items.add(new CartItem(sku, quantity, product == null ? null : product.path("name").asText(null),
                        product == null ? null : unitPrice(product), product == null ? null : decimal(product.get("price")),
                        product == null ? null : product.path("currency").asText(null), available,
                        available == null ? null : available >= quantity));
            }
            return new Cart(items, found.getItem2().storeId());
        });
    }

    private record StoreLevels(String storeId, Map<String, Integer> available) {
    }

    /** The price a customer pays for one unit now: the lowest active promotional price, else the price. */
    static BigDecimal unitPrice(JsonNode product) {
        BigDecimal price = decimal(product.get("price"));
        for (JsonNode promotion : product.path("promotions")) {
            BigDecimal promotional = decimal(promotion.get("promotionalPrice"));
            if (promotional != null && (price == null || promotional.compareTo(price) < 0)) {
                price = promotional;
            }
        }
        return price;
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || !value.isNumber() && !value.isTextual() ? null : new BigDecimal(value.asText());
    }

    private static Uni<String> preferredStoreOf(Uni<JsonNode> profile) {
        return profile.map(p -> p.path("preferences").path("preferredStoreId").asText(null))
                .onFailure().recoverWithNull();
    }

    /** Offers are for no segment or the customer's; without the profile, only those for everyone. */
    private static Uni<List<String>> segmentsOf(Uni<JsonNode> profile) {
        return profile.map(p -> {
            List<String> segments = new ArrayList<>();
            p.path("segments").forEach(segment -> segments.add(segment.asText()));
            return segments;
        }).onFailure().recoverWithItem(List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<JsonNode> list(Object part) {
        return (List<JsonNode>) part;
    }

    /** The deadline of one view and the services that missed it. */
    private static final class Composition {

        private static final long ONE_MILLISECOND = 1_000_000;

        private final long deadline;
        private final Set<String> missing = ConcurrentHashMap.newKeySet();

        Composition(long deadline) {
            this.deadline = deadline;
        }

        /** The call, failing with a timeout if it has not answered by the deadline (its request is then cancelled). */
        <T> Uni<T> within(Supplier<Uni<T>> call) {
            return Uni.createFrom().deferred(() -> {
                long left = deadline - System.nanoTime();
                if (left < ONE_MILLISECOND) { // the timer cannot wait less (Vert.x refuses it, uncaught)
                    return Uni.createFrom().failure(new TimeoutException());
                }
                return call.get().ifNoItem().after(Duration.ofNanos(left)).fail();
            });
        }

        /** A part of the view: on any failure it is null and its service is missing. */
        <T> Uni<T> part(String service, Uni<T> uni) {
            return uni.onFailure().recoverWithItem(failure -> {
                LOG.debugf("view without %s: %s", service, failure.toString());
                missing.add(service);
                return null;
            });
        }

        List<String> missing() {
            return List.copyOf(new TreeSet<>(missing));
        }
    }

}
