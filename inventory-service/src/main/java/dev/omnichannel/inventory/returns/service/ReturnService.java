package dev.omnichannel.inventory.returns.service;

import dev.omnichannel.inventory.catalog.service.CatalogService;
import dev.omnichannel.inventory.location.service.LocationService;
import dev.omnichannel.inventory.returns.repository.ReturnRepository.Original;
import dev.omnichannel.inventory.returns.repository.ReturnRepository;
import dev.omnichannel.inventory.returns.rest.ReturnRequest;
import dev.omnichannel.inventory.returns.rest.ReturnView;
import dev.omnichannel.inventory.stock.domain.Movement;
import dev.omnichannel.inventory.stock.rest.StockLevelView;
import dev.omnichannel.inventory.stock.service.StockLedger;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.ReturnAccepted;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Return anywhere: any store that accepts returns takes the items back, whatever the channel
 * of the purchase. Resaleable units go into that store's available stock, damaged ones into its
 * non-sellable stock; both are ledger movements.
 */
@ApplicationScoped
public class ReturnService {

    private final ReturnRepository returns;
    private final StockLedger ledger;
    private final LocationService locations;
    private final CatalogService catalog;
    private final Outbox outbox;
    private final IdempotentRequests idempotent;

    ReturnService(ReturnRepository returns, StockLedger ledger, LocationService locations, CatalogService catalog,
            Outbox outbox, IdempotentRequests idempotent) {
        this.returns = returns;
        this.ledger = ledger;
        this.locations = locations;
        this.catalog = catalog;
        this.outbox = outbox;
        this.idempotent = idempotent;
    }

    @WithTransaction
    public Uni<ReturnView> accept(ReturnRequest request, Caller caller) {
        UUID id = UUID.randomUUID();
        String condition = request.conditionOrDefault();
        String originalRef = request.originalRef() == null || request.originalRef().isBlank() ? null : request.originalRef().trim();
        String channel = caller.channel();
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /returns"), request, ReturnView.class,
                () -> locations.require(request.storeId())
                        .invoke(store -> {
                            if (!store.returns) {
                                throw ProblemException.unprocessable("no-returns",
                                        "Store " + store.id + " does not accept returns");
                            }
                        })
                        .chain(() -> catalog.requireProduct(request.sku()))
                        .chain(() -> original(originalRef, request))
                        .chain(original -> ledger.record("damaged".equals(condition)
                                ? Movement.returnedDamaged(request.sku(), request.storeId(), request.quantity(), id.toString(), caller.actor())
                                : Movement.returned(request.sku(), request.storeId(), request.quantity(), id.toString(), caller.actor()))
                                .chain(level -> returns.insert(id, request.storeId(), request.sku(), request.quantity(),
                                        condition, originalRef, kind(original), customer(original), channel, caller.actor())
                                        .map(at -> new ReturnView(id, request.storeId(), request.sku(), request.quantity(),
                                                condition, originalRef, kind(original), customer(original), channel,
                                                StockLevelView.of(level), at))))
                        .call(accepted -> outbox.publish(Topics.INVENTORY_FULFILMENT, id.toString(),
                                new ReturnAccepted(id.toString(), accepted.storeId(), accepted.sku(), accepted.quantity(),
                                        condition, originalRef,
                                        accepted.customerId() == null ? null : accepted.customerId().toString(), channel))));
    }

    /**
     * The purchase the return refers to, checked: it holds the SKU, the customer got it, and no
     * more comes back than was bought. A reference that is not one of ours (a till receipt) is kept
     * as given, unlinked.
     */
    private Uni<Original> original(String originalRef, ReturnRequest request) {
        UUID originalId = uuid(originalRef);
        if (originalId == null) {
            return Uni.createFrom().nullItem();
        }
        return returns.original(originalId, request.sku()).chain(original -> {
            if (original == null) {
                return Uni.createFrom().nullItem();
            }
            if (original.purchased() == 0) {
                return Uni.createFrom().failure(ProblemException.unprocessable("not-in-original",
                        request.sku() + " is not part of " + original.kind() + " " + originalRef));
            }
            if (!original.fulfilled()) {
                return Uni.createFrom().failure(ProblemException.unprocessable("original-not-fulfilled",
                        "The customer has not received " + original.kind() + " " + originalRef + " yet"));
            }
            return returns.alreadyReturned(originalRef, request.sku()).map(returned -> {
                if (returned + request.quantity() > original.purchased()) {
                    throw ProblemException.unprocessable("more-than-purchased", "Only "
                            + (original.purchased() - returned) + " unit(s) of " + request.sku() + " remain to return");
                }
                return original;
            });
        });
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String kind(Original original) {
        return original == null ? null : original.kind();
    }

    private static UUID customer(Original original) {
        return original == null ? null : original.customerId();
    }
}
